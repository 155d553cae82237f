import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  type PackageParts,
  stampZipTimes,
  zipPackage,
  zipParts,
} from '../src/lib/package-parts.js';

/** A package's parts that refer to each other by ids drawn at random, as the docx library draws them. */
function partsWith(ids: readonly string[], workbook?: Uint8Array): PackageParts {
  const rels = ids
    .map((id, i) => `<Relationship Id="${id}" Target="charts/chart${i + 1}.xml"/>`)
    .join('');
  const refs = ids.map((id) => `<c:chart r:id="${id}"/>`).join('');
  return new Map<string, string | Uint8Array>([
    [
      'word/document.xml',
      `<w:document>${refs}<w:bookmarkStart w:id="7" w:name="_Toc40"/><w:bookmarkEnd w:id="7"/></w:document>`,
    ],
    ['word/_rels/document.xml.rels', `<Relationships>${rels}</Relationships>`],
    ['docProps/core.xml', '<cp:coreProperties>the clock’s time</cp:coreProperties>'],
    ...(workbook ? [['word/embeddings/Microsoft_Excel_Worksheet1.xlsx', workbook] as const] : []),
    ['[Content_Types].xml', '<Types/>'],
  ]);
}

const PROPERTIES = { title: 'T', creator: 'C', keywords: '', description: 'D', language: 'en' };

/** The entry times a zip's central directory gives, as Python's zipfile would read them. */
function centralTimes(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const times: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    times.push(view.getUint32(at + 12, true));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true);
  }
  return times;
}

describe('zipPackage', () => {
  it('renumbers random relationship ids wherever they are, whatever characters they end with', () => {
    const first = zipPackage(
      partsWith(['rIdabcdefghijklmnopqrstu', 'rIdABCDEFGHIJKLMNOPQRS-_']),
      PROPERTIES,
    );
    const second = zipPackage(
      partsWith(['rId0123456789_-abcdefghi', 'rIdzyxwvutsrqponmlkjih--']),
      PROPERTIES,
    );
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const parts = unzipSync(first);
    expect(strFromU8(parts['word/document.xml'] as Uint8Array)).toBe(
      '<w:document><c:chart r:id="rIdS1"/><c:chart r:id="rIdS2"/><w:bookmarkStart w:id="1" w:name="_Toc1"/><w:bookmarkEnd w:id="1"/></w:document>',
    );
    expect(strFromU8(parts['word/_rels/document.xml.rels'] as Uint8Array)).toContain(
      'Id="rIdS2" Target="charts/chart2.xml"',
    );
  });

  it('puts [Content_Types].xml first and writes the core properties without a date it was not given', () => {
    const parts = unzipSync(zipPackage(partsWith([]), PROPERTIES));
    expect(Object.keys(parts)).toEqual([
      '[Content_Types].xml',
      'docProps/core.xml',
      'word/_rels/document.xml.rels',
      'word/document.xml',
    ]);
    const core = strFromU8(parts['docProps/core.xml'] as Uint8Array);
    expect(core).toContain('<dc:title>T</dc:title>');
    expect(core).not.toContain('clock');
    expect(core).not.toContain('dcterms:created');
  });

  it('gives an embedded workbook zipped at different times the same bytes, its files unchanged', () => {
    const files = {
      'xl/workbook.xml': strToU8('<workbook/>'),
      '[Content_Types].xml': strToU8('<T/>'),
    };
    const at = (mtime: Date) => zipPackage(partsWith([], zipSync(files, { mtime })), PROPERTIES);
    const early = at(new Date(2001, 2, 3, 4, 5, 6));
    const late = at(new Date(2031, 8, 9, 10, 11, 12));
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(true);
    const workbook = unzipSync(early)[
      'word/embeddings/Microsoft_Excel_Worksheet1.xlsx'
    ] as Uint8Array;
    expect(unzipSync(workbook)).toEqual(files);
    const stamped = centralTimes(workbook);
    expect(stamped).toEqual(centralTimes(zipSync(files, { mtime: new Date(1980, 0, 1, 12) })));
  });
});

describe('zipParts', () => {
  const ZIP_TIME = new Date(1980, 0, 1, 12);

  it('writes the zip fflate writes for the same entries, a name beyond ASCII included', () => {
    const parts = new Map<string, string | Uint8Array>([
      ['[Content_Types].xml', '<Types/>'],
      ['word/styles.xml', `<w:styles>${'<w:style/>'.repeat(500)}</w:styles>`],
      ['word/média/ünïcode.xml', '<é/>'],
      ['word/media/image.bin', new Uint8Array(4000).map((_, i) => (i * 7) % 251)],
      ['word/empty.xml', ''],
    ]);
    const zipped = zipParts(parts, PROPERTIES);
    const expected = zipSync(
      Object.fromEntries(
        [...parts].map(([name, data]) => [
          name,
          [typeof data === 'string' ? strToU8(data) : data, { mtime: ZIP_TIME }],
        ]),
      ),
      { level: 6 },
    );
    expect(Buffer.from(zipped).equals(Buffer.from(expected))).toBe(true);
  });

  it('compresses a part kept from an earlier document anew when its text differs', () => {
    const withStyles = (styles: string) =>
      unzipSync(zipParts(new Map([['word/styles.xml', styles]]), PROPERTIES));
    expect(strFromU8(withStyles('<w:styles>one</w:styles>')['word/styles.xml'] as Uint8Array)).toBe(
      '<w:styles>one</w:styles>',
    );
    expect(strFromU8(withStyles('<w:styles>two</w:styles>')['word/styles.xml'] as Uint8Array)).toBe(
      '<w:styles>two</w:styles>',
    );
    expect(strFromU8(withStyles('<w:styles>one</w:styles>')['word/styles.xml'] as Uint8Array)).toBe(
      '<w:styles>one</w:styles>',
    );
  });
});

describe('stampZipTimes', () => {
  it('refuses bytes that are not a zip rather than leave a time unstamped', () => {
    expect(() =>
      stampZipTimes(strToU8('not a zip, but long enough to hold an end record')),
    ).toThrow(/not a zip/);
  });
});
