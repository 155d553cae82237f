import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixPackage } from '../src/lib/package-parts.js';

/** A package whose parts refer to each other by ids drawn at random, as the docx library draws them. */
function packageWith(ids: readonly string[]): Uint8Array {
  const rels = ids
    .map((id, i) => `<Relationship Id="${id}" Target="charts/chart${i + 1}.xml"/>`)
    .join('');
  const refs = ids.map((id) => `<c:chart r:id="${id}"/>`).join('');
  return zipSync({
    'word/document.xml': strToU8(
      `<w:document>${refs}<w:bookmarkStart w:id="7" w:name="_Toc40"/><w:bookmarkEnd w:id="7"/></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(`<Relationships>${rels}</Relationships>`),
    '[Content_Types].xml': strToU8('<Types/>'),
  });
}

const PROPERTIES = { title: 'T', creator: 'C', keywords: '', description: 'D', language: 'en' };

describe('fixPackage', () => {
  it('renumbers random relationship ids wherever they are, whatever characters they end with', () => {
    const first = fixPackage(
      packageWith(['rIdabcdefghijklmnopqrstu', 'rIdABCDEFGHIJKLMNOPQRS-_']),
      PROPERTIES,
    );
    const second = fixPackage(
      packageWith(['rId0123456789_-abcdefghi', 'rIdzyxwvutsrqponmlkjih--']),
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
    const parts = unzipSync(fixPackage(packageWith([]), PROPERTIES));
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
    const core = strFromU8(parts['docProps/core.xml'] as Uint8Array);
    expect(core).toContain('<dc:title>T</dc:title>');
    expect(core).not.toContain('dcterms:created');
  });
});
