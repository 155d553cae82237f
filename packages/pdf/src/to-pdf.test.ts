/**
 * The brief of the seed story, read back with poppler and qpdf: structure, metadata, fonts, the
 * attached model, the text a reader sees, and where that text sits on the page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { formatFigureValue, storySchema, validateStory } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toPdf, toPdfStream } from '@storykit/pdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pdffonts,
  pdfinfo,
  pdftext,
  run,
  scratch,
  type Word,
  words,
  wordsOutsideMargins,
} from '../test/pdf-readers.js';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
const story = loadStory(SEED);
const files = scratch();
let bytes: Uint8Array;
let path: string;
let text: string;

beforeAll(async () => {
  bytes = await toPdf(story);
  path = files.write(bytes, 'brief.pdf');
  text = pdftext(path);
});
afterAll(() => files.remove());

describe('toPdf on the seed story', () => {
  it('writes a PDF that qpdf finds sound', () => {
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
  });

  it('carries title, author, subject, keywords, a fixed date and tags', () => {
    const info = pdfinfo(path);
    expect(info.Title).toBe(story.headline);
    expect(info.Author).toBe('The Christian Science Monitor'); // no byline: the publisher
    expect(info.Subject).toBe(story.dek);
    expect(info.Keywords).toBe(story.keywords.join(', '));
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(1);
    expect(Number(info.Pages)).toBeLessThanOrEqual(2);
    expect(info['Page size']).toContain('(A4)');
    // The seed has no published date: the documented fallback, never the clock.
    expect(info.CreationDate).toBe('Thu Jan  1 00:00:00 1970 UTC');
    expect(info.ModDate).toBe(info.CreationDate);
  });

  it('declares the language, displays the title and builds a structure tree', () => {
    const pdf = Buffer.from(bytes).toString('latin1');
    expect(pdf).toMatch(/\/Lang \(en\)/);
    expect(pdf).toMatch(/\/DisplayDocTitle true/);
    for (const type of [
      'Document',
      'H1',
      'H2',
      'H3',
      'P',
      'Table',
      'TR',
      'TH',
      'TD',
      'Figure',
      'BlockQuote',
    ]) {
      expect(pdf, type).toContain(`/S /${type}`);
    }
    expect(pdf).toMatch(
      /\/Alt \(Bar chart, People killed: Nice attack, at least 84; Istanbul airport attack, 41; Baghdad truck bombing, 215\.\)/,
    );
  });

  it('embeds every font it uses, subset, with a Unicode map', () => {
    const fonts = pdffonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
    }
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
      'DejaVuSans-Oblique',
    ]); // no fallback font is loaded for Latin text
  });

  it('attaches the validated story as story.json', () => {
    expect(run('pdfdetach', ['-list', path])).toMatch(/1 embedded files\s+1: story\.json/);
    const out = join(files.dir, 'attached.json');
    run('pdfdetach', ['-save', '1', '-o', out, path]);
    const attached = JSON.parse(readFileSync(out, 'utf8'));
    expect(validateStory(attached)).toEqual([]);
    expect(storySchema.parse(attached)).toEqual(JSON.parse(JSON.stringify(story)));
  });

  it('shows the headline, the dek and the claim with its paragraph', () => {
    expect(text).toContain(story.headline);
    expect(text).toContain(story.dek);
    expect(text).toContain('“on the run” — John Kerry, US Secretary of State');
    expect(text).toContain('¶1');
    expect(text).toContain(
      'Supported by 5 statements from 1 source; disputed by 7 statements from 4 sources.',
    );
  });

  it('names every speaker and every source, anonymous ones as the article describes them', () => {
    for (const statement of story.statements) {
      const speaker = story.sources.find((s) => s.id === statement.speaker);
      expect(text, statement.id).toContain(speaker?.name);
    }
    for (const source of story.sources) expect(text, source.id).toContain(source.name);
    expect(text).toContain('an intelligence official in Washington (unnamed source)');
    expect(text).toContain('Unnamed: the article gives only this description.');
  });

  it('says how each source reached the article', () => {
    expect(text).toContain(
      'TV/interview on CNN’s “State of the Union”, with Jake Tapper (CNN), 17 July 2016',
    );
    expect(text).toContain('interview with Scott Peterson (The Christian Science Monitor)');
    expect(text).toContain('told CNN');
    expect(text).toContain('reported by the article (“announced”), 12 July 2016');
    expect(text).toContain('not quoted; publisher of the article');
  });

  it('lists every key figure with its qualifier and paragraph', () => {
    for (const figure of story.figures)
      expect(text, figure.id).toContain(formatFigureValue(figure));
    expect(text).toContain('at least 84 people');
    expect(text).toContain('less than 1 decade');
    expect(text).toContain('40–45 percent');
    // The chart labels its bars with the qualifier too.
    expect(text).toMatch(/Nice attack .*at least 84/);
  });

  it('keeps every word inside the margins and no two words on top of each other', () => {
    const all = words(path);
    expect(all.length).toBeGreaterThan(500);
    expect(wordsOutsideMargins(all)).toEqual([]);
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i] as Word;
        const b = all[j] as Word;
        if (a.page !== b.page) continue;
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (dx > 0.5 && dy > 0.5) expect.fail(`"${a.text}" overlaps "${b.text}" on page ${a.page}`);
      }
    }
  });

  it('numbers its pages in the footer, with the story id', () => {
    const pages = Number(pdfinfo(path).Pages);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p} of ${pages}`);
    expect(text).toContain(
      'kerry-on-the-run · ¶ = paragraph of the article · model attached as story.json',
    );
  });

  it('gives the same bytes every time, in this process and in another', async () => {
    expect(Buffer.from(await toPdf(story)).equals(Buffer.from(bytes))).toBe(true);
    const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const node = fileURLToPath(new URL('../../core/dist/node.js', import.meta.url));
    const script = `
      const { toPdf } = await import(${JSON.stringify(dist)});
      const { loadStory } = await import(${JSON.stringify(node)});
      process.stdout.write(Buffer.from(await toPdf(loadStory(${JSON.stringify(SEED)}))).toString('base64'));
    `;
    const other = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(Buffer.from(other, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('the CommonJS build', () => {
  it('loads its fonts and makes the same bytes', async () => {
    const cjs = createRequire(import.meta.url)('@storykit/pdf') as typeof import('@storykit/pdf');
    expect(Buffer.from(await cjs.toPdf(story)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('toPdf options', () => {
  it('sets Letter paper and a given creation date', async () => {
    const out = files.write(await toPdf(story, { pageSize: 'Letter', creationDate: '2016-07-18' }));
    const info = pdfinfo(out);
    expect(info['Page size']).toContain('(letter)');
    expect(info.CreationDate).toBe('Mon Jul 18 00:00:00 2016 UTC');
    expect(run('qpdf', ['--check', out])).toContain('No syntax or stream encoding errors');
    expect(wordsOutsideMargins(words(out))).toEqual([]);
  });

  it('takes the date from the story when it has one', async () => {
    const dated = { ...story, published: '2016-07-18T09:30:00-04:00' };
    const info = pdfinfo(files.write(await toPdf(dated)));
    expect(info.CreationDate).toBe('Mon Jul 18 13:30:00 2016 UTC');
    expect(pdftext(files.write(await toPdf(dated)))).toContain('18 JULY 2016'); // the masthead's kicker is set in capitals
  });

  it('says in the masthead, above the headline, that a draft is unreviewed', async () => {
    const out = files.write(await toPdf({ ...story, draft: true }));
    expect(pdftext(out)).toContain('UNREVIEWED DRAFT — not yet checked by an editor');
    const onPage = words(out).filter((w) => w.page === 1);
    const mark = onPage.find((w) => w.text === 'UNREVIEWED');
    const headline = onPage.find((w) => w.text === story.headline.split(' ')[0]);
    expect(mark && headline && mark.yMax <= headline.yMin).toBe(true);
    expect(wordsOutsideMargins(words(out))).toEqual([]);
    expect(text).not.toContain('UNREVIEWED');
  });

  it('draws only the sections asked for, in that order', async () => {
    const out = pdftext(files.write(await toPdf(story, { sections: ['sources', 'notes'] })));
    expect(out).not.toContain('THE CENTRAL CLAIM');
    expect(out).not.toContain('KEY FIGURES');
    expect(out.indexOf('SOURCES')).toBeLessThan(out.indexOf('EDITOR’S NOTES'));
    expect(out).toContain('the scrape carries no publication date');
  });

  it('leaves the model out when asked', async () => {
    const out = files.write(await toPdf(story, { attachStory: false }));
    expect(run('pdfdetach', ['-list', out])).toMatch(/0 embedded files/);
    expect(pdftext(out)).not.toContain('story.json');
  });

  it('streams the same bytes', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of toPdfStream(story)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
  });

  it('rejects options out of range and invalid stories before drawing', async () => {
    await expect(toPdf(story, { accentColor: 'blue' })).rejects.toThrow(RangeError);
    await expect(toPdf(story, { accentColor: 'blue' })).rejects.toMatchObject({
      name: 'PdfOptionsError',
      option: 'accentColor',
      message: 'options.accentColor must be a colour as #rrggbb or #rgb, got "blue"',
    });
    await expect(toPdf(story, { sections: ['claim', 'charts' as never] })).rejects.toMatchObject({
      option: 'sections[1]',
    });
    await expect(toPdf(story, { pageSize: 'A3' as never })).rejects.toThrow(/pageSize/);
    await expect(toPdf(story, { sections: ['claim', 'index' as never] })).rejects.toThrow(/index/);
    await expect(toPdf(story, { creationDate: 'Sunday' })).rejects.toThrow(/ISO 8601/);
    await expect(toPdf(story, { maxQuoteWords: 0 })).rejects.toThrow(/maxQuoteWords/);
    const broken = { ...story, statements: [{ ...story.statements[0]!, speaker: 'nobody' }] };
    await expect(toPdf(broken)).rejects.toMatchObject({ name: 'StoryValidationError' });
  });

  it('draws the photo when the media folder holds it', async () => {
    const dir = scratch();
    try {
      dir.write(tinyPng(), 'photo.png');
      const withPhoto = {
        ...story,
        media: story.media.map((m) => ({ ...m, path: 'photo.png' })),
      };
      const out = files.write(await toPdf(withPhoto, { mediaDir: dir.dir }));
      expect(run('pdfimages', ['-list', out])).toMatch(/\n\s+1\s+\d+\s+image\s+4\s+3\b/);
      expect(pdftext(out)).toContain('Alexander Zemlianichenko/AP');
      // core's validation refuses a path out of the folder before the PDF reads anything.
      await expect(
        toPdf(
          { ...withPhoto, media: [{ ...withPhoto.media[0]!, path: '../photo.png' }] },
          { mediaDir: dir.dir },
        ),
      ).rejects.toThrow(/media\[0\]\.path: "\.\.\/photo\.png" goes up with "\.\."/);
    } finally {
      dir.remove();
    }
  });
});

/** A 4 × 3 RGB PNG, made here so the test needs no binary fixture. */
function tinyPng(): Buffer {
  const crc32 = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(3, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.alloc(3 * (1 + 4 * 3), 0x80);
  for (let r = 0; r < 3; r++) rows[r * 13] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
