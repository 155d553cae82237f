/**
 * Scores for the HTML eval: body text as bags of words, and the publication days a page's markup
 * gives — read here with plain patterns over the source, apart from the extractor's own reader,
 * so that the eval does not grade the extractor by its own rules.
 */

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Precision and recall of a text's words against the expected text's (multisets). */
export function bodyScores(got: string, expected: string): { precision: number; recall: number } {
  const a = bag(got);
  const b = bag(expected);
  let common = 0;
  let total = 0;
  for (const [w, n] of a) {
    total += n;
    common += Math.min(n, b.get(w) ?? 0);
  }
  let wanted = 0;
  for (const n of b.values()) wanted += n;
  return {
    precision: total === 0 ? (wanted === 0 ? 1 : 0) : common / total,
    recall: wanted === 0 ? 1 : common / wanted,
  };
}

const PATTERNS = [
  /property=["']article:published_time["'][^>]*content=["'](\d{4}-\d{2}-\d{2})/gi,
  /content=["'](\d{4}-\d{2}-\d{2})[^"']*["'][^>]*property=["']article:published_time["']/gi,
  /"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})/g,
  /itemprop=["']datePublished["'][^>]*(?:content|datetime)=["'](\d{4}-\d{2}-\d{2})/gi,
];
/** Only the page's first `<time datetime>`: later ones date comments and other stories. */
const FIRST_TIME = /<time\b[^>]*datetime=["'](\d{4}-\d{2}-\d{2})/i;

/** The days (YYYY-MM-DD) the page's markup gives as its publication date, and the expected one. */
export function markupDates(source: string, expected?: string): Set<string> {
  const days = new Set<string>();
  if (expected && /^\d{4}-\d{2}-\d{2}/.test(expected)) days.add(expected.slice(0, 10));
  for (const pattern of PATTERNS)
    for (const m of source.matchAll(pattern)) if (m[1]) days.add(m[1]);
  const time = FIRST_TIME.exec(source)?.[1];
  if (time) days.add(time);
  return days;
}
