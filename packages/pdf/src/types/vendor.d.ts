/**
 * The few parts of fontkit and linebreak (both dependencies of pdfkit, untyped) that this package
 * calls.
 */
declare module 'fontkit' {
  /** A parsed font file. */
  export interface Font {
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly postscriptName: string | null;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  /** Parses a font file (TrueType, OpenType, WOFF …) from its bytes. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

declare module 'linebreak' {
  /** A break opportunity: the break falls before `position` (a UTF-16 offset). */
  interface Break {
    readonly position: number;
    readonly required: boolean;
  }
  /** The Unicode line breaking algorithm (UAX #14) over one string. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
