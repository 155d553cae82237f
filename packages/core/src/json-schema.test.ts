import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@storykit/core/schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const seed = parse(
  readFileSync(new URL('../../../fixtures/kerry-on-the-run/story.yaml', import.meta.url), 'utf8'),
);

describe('the shipped JSON Schema (@storykit/core/schema.json)', () => {
  it('accepts the curated seed story, as an editor’s YAML tooling would read it', () => {
    expect(validate(seed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a misspelled field, a wrong enum and a non-numeric figure', () => {
    expect(validate({ ...seed, headlne: 'x' })).toBe(false);
    expect(validate({ ...seed, statements: [{ ...seed.statements[0], kind: 'rumour' }] })).toBe(
      false,
    );
    expect(validate({ ...seed, figures: [{ ...seed.figures[0], value: 'many' }] })).toBe(false);
  });

  it('documents fields for editor completion', () => {
    expect(schema.properties.statements.items.properties.speaker.description).toMatch(/source id/);
  });
});
