/**
 * Writes the JSON Schema of the curated story file (`story.yaml`) to `dist/schema.json`, generated
 * from the same zod definition the loader checks against, so editors' completion cannot drift.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { storyFileSchema } from '../src/lib/schema.js';

const schema = z.toJSONSchema(storyFileSchema, {
  target: 'draft-2020-12',
  io: 'input',
  unrepresentable: 'throw',
});
const document = {
  ...schema,
  $id: 'https://unpkg.com/@storykit/core/dist/schema.json',
  title: 'storykit story file',
  description: 'A curated storykit story (story.yaml): the article model, anchored by quoted text.',
};
writeFileSync(
  new URL('../dist/schema.json', import.meta.url),
  `${JSON.stringify(document, null, 2)}\n`,
);
