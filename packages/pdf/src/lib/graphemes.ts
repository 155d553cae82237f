/**
 * Grapheme clusters (UAX #29) in time linear in the length of the text. V8's `Intl.Segmenter`
 * spends time proportional to the whole string on every step of its iterator, so walking one
 * 100,000-character word cluster by cluster takes tens of seconds (200,000: minutes). Here the
 * text is segmented a window at a time instead.
 *
 * Why windows give the same clusters (UAX #29 §3.1.1): whether there is a boundary before a
 * character depends on that character and the ones before it, never on the ones after the next.
 * So every boundary inside a window except its end is a boundary of the whole text, and the last
 * cluster of a window, which the window's end may have cut, is read again at the start of the
 * next one. Starting afresh at a boundary is safe too: the rules that look back (GB9c, GB11, GB12,
 * GB13) look back only within a cluster or, for regional indicators, over an even number of them.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Code units segmented at a time: short enough that a step stays cheap. */
const WINDOW = 1024;

/** One grapheme cluster: its text and the UTF-16 offset where it starts. */
export interface Grapheme {
  /** The characters of the cluster. */
  readonly segment: string;
  /** Offset of its first code unit in the text. */
  readonly index: number;
}

/** The grapheme clusters of `text`, in order, as `Intl.Segmenter` gives them. */
export function* graphemes(text: string): Generator<Grapheme, void, undefined> {
  let start = 0;
  let size = WINDOW;
  while (start < text.length) {
    const end = Math.min(text.length, start + size);
    let last: Intl.SegmentData | undefined;
    let count = 0;
    for (const s of segmenter.segment(text.slice(start, end))) {
      if (last) yield { segment: last.segment, index: start + last.index };
      last = s;
      count++;
    }
    if (!last) return;
    if (end === text.length) {
      yield { segment: last.segment, index: start + last.index };
      return;
    }
    if (count === 1) {
      // One cluster longer than the window (a letter under thousands of marks): widen it.
      size *= 2;
      continue;
    }
    start += last.index;
    size = WINDOW;
  }
}

/** The number of grapheme clusters in `text`. */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of graphemes(text)) n++;
  return n;
}
