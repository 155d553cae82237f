// Type-checked with tsc --strict against the installed tarballs, under nodenext and bundler.
import { readStory, type Story, StoryValidationError } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { parseStory } from '@storykit/core/yaml';
import { type DocxOptions, toDocx } from '@storykit/docx';
import { type ExtractOptions, fromText } from '@storykit/extract';
import { type FeedOptions, streamRss, toRss } from '@storykit/feed';
import { type JsonLdDocument, toJsonLd } from '@storykit/jsonld';
import { checkJsonLd } from '@storykit/jsonld/check';
import { type PdfOptions, toPdf } from '@storykit/pdf';
import { run } from 'storykit';

export async function all(dir: string): Promise<number> {
  const story: Story = loadStory(dir);
  const again: Story = readStory(JSON.stringify(story));
  const parsed: Story = parseStory(
    JSON.stringify({ id: 'x', headline: 'X', language: 'en', body: [{ text: 'Hi.' }] }),
  );
  const pdf: PdfOptions = {
    pageSize: 'Letter',
    onMissingGlyph: (char, message) => [char, message],
  };
  const docx: DocxOptions = { sections: ['figures'] };
  const feed: FeedOptions = { baseUrl: 'https://news.example/' };
  const bytes: Uint8Array[] = [await toPdf(again, pdf), await toDocx(again, docx)];
  const doc: JsonLdDocument = toJsonLd(again);
  await checkJsonLd(doc);
  for await (const chunk of streamRss([again], feed)) bytes.push(new TextEncoder().encode(chunk));
  const options: ExtractOptions = {};
  const draft: Story = await fromText(toRss(again, feed), options);
  if (!(new StoryValidationError([]) instanceof Error)) return -1;
  return (
    (await run(['validate', dir])) + bytes.length + draft.statements.length + parsed.body.length
  );
}
