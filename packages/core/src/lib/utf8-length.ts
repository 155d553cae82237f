/** The number of bytes `text` takes in UTF-8 (RFC 3629 §3), counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // U+0080–U+07FF take two bytes, the rest of the BMP three, a surrogate pair (two units) four.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}
