/**
 * Fonts for the brief: the main family (DejaVu Sans by default) and fallback fonts that draw what
 * the main family has no glyph for. pdfkit embeds and subsets each font it is given, but never
 * falls back from one font to another: a character without a glyph silently draws nothing. The
 * choice of font is therefore made here, character by character, with fontkit's cmap lookup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /** Body text; default: DejaVu Sans (shipped in the package, `dist/fonts/`). */
  readonly regular?: FontSource;
  /** Headings, names and labels; default: DejaVu Sans Bold. */
  readonly bold?: FontSource;
  /** Reported (paraphrased) statements and notes; default: DejaVu Sans Oblique. */
  readonly italic?: FontSource;
  /**
   * Fonts tried in order for characters the main family lacks; default
   * {@link DEFAULT_FALLBACK_FONTS} (those of Noto Sans Arabic, Noto Sans JP and Noto Emoji that
   * are installed: see {@link OPTIONAL_FONT_PACKAGES}).
   */
  readonly fallbacks?: readonly FallbackFont[];
}

/** The three styles the brief sets text in. */
export type FontStyle = 'regular' | 'bold' | 'italic';

const require = createRequire(import.meta.url);
const resolveFont = (specifier: string): string => require.resolve(specifier);

/**
 * The folder of the DejaVu Sans files the package ships: `dist/fonts/`, which the build copies
 * from `dejavu-fonts-ttf` (only the three files the brief draws with, 2.1 MB of that package's
 * 11.7 MB). This module runs as `dist/index.js` or `dist/index.cjs` once built and as
 * `src/lib/fonts.ts` in the package's own tests; either way the package root is the nearest
 * folder above it with a `package.json`.
 */
let shippedFonts: string | undefined;
function shippedFontDir(): string {
  if (shippedFonts === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    shippedFonts = join(dir, 'dist', 'fonts');
  }
  return shippedFonts;
}

/** The main family the brief uses unless told otherwise: DejaVu Sans 2.37. */
export function defaultMainFonts(): Required<Omit<BriefFonts, 'fallbacks'>> {
  const dir = shippedFontDir();
  return {
    regular: join(dir, 'DejaVuSans.ttf'),
    bold: join(dir, 'DejaVuSans-Bold.ttf'),
    italic: join(dir, 'DejaVuSans-Oblique.ttf'),
  };
}

/** The pictographic planes where emoji live (Unicode's Extended_Pictographic, roughly). */
const EMOJI_RANGES: readonly CodePointRange[] = [[0x1f000, 0x1faff]];

/**
 * A font package the brief uses when it is installed: the Noto families are large (Noto Sans JP
 * alone is 49 MB with every weight), so they are optional peer dependencies that a user adds
 * for the scripts their stories need, rather than a download for every user.
 */
export interface OptionalFontPackage {
  /** The font's name (`'Noto Sans JP'`). */
  readonly name: string;
  /** The npm package that holds it (`'@expo-google-fonts/noto-sans-jp'`). */
  readonly package: string;
  /** What it draws, for the message when a glyph is missing (`'Chinese and Japanese'`). */
  readonly covers: string;
  /** The code points it is the package for, for that message. */
  readonly ranges: readonly CodePointRange[];
  /** The regular and (optional) bold files inside the package. */
  readonly files: { readonly regular: string; readonly bold?: string };
  /** Code points it is preferred for over the main family; see {@link FallbackFont.prefer}. */
  readonly prefer?: readonly CodePointRange[];
}

/**
 * The optional font packages, in the order their fonts are tried: Noto Sans Arabic (Arabic
 * letters DejaVu Sans lacks), Noto Sans JP (Chinese and Japanese ideographs, kana) and Noto Emoji
 * (monochrome emoji, preferred for pictographs).
 *
 * DejaVu Sans itself draws the basic Arabic block, and is kept for it on purpose: Noto Sans Arabic
 * builds ب ت ث ن ي from one dotless skeleton plus dots, and fontkit 2.0.4 labels those shared
 * glyphs with the wrong letters, so text copied or extracted from the PDF would read "نبت" as
 * "ببت". DejaVu's Arabic glyphs are whole letters and read back exactly.
 */
export const OPTIONAL_FONT_PACKAGES: readonly OptionalFontPackage[] = Object.freeze([
  {
    name: 'Noto Sans Arabic',
    package: '@expo-google-fonts/noto-sans-arabic',
    covers: 'Arabic, Persian and Urdu',
    ranges: [
      [0x0600, 0x06ff],
      [0x0750, 0x077f],
      [0x08a0, 0x08ff],
      [0xfb50, 0xfdff],
      [0xfe70, 0xfeff],
    ],
    files: {
      regular: '400Regular/NotoSansArabic_400Regular.ttf',
      bold: '700Bold/NotoSansArabic_700Bold.ttf',
    },
  },
  {
    name: 'Noto Sans JP',
    package: '@expo-google-fonts/noto-sans-jp',
    covers: 'Chinese and Japanese',
    ranges: [
      [0x2e80, 0x2fdf],
      [0x3000, 0x30ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0xff00, 0xffef],
      [0x20000, 0x2fa1f],
    ],
    files: {
      regular: '400Regular/NotoSansJP_400Regular.ttf',
      bold: '700Bold/NotoSansJP_700Bold.ttf',
    },
  },
  {
    name: 'Noto Emoji',
    package: '@expo-google-fonts/noto-emoji',
    covers: 'emoji',
    ranges: EMOJI_RANGES,
    files: { regular: '400Regular/NotoEmoji_400Regular.ttf' },
    prefer: EMOJI_RANGES,
  },
]);

/** The fallback font of an optional package, or `undefined` when the package is not installed. */
function installed(pkg: OptionalFontPackage): FallbackFont | undefined {
  try {
    const regular = resolveFont(`${pkg.package}/${pkg.files.regular}`);
    const bold = pkg.files.bold ? resolveFont(`${pkg.package}/${pkg.files.bold}`) : undefined;
    return {
      name: pkg.name,
      regular,
      ...(bold ? { bold } : {}),
      ...(pkg.prefer ? { prefer: pkg.prefer } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * The fallback fonts the brief uses unless told otherwise: the fonts of those
 * {@link OPTIONAL_FONT_PACKAGES} that are installed beside `@storykit/pdf`, in that order. Each
 * file is read only when the text holds a character it is needed for.
 */
export const DEFAULT_FALLBACK_FONTS: readonly FallbackFont[] = Object.freeze(
  OPTIONAL_FONT_PACKAGES.map(installed).filter((f): f is FallbackFont => f !== undefined),
);

/**
 * What to tell a user about a character no font draws: the package that has it when the brief
 * knows one, else to pass a font file that has it.
 */
export function missingGlyphMessage(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const pkg = OPTIONAL_FONT_PACKAGES.find((p) =>
    p.ranges.some(([first, last]) => cp >= first && cp <= last),
  );
  const fix = 'pass a font file that has it in options.fonts.fallbacks';
  const head = `no font of the brief draws "${char}" (${code}); it is drawn as U+FFFD`;
  if (pkg && !DEFAULT_FALLBACK_FONTS.some((f) => f.name === pkg.name)) {
    return `${head}: install ${pkg.package} for ${pkg.covers} text (npm install ${pkg.package}), or ${fix}`;
  }
  return `${head}: ${fix}`;
}

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
// documents in many languages from growing the cache without end: a width and its text take
// about 100 bytes, some 5 MB a font at most, well above the few thousand one brief measures.
const MAX_CACHED_WIDTHS = 50_000;
interface Widths {
  /** Widths by size, then by text. */
  readonly bySize: Map<number, Map<string, number>>;
  /** How many widths `bySize` holds. */
  count: number;
}

const widthsByFont = new WeakMap<fontkit.Font, Widths>();

function widthsOf(font: fontkit.Font): Widths {
  let widths = widthsByFont.get(font);
  if (!widths) {
    widths = { bySize: new Map(), count: 0 };
    widthsByFont.set(font, widths);
  }
  return widths;
}

// pdfkit shapes text through fontkit word by word (a word and the space after it) and keeps the
// glyph runs in a cache of its own, one per document and font: every document shapes every word
// again, once to measure a line and once to draw it. A run depends only on the font and the word
// (the brief asks for no OpenType features), so the runs of one document serve the next: each
// document's cache inherits from the process-wide one, and the words it shaped are added to that
// when the document is drawn. Only words of ordinary length are kept, and at most this many per
// font, so that neither one huge word nor a long batch in many languages grows it without end: a
// run of a short word holds about 2 kB (measured on DejaVu Sans), so this is some 8 MB a font at
// most, and a thread of `storykit build <folder>` keeps three fonts. One brief shapes far fewer
// words than that (the fixtures' briefs: under 500 a font; all eight of them: under 2,000), so a
// document drawn again, or a batch of such briefs, stays warm.
const MAX_SHARED_RUNS = 4_000;
const MAX_SHARED_WORD = 256;

interface SharedRuns {
  runs: Record<string, unknown>;
  size: number;
}

const runsByFont = new WeakMap<fontkit.Font, SharedRuns>();

function sharedRunsOf(font: fontkit.Font): SharedRuns {
  let shared = runsByFont.get(font);
  if (!shared) {
    shared = { runs: Object.create(null) as Record<string, unknown>, size: 0 };
    runsByFont.set(font, shared);
  }
  return shared;
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
  /**
   * The current font as pdfkit 0.20 holds it (`EmbeddedFont`), whose `layoutCache` maps a word to
   * its shaped glyph run (absent when the document was made with `fontLayoutCache: false`). Not in
   * pdfkit's types; the font book shares those runs between documents.
   */
  readonly _font?: { layoutCache?: Record<string, unknown> };
}

/**
 * The fonts of one document: for each style, the main font followed by the fallbacks, registered
 * with pdfkit the first time a character needs them.
 */
export class FontBook {
  readonly #host: FontHost;
  readonly #chains: Record<FontStyle, readonly LazyFace[]>;
  readonly #registered = new Set<string>();
  /** {@link FontBook.faceFor}'s answers, per style and code point. */
  readonly #chosen: Record<FontStyle, Map<number, Face | undefined>> = {
    regular: new Map(),
    bold: new Map(),
    italic: new Map(),
  };
  /** The glyph-run cache of each font registered in this document, with the font's shared runs. */
  readonly #runs: { readonly shared: SharedRuns; readonly own: Record<string, unknown> }[] = [];

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
    // Asked for every character of every paragraph; the answer for a code point never changes.
    const chosen = this.#chosen[style];
    if (chosen.has(codePoint)) return chosen.get(codePoint);
    const chain = this.#chains[style];
    let found: Face | undefined;
    for (let i = 1; i < chain.length && !found; i++) {
      const face = chain[i] as LazyFace;
      if (face.prefers(codePoint) && face.has(codePoint)) found = face;
    }
    found ??= chain.find((face) => face.has(codePoint));
    chosen.set(codePoint, found);
    return found;
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
      const font = (face as LazyFace).font();
      this.#host.registerFont(face.id, font as unknown as Buffer);
      this.#registered.add(face.id);
      this.#host.font(face.id);
      const embedded = this.#host._font;
      if (embedded?.layoutCache) {
        const shared = sharedRunsOf(font);
        const own = Object.create(shared.runs) as Record<string, unknown>;
        embedded.layoutCache = own;
        this.#runs.push({ shared, own });
      }
    } else this.#host.font(face.id);
    this.#host.fontSize(size);
  }

  /**
   * Adds the words this document shaped to the process-wide runs of their fonts, for the
   * documents after it. Called once all text is drawn.
   */
  keepShapedWords(): void {
    for (const { shared, own } of this.#runs) {
      const words = Object.keys(own).filter((word) => word.length <= MAX_SHARED_WORD);
      if (shared.size + words.length > MAX_SHARED_RUNS) {
        shared.runs = Object.create(null) as Record<string, unknown>;
        shared.size = 0;
      }
      for (const word of words) {
        if (!(word in shared.runs)) {
          shared.runs[word] = own[word];
          shared.size++;
        }
      }
    }
    this.#runs.length = 0;
  }

  /**
   * The advance width of a text in a face and size, in points (as pdfkit will draw it). Widths
   * are kept per parsed font for the life of the process, so a word is shaped once however many
   * paragraphs and documents set it.
   */
  width(face: Face, size: number, text: string): number {
    const widths = widthsOf((face as LazyFace).font());
    let ofSize = widths.bySize.get(size);
    let w = ofSize?.get(text);
    if (w === undefined) {
      this.use(face, size);
      w = this.#host.widthOfString(text);
      if (widths.count >= MAX_CACHED_WIDTHS) {
        widths.bySize.clear();
        widths.count = 0;
        ofSize = undefined;
      }
      if (!ofSize) {
        ofSize = new Map();
        widths.bySize.set(size, ofSize);
      }
      ofSize.set(text, w);
      widths.count++;
    }
    return w;
  }
}
