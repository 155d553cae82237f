/**
 * Sets a paragraph of styled text into lines of a given width: chooses a font for every character
 * (falling back where the main font has no glyph), breaks lines where Unicode allows (UAX #14,
 * through pdfkit's own `linebreak`), breaks words that are wider than the line, and orders each
 * line visually for right-to-left runs (UAX #9, see `bidi.ts`). The lines are drawn by
 * `page-writer.ts`; nothing here touches a page.
 */
import LineBreaker from 'linebreak';
import { bidiClass, bidiLevels, firstStrong, hasRtl, mirror, visualOrder } from './bidi.js';
import type { Face, FontBook, FontStyle } from './fonts.js';
import { graphemeCount, graphemes } from './graphemes.js';

/** How a run of text looks. */
export interface TextStyle {
  /** Regular, bold or italic. */
  readonly style: FontStyle;
  /** Font size in points. */
  readonly size: number;
  /** Fill colour, `#rrggbb`. */
  readonly color: string;
}

/** A run of text in one style; a paragraph is a list of them. */
export interface Inline {
  readonly text: string;
  readonly style: TextStyle;
}

/** A piece of a set line, drawn in one font at one position. */
export interface Piece {
  /** The characters to draw, in the order pdfkit draws them. */
  readonly text: string;
  readonly face: Face;
  readonly size: number;
  readonly color: string;
  /** Offset from the line's left edge, in points. */
  readonly x: number;
  /** Advance width in points. */
  readonly width: number;
}

/** One set line. */
export interface Line {
  /** The pieces, left to right. */
  readonly pieces: readonly Piece[];
  /** The width the pieces take, in points. */
  readonly width: number;
  /** The height of the line box (font size × leading), in points. */
  readonly height: number;
  /** The distance from the top of the line box to the baseline, in points. */
  readonly baseline: number;
}

/** How to set a paragraph. */
export interface LayoutOptions {
  /** The measure, in points. */
  readonly width: number;
  /** Line height as a multiple of the font size; default 1.3. */
  readonly leading?: number;
  /** The paragraph direction: 0 left-to-right, 1 right-to-left; default 0. */
  readonly base?: 0 | 1;
  /** Where lines sit in the measure; default `'start'` (left for LTR, right for RTL). */
  readonly align?: 'start' | 'end' | 'center';
  /** At most this many lines; the last ends with "…" when text was cut. Default: no limit. */
  readonly maxLines?: number;
  /** Told about each character no font has a glyph for (it is drawn as U+FFFD). */
  readonly onMissingGlyph?: (char: string) => void;
}

const SKIP = 'skip' as const;
const MISSING = null;
type Assigned = Face | typeof SKIP | typeof MISSING;

// Default-ignorable characters (variation selectors, joiners, bidi marks, tags) draw nothing; they
// go with the font before them when it knows them and are dropped otherwise.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
// Combining marks keep the font of the letter they sit on when it has them. Everything else,
// spaces and punctuation included, takes the first font that has it, so that spacing stays the
// main font's even next to an emoji or an ideograph.
const STICKY = /\p{M}/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface Paragraph {
  readonly text: string;
  readonly styles: readonly TextStyle[];
  /** Index into `styles` for each UTF-16 unit. */
  readonly styleAt: Uint16Array;
  /** Index of the inline each UTF-16 unit comes from. */
  readonly inlineAt: Uint32Array;
}

function normalize(inlines: readonly Inline[]): Paragraph {
  const styles: TextStyle[] = [];
  const indexOf = new Map<TextStyle, number>();
  let text = '';
  const pieces: { readonly length: number; readonly style: number }[] = [];
  for (const inline of inlines) {
    let index = indexOf.get(inline.style);
    if (index === undefined) {
      index = styles.length;
      styles.push(inline.style);
      indexOf.set(inline.style, index);
    }
    // Whitespace collapses as in HTML: runs of spaces, tabs and newlines become one space. A lone
    // surrogate becomes U+FFFD here, one unit for one, before the inlines are joined: a high half
    // at the end of one inline and a low half at the start of the next would otherwise meet as a
    // character neither inline has.
    let piece = inline.text.replace(/\s+/g, ' ').replace(LONE_SURROGATE, '\uFFFD');
    if (piece.startsWith(' ') && (text === '' || text.endsWith(' '))) piece = piece.slice(1);
    text += piece;
    pieces.push({ length: piece.length, style: index });
  }
  const trimmed = text.replace(/ +$/, '');
  const styleAt = new Uint16Array(trimmed.length);
  const inlineAt = new Uint32Array(trimmed.length);
  let at = 0;
  pieces.forEach((piece, n) => {
    const end = Math.min(at + piece.length, trimmed.length);
    styleAt.fill(piece.style, at, end);
    inlineAt.fill(n, at, end);
    at = end;
  });
  return { text: trimmed, styles, styleAt, inlineAt };
}

/**
 * Embedding levels with every inline as a first-strong isolate (UAX #9 FSI … PDI, §2.7): a name or
 * a quotation takes its direction from its own first letter and never reorders the labels and
 * punctuation around it — "محمد بن سلمان, analyst" keeps its comma and "“…” ¶19" its mark.
 */
function isolatedLevels(para: Paragraph, base: 0 | 1): Uint8Array {
  const levels = new Uint8Array(para.text.length);
  let start = 0;
  while (start < para.text.length) {
    let end = start;
    while (end < para.text.length && para.inlineAt[end] === para.inlineAt[start]) end++;
    const slice = para.text.slice(start, end);
    levels.set(bidiLevels(slice, firstStrong(slice) ?? base), start);
    start = end;
  }
  return levels;
}

/** The font chosen for each UTF-16 unit. */
function assignFaces(book: FontBook, para: Paragraph, onMissing?: (char: string) => void) {
  const faces: Assigned[] = new Array(para.text.length);
  let previous: Face | undefined;
  let previousStyle = -1;
  for (let i = 0; i < para.text.length; ) {
    const cp = para.text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const styleIndex = para.styleAt[i] ?? 0;
    const style = (para.styles[styleIndex] as TextStyle).style;
    if (styleIndex !== previousStyle) previous = undefined;
    const char = String.fromCodePoint(cp);
    let face: Assigned;
    if (IGNORABLE.test(char)) {
      face = previous?.has(cp) ? previous : SKIP;
    } else if (previous && STICKY.test(char) && previous.has(cp)) {
      face = previous;
    } else {
      face = book.faceFor(style, cp) ?? MISSING;
      if (face === MISSING) onMissing?.(char);
    }
    for (let k = 0; k < width; k++) faces[i + k] = face;
    if (face !== SKIP && face !== MISSING) previous = face;
    previousStyle = styleIndex;
    i += width;
  }
  unifyRightToLeftWords(book, para, faces);
  return faces;
}

/**
 * Arabic letters join only with letters of the same font: a right-to-left word whose letters came
 * from two fonts (DejaVu Sans lacks Urdu's ہ and ے) is drawn whole in the first font that has
 * every letter of it.
 */
function unifyRightToLeftWords(book: FontBook, para: Paragraph, faces: Assigned[]): void {
  const { text } = para;
  if (!hasRtl(text)) return;
  const rtl = (i: number) => {
    const cls = bidiClass(String.fromCodePoint(text.codePointAt(i) ?? 0));
    return cls === 'R' || (cls === 'NSM' && i > 0);
  };
  let i = 0;
  while (i < text.length) {
    if (!rtl(i) || bidiClass(text[i] as string) !== 'R') {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && rtl(end) && para.styleAt[end] === para.styleAt[i]) end++;
    const used = new Set(faces.slice(i, end).filter((f) => f !== SKIP));
    if (used.size > 1 || used.has(MISSING)) {
      const codePoints: number[] = [];
      for (let k = i; k < end; k++) {
        const cp = text.codePointAt(k) ?? 0;
        if (faces[k] !== SKIP && !(cp >= 0xdc00 && cp <= 0xdfff)) codePoints.push(cp);
      }
      const style = (para.styles[para.styleAt[i] ?? 0] as TextStyle).style;
      const common = book.covering(style, codePoints);
      if (common) for (let k = i; k < end; k++) if (faces[k] !== SKIP) faces[k] = common;
    }
    i = end;
  }
}

interface Item {
  readonly start: number;
  readonly end: number;
  readonly level: number;
  /** The inline (isolate) the item belongs to. */
  readonly inline: number;
}

/** Sets a paragraph into lines. Empty text gives no lines. */
export function layoutText(
  book: FontBook,
  inlines: readonly Inline[],
  options: LayoutOptions,
): Line[] {
  const para = normalize(inlines);
  if (para.text === '') return [];
  const lines = setLines(book, para, options);
  if (options.maxLines === undefined || lines.length <= options.maxLines) return lines;
  return truncate(book, inlines, para, options, lines);
}

function setLines(book: FontBook, para: Paragraph, options: LayoutOptions): Line[] {
  const { text } = para;
  const base = options.base ?? 0;
  const leading = options.leading ?? 1.3;
  const levels = isolatedLevels(para, base);
  const faces = assignFaces(book, para, options.onMissingGlyph);
  // The font book keeps widths for the whole process: a word is shaped once, not per paragraph.
  const drawn = (face: Face, size: number, s: string) => book.width(face, size, s);

  /** Runs of one style, font and level inside `[start, end)`; for odd levels also split at spaces. */
  const items = (start: number, end: number): Item[] => {
    const out: Item[] = [];
    let i = start;
    while (i < end) {
      let j = i + 1;
      const odd = (levels[i] ?? 0) % 2 === 1;
      const space = text[i] === ' ';
      while (
        j < end &&
        levels[j] === levels[i] &&
        faces[j] === faces[i] &&
        para.styleAt[j] === para.styleAt[i] &&
        para.inlineAt[j] === para.inlineAt[i] &&
        !(odd && (text[j] === ' ') !== space)
      )
        j++;
      out.push({ start: i, end: j, level: levels[i] ?? 0, inline: para.inlineAt[i] ?? 0 });
      i = j;
    }
    return out;
  };

  /** What an item draws, in which font: skipped characters dropped, missing ones replaced. */
  const render = (item: Item): { text: string; face: Face; style: TextStyle } | undefined => {
    const style = para.styles[para.styleAt[item.start] ?? 0] as TextStyle;
    const assigned = faces[item.start];
    if (assigned === SKIP) return undefined;
    let s = '';
    for (let k = item.start; k < item.end; k++) if (faces[k] !== SKIP) s += text[k];
    if (s === '') return undefined;
    let face: Face;
    if (assigned === MISSING || assigned === undefined) {
      face = book.main(style.style);
      s = '\uFFFD'.repeat(graphemeCount(s));
    } else face = assigned;
    if (item.level % 2 === 1) {
      // Rule L4: mirrored characters swap in right-to-left runs. fontkit lays out a run with a
      // right-to-left script backwards itself; a run without one (punctuation) we reverse here.
      s = mirror(s);
      if (!hasRtl(s))
        s = Array.from(graphemes(s), (g) => g.segment)
          .reverse()
          .join('');
    }
    return { text: s, face, style };
  };

  const measure = (start: number, end: number): number => {
    let w = 0;
    for (const item of items(start, end)) {
      const r = render(item);
      if (r) w += drawn(r.face, r.style.size, r.text);
    }
    return w;
  };

  /**
   * The width of a segment as far as breaking needs it: of a very long one (no word is 4,096 code
   * units long) only a prefix is shaped when that is already wider than the measure, because only
   * "is it wider?" is asked then, and shaping a 250,000-character word costs seconds.
   */
  const segmentWidth = (start: number, end: number): number => {
    if (end - start > 4096) {
      let cut = start + 4096;
      if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut++;
      const prefix = measure(start, cut);
      if (prefix > options.width) return prefix;
    }
    return measure(start, end);
  };

  // Break opportunities (UAX #14): each segment runs to the next one.
  const breaks: number[] = [];
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) breaks.push(b.position);

  const ranges: [number, number][] = [];
  let lineStart = 0;
  let lineEnd = 0; // end of the last segment placed on the line, trailing spaces included
  let lineWidth = 0; // width up to lineEnd
  const flush = () => {
    let end = lineEnd;
    while (end > lineStart && text[end - 1] === ' ') end--;
    if (end > lineStart) ranges.push([lineStart, end]);
    lineStart = lineEnd;
    lineWidth = 0;
  };
  let segStart = 0;
  for (const position of breaks) {
    const segEnd = position;
    let trimmedEnd = segEnd;
    while (trimmedEnd > segStart && text[trimmedEnd - 1] === ' ') trimmedEnd--;
    const visible = segmentWidth(segStart, trimmedEnd);
    if (lineEnd > lineStart && lineWidth + visible > options.width) flush();
    if (lineEnd === lineStart && visible > options.width) {
      // A word wider than the measure: break it between graphemes.
      let start = segStart;
      let chunkEnd = start;
      let width = 0;
      for (const { segment, index } of graphemes(text.slice(segStart, trimmedEnd))) {
        const g = segStart + index;
        const w = measure(g, g + segment.length);
        if (chunkEnd > start && width + w > options.width) {
          ranges.push([start, chunkEnd]);
          start = chunkEnd;
          width = 0;
        }
        chunkEnd = g + segment.length;
        width += w;
      }
      lineStart = start;
      lineEnd = segEnd;
      lineWidth = width + measure(trimmedEnd, segEnd);
    } else {
      lineEnd = segEnd;
      lineWidth += measure(segStart, segEnd);
    }
    segStart = segEnd;
  }
  flush();

  return ranges.map(([start, end]) => {
    // Each isolate is ordered inside itself; the isolates follow the paragraph's direction.
    const groups: Item[][] = [];
    for (const item of items(start, end)) {
      const last = groups[groups.length - 1];
      if (last && last[0]?.inline === item.inline) last.push(item);
      else groups.push([item]);
    }
    if (base === 1) groups.reverse();
    const visual = groups.flatMap((group) => visualOrder(group));
    const pieces: Piece[] = [];
    let x = 0;
    let size = 0;
    let lineFace: Face | undefined;
    for (const item of visual) {
      const r = render(item);
      if (!r) continue;
      const width = drawn(r.face, r.style.size, r.text);
      pieces.push({
        text: r.text,
        face: r.face,
        size: r.style.size,
        color: r.style.color,
        x,
        width,
      });
      x += width;
      if (r.style.size > size) {
        size = r.style.size;
        lineFace = book.main(r.style.style);
      }
    }
    const metrics = lineFace?.metrics() ?? { ascent: 0.93, descent: 0.24 };
    const height = size * leading;
    const baseline =
      (height - size * (metrics.ascent + metrics.descent)) / 2 + size * metrics.ascent;
    const align = options.align ?? 'start';
    const free = Math.max(0, options.width - x);
    const shift = align === 'center' ? free / 2 : (align === 'end') !== (base === 1) ? free : 0;
    return {
      pieces: shift ? pieces.map((p) => ({ ...p, x: p.x + shift })) : pieces,
      width: x,
      height,
      baseline,
    };
  });
}

function truncate(
  book: FontBook,
  inlines: readonly Inline[],
  para: Paragraph,
  options: LayoutOptions,
  lines: readonly Line[],
): Line[] {
  // The most whole words that fit in maxLines with an ellipsis after them (binary search).
  const max = options.maxLines ?? 1;
  const words = para.text.split(' ');
  const style = inlines[inlines.length - 1]?.style ?? (para.styles[0] as TextStyle);
  const attempt = (keep: number) =>
    setLines(
      book,
      normalize(cutInlines(inlines, words.slice(0, keep).join(' ').length, style)),
      options,
    );
  let best: Line[] | undefined;
  let low = 1;
  let high = words.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const trial = attempt(mid);
    if (trial.length <= max) {
      best = trial;
      low = mid + 1;
    } else high = mid - 1;
  }
  // Even one word is too long for the lines: keep the first lines of it.
  return best ?? lines.slice(0, max);
}

/** The inlines cut after `length` characters of normalized text, with "…" added. */
function cutInlines(inlines: readonly Inline[], length: number, style: TextStyle): Inline[] {
  const out: Inline[] = [];
  let left = length;
  let text = '';
  for (const inline of inlines) {
    const piece = inline.text.replace(/\s+/g, ' ');
    const normalizedPiece =
      piece.startsWith(' ') && (text === '' || text.endsWith(' ')) ? piece.slice(1) : piece;
    if (left <= 0) break;
    const taken = normalizedPiece.slice(0, left);
    out.push({ text: taken, style: inline.style });
    text += taken;
    left -= taken.length;
  }
  out.push({ text: '…', style });
  return out;
}
