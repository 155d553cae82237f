/**
 * Bytes of an HTML page to text, the way a browser picks the encoding (WHATWG HTML §13.2.3,
 * "determining the character encoding", simplified): a byte order mark first, then a `<meta
 * charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1024 bytes,
 * then UTF-8 when the bytes are valid UTF-8, else windows-1252 (the web's legacy default).
 * Decoding uses the platform's `TextDecoder`, which knows the WHATWG Encoding labels
 * (`shift_jis`, `windows-1252`, `iso-8859-1` → windows-1252, …) in Node.js and in browsers.
 */

/** The text of an HTML page's bytes, and the encoding it was read with (a WHATWG label). */
export interface DecodedPage {
  readonly text: string;
  readonly encoding: string;
  /** Why the encoding was chosen: a BOM, the page's `<meta>`, or the fallback. */
  readonly from: 'bom' | 'meta' | 'utf-8 check' | 'fallback';
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/**
 * Bytes 0x80–0x9F of windows-1252 (WHATWG Encoding, index-windows-1252): Node.js 20's decoder
 * gives the C1 controls there, as ISO-8859-1 would, where pages mean curly quotes and dashes.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** A decoder for a label, with windows-1252's high bytes mapped as the standard says. */
function decoder(
  label: string,
): { encoding: string; decode: (b: Uint8Array) => string } | undefined {
  let inner: TextDecoder;
  try {
    inner = new TextDecoder(label);
  } catch {
    return undefined;
  }
  if (inner.encoding !== 'windows-1252') return inner;
  return {
    encoding: inner.encoding,
    decode: (b) =>
      inner
        .decode(b)
        .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c),
  };
}

/** Decodes an HTML page's bytes (see the module comment for the order of the rules). */
export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', from: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', from: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', from: 'bom' };
  // The prescan reads ASCII only, so a byte-per-character view of the head is enough.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const label = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  // A page that says UTF-16 in ASCII bytes cannot be UTF-16: the standard reads it as UTF-8.
  const meta = label ? decoder(/^utf-16/.test(label) ? 'utf-8' : label) : undefined;
  if (meta) return { text: meta.decode(bytes), encoding: meta.encoding, from: 'meta' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', from: 'utf-8 check' };
  } catch {
    return {
      text: (decoder('windows-1252') as NonNullable<ReturnType<typeof decoder>>).decode(bytes),
      encoding: 'windows-1252',
      from: 'fallback',
    };
  }
}
