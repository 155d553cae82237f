/**
 * Fonts for the brief: the main family (DejaVu Sans by default) and fallback fonts that draw what
 * the main family has no glyph for. pdfkit embeds and subsets each font it is given, but never
 * falls back from one font to another: a character without a glyph silently draws nothing. The
 * choice of font is therefore made here, character by character, with fontkit's cmap lookup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** A TrueType or OpenType font file: its path, or its bytes. */
export type FontSource = string | Uint8Array;

/** An inclusive range of Unicode code points, `[first, last]`. */
export type CodePointRange = readonly [first: number, last: number];

/**
 * A font that draws the characters the main family lacks (CJK, Arabic, emoji …). It is read and
 * embedded only when the text needs it.
 */
export interface FallbackFont {
  /** A name for the font, for error messages (`'Noto Sans JP'`). */
  readonly name: string;
  /** The regular weight, also used for italic text. */
  readonly regular: FontSource;
  /** The bold weight; default: {@link FallbackFont.regular}. */
  readonly bold?: FontSource;
  /**
   * Characters this font draws even when the main family has a glyph for them, because it draws
   * them better (a script's own font shapes its joining forms fully); default: none, the font is
   * used only where every font before it lacks the glyph.
   */
  readonly prefer?: readonly CodePointRange[];
}

/** The fonts of the brief; every field is optional and defaults to the bundled fonts. */
export interface BriefFonts {
  /** Body text; default: DejaVu Sans (`dejavu-fonts-ttf`). */
  readonly regular?: FontSource;
  /** Headings, names and labels; default: DejaVu Sans Bold. */
  readonly bold?: FontSource;
  /** Reported (paraphrased) statements and notes; default: DejaVu Sans Oblique. */
  readonly italic?: FontSource;
  /**
   * Fonts tried in order for characters the main family lacks; default
   * {@link DEFAULT_FALLBACK_FONTS} (Noto Sans Arabic, Noto Sans JP, Noto Emoji).
   */
  readonly fallbacks?: readonly FallbackFont[];
}

/** The three styles the brief sets text in. */
export type FontStyle = 'regular' | 'bold' | 'italic';

const require = createRequire(import.meta.url);
const resolveFont = (specifier: string): string => require.resolve(specifier);

/** The main family the brief uses unless told otherwise: DejaVu Sans 2.37. */
export function defaultMainFonts(): Required<Omit<BriefFonts, 'fallbacks'>> {
  return {
    regular: resolveFont('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: resolveFont('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    italic: resolveFont('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  };
}

/** The pictographic planes where emoji live (Unicode's Extended_Pictographic, roughly). */
const EMOJI_RANGES: readonly CodePointRange[] = [[0x1f000, 0x1faff]];

/**
 * The fallback fonts the brief uses unless told otherwise, in the order they are tried: Noto Sans
 * Arabic (Arabic letters DejaVu Sans lacks), Noto Sans JP (Chinese and Japanese ideographs, kana)
 * and Noto Emoji (monochrome emoji, preferred for pictographs). Each is read from its npm package
 * only when the text holds a character it is needed for.
 *
 * DejaVu Sans itself draws the basic Arabic block, and is kept for it on purpose: Noto Sans Arabic
 * builds ب ت ث ن ي from one dotless skeleton plus dots, and fontkit 2.0.4 labels those shared
 * glyphs with the wrong letters, so text copied or extracted from the PDF would read "نبت" as
 * "ببت". DejaVu's Arabic glyphs are whole letters and read back exactly.
 */
export const DEFAULT_FALLBACK_FONTS: readonly FallbackFont[] = Object.freeze([
  {
    name: 'Noto Sans Arabic',
    regular: resolveFont(
      '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    ),
    bold: resolveFont('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
  },
  {
    name: 'Noto Sans JP',
    regular: resolveFont('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    bold: resolveFont('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
  },
  {
    name: 'Noto Emoji',
    regular: resolveFont('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
    prefer: EMOJI_RANGES,
  },
]);

// Font files are read and parsed once per process: a CJK font is megabytes, and a batch of
// briefs should not pay for it again with every document.
const bytesByPath = new Map<string, Buffer>();
const parsedByBytes = new WeakMap<Uint8Array, fontkit.Font>();

function fontBytes(source: FontSource): Buffer {
  if (typeof source !== 'string') {
    return Buffer.isBuffer(source)
      ? source
      : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  }
  let bytes = bytesByPath.get(source);
  if (!bytes) {
    bytes = readFileSync(source);
    bytesByPath.set(source, bytes);
  }
  return bytes;
}

function parsedFont(bytes: Buffer): fontkit.Font {
  let font = parsedByBytes.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    if (typeof font.hasGlyphForCodePoint !== 'function') {
      throw new TypeError('a font collection (.ttc) was given where one font file was expected');
    }
    parsedByBytes.set(bytes, font);
  }
  return font;
}

// pdfkit's widthOfString depends only on the font, the size and the text (no spacing options are
// set), so a width measured in one document holds in every other. The bound keeps a long batch of
// documents in many languages from growing the cache without end.
const MAX_CACHED_WIDTHS = 200_000;
const widthsByFont = new WeakMap<fontkit.Font, Map<string, number>>();

function widthsOf(font: fontkit.Font): Map<string, number> {
  let widths = widthsByFont.get(font);
  if (!widths) {
    widths = new Map();
    widthsByFont.set(font, widths);
  }
  return widths;
}

/** One font file as the document uses it: registered with pdfkit under {@link Face.id}. */
export interface Face {
  /** The name the font is registered under in the document (`font-0`, `font-1`, …). */
  readonly id: string;
  /** Whether the font has a glyph for the code point (reads the font on first use). */
  has(codePoint: number): boolean;
  /** Whether the font is preferred for the code point over the fonts before it. */
  prefers(codePoint: number): boolean;
  /** Ascent and descent (positive, below the baseline) in em. */
  metrics(): { readonly ascent: number; readonly descent: number };
}

class LazyFace implements Face {
  readonly id: string;
  readonly source: FontSource;
  readonly #prefer: readonly CodePointRange[];
  readonly #label: string;
  #font: fontkit.Font | undefined;
  #bytes: Buffer | undefined;

  constructor(id: string, source: FontSource, label: string, prefer: readonly CodePointRange[]) {
    this.id = id;
    this.source = source;
    this.#label = label;
    this.#prefer = prefer;
  }

  bytes(): Buffer {
    if (!this.#bytes) {
      try {
        this.#bytes = fontBytes(this.source);
      } catch (error) {
        throw new Error(`cannot read the font ${this.#label}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    return this.#bytes;
  }

  font(): fontkit.Font {
    this.#font ??= parsedFont(this.bytes());
    return this.#font;
  }

  has(codePoint: number): boolean {
    return this.font().hasGlyphForCodePoint(codePoint);
  }

  prefers(codePoint: number): boolean {
    return this.#prefer.some(([first, last]) => codePoint >= first && codePoint <= last);
  }

  metrics(): { ascent: number; descent: number } {
    const font = this.font();
    return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
  }
}

/** The part of a pdfkit document the font book needs. */
export interface FontHost {
  /**
   * Registers a font under a name. Typed as pdfkit's types have it (bytes), but pdfkit 0.20 also
   * takes an already parsed fontkit font (anything with a `layout` method, `PDFFontFactory.open`),
   * and then skips parsing the file again: the font book passes that.
   */
  registerFont(name: string, src: Buffer): unknown;
  font(name: string): unknown;
  fontSize(size: number): unknown;
  widthOfString(text: string): number;
}

/**
 * The fonts of one document: for each style, the main font followed by the fallbacks, registered
 * with pdfkit the first time a character needs them.
 */
export class FontBook {
  readonly #host: FontHost;
  readonly #chains: Record<FontStyle, readonly LazyFace[]>;
  readonly #registered = new Set<string>();

  constructor(host: FontHost, fonts: BriefFonts = {}) {
    this.#host = host;
    const main = defaultMainFonts();
    const faces = new Map<FontSource, LazyFace>();
    const face = (source: FontSource, label: string, prefer: readonly CodePointRange[] = []) => {
      let found = faces.get(source);
      if (!found) {
        found = new LazyFace(`font-${faces.size}`, source, label, prefer);
        faces.set(source, found);
      }
      return found;
    };
    const fallbacks = fonts.fallbacks ?? DEFAULT_FALLBACK_FONTS;
    const chain = (style: FontStyle, source: FontSource) => [
      face(source, `${style} (${typeof source === 'string' ? source : 'bytes'})`),
      ...fallbacks.map((f) =>
        face(style === 'bold' ? (f.bold ?? f.regular) : f.regular, f.name, f.prefer),
      ),
    ];
    this.#chains = {
      regular: chain('regular', fonts.regular ?? main.regular),
      bold: chain('bold', fonts.bold ?? main.bold),
      italic: chain('italic', fonts.italic ?? main.italic),
    };
  }

  /** The main font of a style (where text without a glyph anywhere is drawn). */
  main(style: FontStyle): Face {
    return this.#chains[style][0] as LazyFace;
  }

  /**
   * The font that draws a code point in a style: a fallback that prefers it, else the first font
   * of the chain that has a glyph for it; `undefined` when none has.
   */
  faceFor(style: FontStyle, codePoint: number): Face | undefined {
    const chain = this.#chains[style];
    for (let i = 1; i < chain.length; i++) {
      const face = chain[i] as LazyFace;
      if (face.prefers(codePoint) && face.has(codePoint)) return face;
    }
    return chain.find((face) => face.has(codePoint));
  }

  /** The first font of a style's chain that has a glyph for every code point given. */
  covering(style: FontStyle, codePoints: readonly number[]): Face | undefined {
    return this.#chains[style].find((face) => codePoints.every((cp) => face.has(cp)));
  }

  /** Makes a face the document's current font, at a size in points. */
  use(face: Face, size: number): void {
    if (!this.#registered.has(face.id)) {
      // The parsed font is shared by every document of the process; pdfkit's EmbeddedFont only
      // reads it (layout, subsetting), so handing it over gives the same bytes without a re-parse.
      this.#host.registerFont(face.id, (face as LazyFace).font() as unknown as Buffer);
      this.#registered.add(face.id);
    }
    this.#host.font(face.id);
    this.#host.fontSize(size);
  }

  /**
   * The advance width of a text in a face and size, in points (as pdfkit will draw it). Widths
   * are kept per parsed font for the life of the process, so a word is shaped once however many
   * paragraphs and documents set it.
   */
  width(face: Face, size: number, text: string): number {
    const widths = widthsOf((face as LazyFace).font());
    const key = `${size}\u0000${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      this.use(face, size);
      w = this.#host.widthOfString(text);
      if (widths.size >= MAX_CACHED_WIDTHS) widths.clear();
      widths.set(key, w);
    }
    return w;
  }
}
