import { strToU8, type Zippable, zipSync } from 'fflate';
import { escapeXml } from './text.js';

/** The document's core properties (OPC Part 2 §11, `docProps/core.xml`). */
export interface CoreProperties {
  readonly title: string;
  readonly subject?: string;
  readonly creator: string;
  readonly keywords: string;
  readonly description: string;
  /** BCP 47 language of the content (`dc:language`). */
  readonly language: string;
  /** ISO 8601 date, possibly partial: written as `dcterms:created` and `dcterms:modified`. */
  readonly date?: string;
  /** The document's stage (`cp:contentStatus`, OPC Part 2 §11.1: "Draft", "Reviewed", "Final"). */
  readonly status?: string;
}

/**
 * The zip entries' time: 1980-01-01 12:00, near the earliest a zip (DOS) timestamp can hold. It is
 * a property of the container, not a claim about the document (whose date is in core.xml). Zip
 * times are local: noon of a local date gives the same fields, so the same bytes, in every zone.
 */
const ZIP_TIME = new Date(1980, 0, 1, 12, 0, 0);

/** A package's parts by name, as the `docx` library's compiler gives them, before any zip. */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

/**
 * Zips a package from the `docx` library's parts, byte-for-byte reproducible, in one pass: writes
 * `docProps/core.xml` from the story (the library stamps the clock's time there), renumbers the ids
 * the library draws at random (chart relationship ids) or from process-wide counters (drawing,
 * bookmark and table of contents ids) in the XML text before it is compressed, stamps the fixed
 * entry time on the chart's embedded workbook (a zip the library writes with the clock's time)
 * without unpacking it, and puts `[Content_Types].xml` first and the other parts in name order.
 */
export function zipPackage(parts: PackageParts, properties: CoreProperties): Uint8Array {
  const ids = new IdMaps();
  const ordered: Zippable = {};
  for (const name of sortedNames([...parts.keys()])) {
    const data = parts.get(name) as string | Uint8Array;
    let bytes: Uint8Array;
    if (name === 'docProps/core.xml') bytes = strToU8(coreXml(properties));
    else if (typeof data !== 'string') bytes = name.endsWith('.xlsx') ? stampZipTimes(data) : data;
    else
      bytes = strToU8(name.endsWith('.xml') || name.endsWith('.rels') ? ids.renumber(data) : data);
    ordered[name] = [bytes, { mtime: ZIP_TIME }];
  }
  return zipSync(ordered, { level: 6 });
}

/** `[Content_Types].xml` first (some readers look for it there), then the parts in name order. */
function sortedNames(names: string[]): string[] {
  return names.sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
}

/** {@link ZIP_TIME} as MS-DOS time and date fields (APPNOTE 4.4.6). */
const DOS_TIME = (ZIP_TIME.getHours() << 11) | (ZIP_TIME.getMinutes() << 5);
const DOS_DATE =
  ((ZIP_TIME.getFullYear() - 1980) << 9) | ((ZIP_TIME.getMonth() + 1) << 5) | ZIP_TIME.getDate();

/**
 * A copy of a zip with {@link ZIP_TIME} in every entry's time fields, its local header's and its
 * central directory record's (APPNOTE 4.3.7, 4.3.12), found from the end of central directory
 * record; the compressed data is copied as it is. A zip in a form this does not read (a comment
 * that hides the end record, ZIP64) is refused rather than left with the clock's time.
 */
export function stampZipTimes(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const end = out.length - 22;
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) {
    throw new Error('stampZipTimes: not a zip without a comment');
  }
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('stampZipTimes: broken directory');
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('stampZipTimes: broken entry');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return out;
}

/**
 * New ids in order of first appearance across the package, so that the same document gives the
 * same ids whatever the process made before it: random relationship ids (`rId` + 21 characters
 * from nanoid) become `rIdS1`, `rIdS2`, …; `_Toc` bookmark names, bookmark ids and drawing ids
 * count from 1.
 */
class IdMaps {
  private readonly relationships = new Map<string, string>();
  private readonly toc = new Map<string, string>();
  private readonly bookmarks = new Map<string, string>();
  private drawing = 0;

  private static next(map: Map<string, string>, key: string, make: (n: number) => string): string {
    let value = map.get(key);
    if (value === undefined) {
      value = make(map.size + 1);
      map.set(key, value);
    }
    return value;
  }

  /** Each pattern is only run over a part that holds its marker (most parts hold none of them). */
  renumber(xml: string): string {
    let out = xml;
    if (out.includes('rId'))
      out = out.replace(/\brId[A-Za-z0-9_-]{21}(?![A-Za-z0-9_-])/g, (id) =>
        IdMaps.next(this.relationships, id, (n) => `rIdS${n}`),
      );
    if (out.includes('_Toc'))
      out = out.replace(/\b_Toc(\d+)\b/g, (name) => IdMaps.next(this.toc, name, (n) => `_Toc${n}`));
    if (out.includes('<w:bookmark'))
      out = out.replace(
        /(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)"/g,
        (_, head: string, id: string) => `${head}${IdMaps.next(this.bookmarks, id, String)}"`,
      );
    if (out.includes('<wp:docPr'))
      out = out.replace(
        /(<wp:docPr\b[^>]*?\sid=")(\d+)"/g,
        (_, head: string) => `${head}${++this.drawing}"`,
      );
    return out;
  }
}

/** A date for `dcterms:created` (W3CDTF): a partial date is taken at its first day, midnight UTC. */
function w3cdtf(date: string): string {
  if (date.includes('T')) return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}T00:00:00Z`;
}

function coreXml(p: CoreProperties): string {
  const element = (name: string, value: string | undefined, attributes = '') =>
    value === undefined ? '' : `<${name}${attributes}>${escapeXml(value)}</${name}>`;
  const date = p.date ? w3cdtf(p.date) : undefined;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', p.title),
    element('dc:subject', p.subject),
    element('dc:creator', p.creator),
    element('cp:keywords', p.keywords),
    element('dc:description', p.description),
    element('dc:language', p.language),
    element('dcterms:created', date, ' xsi:type="dcterms:W3CDTF"'),
    element('dcterms:modified', date, ' xsi:type="dcterms:W3CDTF"'),
    element('cp:contentStatus', p.status),
    '</cp:coreProperties>',
  ].join('');
}
