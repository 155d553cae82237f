import type { Figure, Source, Statement, Story } from '@storykit/core';

/** True positives, false positives and false negatives of one kind of item. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 from counts (1 when there is nothing to find and nothing found). */
export function scores({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Whether two source names name the same source: equal once "the", possessives and case are
 * set aside; one name's words all in the other ("Tapper" and "Jake Tapper", "ICSR" and
 * "International Center for the Study of Radicalism (ICSR)"); or, for two unnamed sources, the
 * same head noun ("the official", "an intelligence official in Washington").
 */
export function sameSource(a: Source, b: Source): boolean {
  const wa = words(a.name).filter((w) => w !== 'the');
  const wb = words(b.name).filter((w) => w !== 'the');
  if (wa.join(' ') === wb.join(' ')) return true;
  if (a.kind === 'anonymous' || b.kind === 'anonymous') {
    if (a.kind !== b.kind) return false;
    const head = (ws: string[]) =>
      ws.find((w) =>
        /^(official|officials|spokes\w*|source|sources|people|person|analyst\w*|diplomat\w*|resident\w*|expert\w*|aide\w*|executive\w*|lawmaker\w*|officer\w*|employee\w*|worker\w*|witness\w*|member\w*|researcher\w*|scientist\w*|doctor\w*|engineer\w*|negotiator\w*|manager\w*)$/.test(
          w,
        ),
      );
    const ha = head(wa);
    return ha !== undefined && ha.replace(/s$/, '') === head(wb)?.replace(/s$/, '');
  }
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.length > 0 && short.every((w) => long.includes(w));
}

/** How much of the shorter text's words the longer one holds (0–1). */
function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = new Set(words(b));
  if (wa.length === 0 || wb.size === 0) return 0;
  const common = wa.filter((w) => wb.has(w)).length;
  return common / Math.min(wa.length, wb.size);
}

const unitWords = (unit: string) =>
  words(unit.replace(/%/g, ' percent ').replace(/\$/g, ' usd '))
    .map((w) => (w === 'dollars' || w === 'dollar' ? 'usd' : w))
    .map((w) => (w.length > 3 ? w.replace(/s$/, '') : w));

/** Whether two figures give the same value in the same unit ("people" and "people killed" agree). */
export function sameFigure(a: Figure, b: Figure): boolean {
  const value = (f: Figure) =>
    typeof f.value === 'number' ? `${f.value}` : `${f.value.low}-${f.value.high}`;
  if (value(a) !== value(b)) return false;
  const ua = unitWords(a.unit);
  const ub = unitWords(b.unit);
  return ua.some((w) => ub.includes(w));
}

/** One draft item against the gold, and what they were matched on. */
export interface Comparison {
  readonly statements: Counts;
  /** Statements matched on their text alone, whoever the speaker. */
  readonly statementsText: Counts;
  readonly figures: Counts;
  readonly sources: Counts;
}

/** Greedy one-to-one matching: each gold item takes the best unused draft item that matches. */
function match<T, U>(
  gold: readonly T[],
  draft: readonly U[],
  score: (g: T, d: U) => number,
): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    let best = -1;
    let bestScore = 0;
    draft.forEach((d, i) => {
      if (used.has(i)) return;
      const s = score(g, d);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    if (best >= 0) {
      used.add(best);
      tp++;
    }
  }
  return { tp, fp: draft.length - tp, fn: gold.length - tp };
}

/**
 * Compares a draft with the curated story. Statements match when they cover mostly the same words
 * (at least half of the shorter one's; short quotations need all of them) and — for the main score —
 * when their speakers are the same source; figures by value and unit; sources by name.
 */
export function compare(gold: Story, draft: Story): Comparison {
  const speaker = (story: Story, s: Statement) => story.sources.find((x) => x.id === s.speaker);
  const textScore = (g: Statement, d: Statement) => {
    const o = overlap(g.text, d.text);
    const short = Math.min(words(g.text).length, words(d.text).length) < 4;
    return short ? (o === 1 ? 1 : 0) : o >= 0.5 ? o : 0;
  };
  return {
    statements: match(gold.statements, draft.statements, (g, d) => {
      const gs = speaker(gold, g);
      const ds = speaker(draft, d);
      if (!gs || !ds || !sameSource(gs, ds)) return 0;
      return textScore(g, d);
    }),
    statementsText: match(gold.statements, draft.statements, textScore),
    figures: match(gold.figures, draft.figures, (g, d) => (sameFigure(g, d) ? 1 : 0)),
    sources: match(gold.sources, draft.sources, (g, d) => (sameSource(g, d) ? 1 : 0)),
  };
}
