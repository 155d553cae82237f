import { deflateSync, strToU8 } from 'fflate';
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
  return zipParts(renumberParts(parts), properties);
}

/**
 * The parts with the ids the library draws at random or from process-wide counters renumbered
 * in order of first appearance (see {@link zipPackage}), `[Content_Types].xml` first and the
 * others in name order. Text added afterwards must not hold such ids.
 */
export function renumberParts(parts: PackageParts): PackageParts {
  const ids = new IdMaps();
  const out = new Map<string, string | Uint8Array>();
  for (const name of sortedNames([...parts.keys()])) {
    const data = parts.get(name) as string | Uint8Array;
    out.set(
      name,
      typeof data === 'string' && (name.endsWith('.xml') || name.endsWith('.rels'))
        ? ids.renumber(data)
        : data,
    );
  }
  return out;
}

/**
 * Zips parts in the order given, with `docProps/core.xml` written from `properties`, the fixed
 * entry time, and the chart's embedded workbook stamped with that time (see {@link zipPackage}).
 */
export function zipParts(parts: PackageParts, properties: CoreProperties): Uint8Array {
  const entries: ZipEntry[] = [];
  for (const [name, data] of parts) {
    if (name === 'docProps/core.xml') entries.push(compressed(name, coreXml(properties)));
    else if (typeof data === 'string') entries.push(compressed(name, data));
    else entries.push(compressed(name, name.endsWith('.xlsx') ? stampZipTimes(data) : data));
  }
  return zipOf(entries);
}

/** A zip entry: its name, the CRC-32 and length of its data, and the data deflated. */
interface ZipEntry {
  readonly name: Uint8Array;
  /** Whether the name holds a character beyond ASCII (APPNOTE 4.4.4, bit 11: UTF-8 name). */
  readonly utf8: boolean;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

/**
 * The parts every report holds with the same text whatever the story (the styles, the theme,
 * numbering, settings, fonts table, endnotes' separators, app and custom properties, and the
 * relationships of the parts that have none of their own): each is deflated once per process and
 * its entry reused while the library writes it the same. Parts that come from the story are never
 * kept: each report compresses them anew.
 */
const CONSTANT_PARTS = new Set([
  '_rels/.rels',
  'docProps/app.xml',
  'docProps/custom.xml',
  'word/_rels/endnotes.xml.rels',
  'word/_rels/fontTable.xml.rels',
  'word/_rels/footer1.xml.rels',
  'word/_rels/footnotes.xml.rels',
  'word/endnotes.xml',
  'word/fontTable.xml',
  'word/numbering.xml',
  'word/settings.xml',
  'word/styles.xml',
  'word/theme/theme1.xml',
]);
const constantEntries = new Map<string, { readonly text: string; readonly entry: ZipEntry }>();

function compressed(name: string, data: string | Uint8Array): ZipEntry {
  const constant = typeof data === 'string' && CONSTANT_PARTS.has(name);
  if (constant) {
    const kept = constantEntries.get(name);
    if (kept?.text === data) return kept.entry;
  }
  const bytes = typeof data === 'string' ? strToU8(data) : data;
  const encoded = strToU8(name);
  const entry: ZipEntry = {
    name: encoded,
    utf8: encoded.length !== name.length,
    crc: crc32(bytes),
    size: bytes.length,
    // Level 6, as the library's Packer zips.
    data: deflateSync(bytes, { level: 6 }),
  };
  if (constant) constantEntries.set(name, { text: data, entry });
  return entry;
}

/**
 * A zip (APPNOTE 6.3.10) of deflated entries, in the order given, laid out as fflate's `zipSync`
 * writes one: a local header (§4.3.7) and the data for each entry, then the central directory
 * (§4.3.12) and its end record (§4.3.16), every entry at {@link ZIP_TIME}.
 */
function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  let local = 0;
  let central = 0;
  for (const e of entries) {
    local += 30 + e.name.length + e.data.length;
    central += 46 + e.name.length;
  }
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  const header = (at: number, e: ZipEntry) => {
    view.setUint16(at, 20, true); // version needed to extract: 2.0 (deflate)
    view.setUint16(at + 2, e.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 4, 8, true); // deflate
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  let at = 0;
  let record = local;
  for (const e of entries) {
    view.setUint32(at, 0x04034b50, true);
    header(at + 4, e);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    view.setUint32(record, 0x02014b50, true);
    view.setUint16(record + 4, 20, true); // made by: version 2.0, MS-DOS attributes
    header(record + 6, e);
    view.setUint32(record + 42, at, true);
    out.set(e.name, record + 46);
    at += 30 + e.name.length + e.data.length;
    record += 46 + e.name.length;
  }
  view.setUint32(record, 0x06054b50, true);
  view.setUint16(record + 8, entries.length, true);
  view.setUint16(record + 10, entries.length, true);
  view.setUint32(record + 12, central, true);
  view.setUint32(record + 16, local, true);
  return out;
}

/** CRC-32 of ISO 3309 / ITU-T V.42, as zip uses it (APPNOTE 4.4.7), one table lookup per byte. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++)
    c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
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
