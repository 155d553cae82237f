/**
 * The entry points: a story in, a PDF brief out — as bytes or as a stream. The document carries
 * its metadata from the model (PDF 1.7 §14.3.3 document information, §14.9.2 natural language),
 * is tagged (§14.8) with a displayed title, and holds the validated story as an embedded file
 * (§7.11.4) so that the brief and its data travel together.
 */
import type { Readable } from 'node:stream';
import { assertStory, type Story, sourceById } from '@storykit/core';
import PDFDocument from 'pdfkit';
import { type PdfOptions, resolveOptions } from './options.js';
import { renderBrief } from './render-brief.js';

/** The document information author: the bylined authors, else the publisher. */
function authorOf(story: Story): string | undefined {
  const names = story.authors.map((id) => sourceById(story, id)?.name ?? id);
  if (names.length) return names.join(', ');
  return sourceById(story, story.publisher)?.name;
}

/**
 * Makes the PDF brief of a story and returns it as a Node.js readable stream of bytes. The layout
 * is done before this returns (errors are thrown, not emitted); the bytes then flow as the stream
 * is read. `Readable.toWeb(stream)` gives a web `ReadableStream`.
 *
 * @param story - A validated story (as `loadStory` returns it); checked with `assertStory` unless it was already.
 * @param options - Page size, sections, fonts, accent colour, dates; see {@link PdfOptions}.
 * @returns The PDF, as a stream.
 * @throws StoryValidationError when the story breaks the schema or an invariant.
 * @throws PdfOptionsError (a `RangeError`) for an option out of range (page size, colour, date …).
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { pipeline } from 'node:stream/promises';
 * await pipeline(toPdfStream(story), createWriteStream('brief.pdf'));
 * ```
 */
export function toPdfStream(input: Story, options: PdfOptions = {}): Readable {
  // Checked once (a story from loadStory or readStory is not checked again), before any field is read.
  const story = assertStory(input);
  const resolved = resolveOptions(story, options);
  const author = authorOf(story);
  const doc = new PDFDocument({
    size: resolved.pageSize === 'Letter' ? 'LETTER' : 'A4',
    margin: 0,
    // No standard 14 font: every glyph is drawn in an embedded font (fonts.ts). Left to its
    // default, pdfkit loads Helvetica's metrics through its own package's `imports` map, which
    // does not exist inside this package's build, where pdfkit is bundled (tsup.config.ts).
    font: null as unknown as string,
    bufferPages: true,
    tagged: true,
    displayTitle: true,
    lang: story.language,
    pdfVersion: '1.7',
    info: {
      Title: story.headline,
      ...(author ? { Author: author } : {}),
      Subject: story.dek ?? story.headline,
      Keywords: story.keywords.join(', '),
      Creator: 'storykit (@storykit/pdf)',
      CreationDate: resolved.date,
      ModDate: resolved.date,
    },
  });
  try {
    renderBrief(doc, story, resolved);
    if (resolved.attachStory) {
      doc.file(Buffer.from(`${JSON.stringify(story, null, 2)}\n`, 'utf8'), {
        name: 'story.json',
        type: 'application/json',
        description: `The storykit model of “${story.headline}”, validated`,
        creationDate: resolved.date,
        modifiedDate: resolved.date,
        // Associated-file relationship (PDF 2.0 §14.13.2, PDF/A-3): the data the brief is made from.
        relationship: 'Source',
      } as PDFKit.Mixins.PDFAttachmentOptions);
    }
  } catch (error) {
    doc.destroy();
    throw error;
  }
  doc.end();
  return doc;
}

/**
 * Makes the PDF brief of a story: one or two pages with the headline, the central claim and who
 * supports or disputes it, key figures with a chart, and every source; fonts embedded, tagged,
 * with the story attached as `story.json`. The same story and options give the same bytes.
 *
 * @param story - A validated story (as `loadStory` returns it).
 * @param options - See {@link PdfOptions}.
 * @returns The PDF file's bytes.
 * @throws StoryValidationError when the story breaks the schema or an invariant.
 * @throws PdfOptionsError (a `RangeError`) for an option out of range.
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { loadStory } from '@storykit/core/node';
 * import { toPdf } from '@storykit/pdf';
 *
 * const story = loadStory('fixtures/kerry-on-the-run');
 * await writeFile('brief.pdf', await toPdf(story, { pageSize: 'Letter' }));
 * ```
 */
export async function toPdf(story: Story, options: PdfOptions = {}): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of toPdfStream(story, options)) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
