/**
 * Measures attribution on PolNeAR (a checkout outside the repo; its texts are never copied in):
 * runs fromText on every article of a split, places the draft's statements in the article text,
 * matches them one to one with the annotated attributions by the largest character overlap of
 * their content, and prints precision, recall and F1 (overlap and exact boundaries), speaker and
 * cue accuracy over the matched pairs, and how often items at each confidence are right.
 *
 *   pnpm --filter @storykit/extract eval:polnear <polnear checkout> --split train|dev [--misses N]
 *
 * Only train (to develop) and dev (to report) are read: the test split is how the product is
 * measured and stays unopened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Story } from '@storykit/core';
import { scores } from '../src/lib/evaluate.js';
import { fromText } from '../src/lib/extract.js';
import { loadLanguage } from '../src/lib/language.js';
import {
  antecedentAgrees,
  cueMatches,
  type GoldAttribution,
  isQuoted,
  matchByOverlap,
  type PredictedAttribution,
  parseAnn,
  type SourceForm,
  sameBoundaries,
  sourceForm,
  speakerMatches,
  type TextRange,
} from '../src/lib/polnear.js';

const args = process.argv.slice(2);
const root = args.find(
  (a) =>
    !a.startsWith('--') &&
    args[args.indexOf(a) - 1] !== '--split' &&
    args[args.indexOf(a) - 1] !== '--misses',
);
const split = args[args.indexOf('--split') + 1];
const missesArg = args.includes('--misses') ? Number(args[args.indexOf('--misses') + 1]) : 0;
if (!root || (split !== 'train' && split !== 'dev')) {
  console.error('usage: eval:polnear <polnear checkout> --split train|dev [--misses N]');
  process.exit(2);
}

/** Where each block of the draft starts in the article text (blocks are squashed copies of it). */
function placeBlocks(text: string, story: Story): Map<string, (offset: number) => number> {
  // The text with each run of white space as one space, and where each of its characters was.
  const map: number[] = [];
  let squashed = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i] as string)) {
      if (squashed.endsWith(' ')) continue;
      squashed += ' ';
    } else squashed += text[i];
    map.push(i);
  }
  map.push(text.length);
  const out = new Map<string, (offset: number) => number>();
  let cursor = 0;
  for (const block of story.body) {
    const at = squashed.indexOf(block.text, cursor);
    if (at < 0) continue;
    cursor = at + block.text.length;
    out.set(block.id, (offset: number) =>
      offset >= block.text.length
        ? (map[at + block.text.length - 1] as number) + 1
        : (map[at + offset] as number),
    );
  }
  return out;
}

/** The draft's statements in article offsets, pieces of one utterance kept apart or merged. */
function predictions(text: string, story: Story, merge: boolean): PredictedAttribution[] {
  const place = placeBlocks(text, story);
  const speakerName = (id: string | null) => story.sources.find((s) => s.id === id)?.name;
  const items = story.statements.flatMap((s): PredictedAttribution[] => {
    const at = place.get(s.span.block);
    if (!at) return [];
    return [
      {
        id: s.id,
        kind: s.kind,
        content: [{ start: at(s.span.start), end: at(s.span.end) }],
        ...(s.speaker ? { speaker: speakerName(s.speaker) as string } : {}),
        ...(s.attribution.verb ? { verb: s.attribution.verb } : {}),
        confidence: s.confidence ?? 0,
      },
    ];
  });
  if (!merge) return items;
  // A later piece names the piece it continues (relation `continues`, from → to).
  const parent = new Map<string, string>();
  for (const r of story.relations) if ((r.kind as string) === 'continues') parent.set(r.from, r.to);
  const rootOf = (id: string): string => {
    let current = id;
    for (let guard = 0; parent.has(current) && guard < 1000; guard++)
      current = parent.get(current) as string;
    return current;
  };
  const groups = new Map<string, PredictedAttribution>();
  for (const item of items) {
    const key = rootOf(item.id);
    const group = groups.get(key);
    if (!group) groups.set(key, item);
    else
      groups.set(key, {
        ...group,
        content: [...group.content, ...item.content],
        confidence: Math.max(group.confidence, item.confidence),
        ...(group.verb ? {} : item.verb ? { verb: item.verb } : {}),
      });
  }
  return [...groups.values()];
}

interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
  speaker: Record<SourceForm, { right: number; all: number }>;
  cue: { right: number; all: number; none: number };
}
const tally = (): Tally => ({
  gold: 0,
  predicted: 0,
  matched: 0,
  exact: 0,
  speaker: {
    name: { right: 0, all: 0 },
    description: { right: 0, all: 0 },
    pronoun: { right: 0, all: 0 },
  },
  cue: { right: 0, all: 0, none: 0 },
});
const all = tally();
const quoted = tally();
/** Confidence bins: [low, high) with how many items and how many right (matched, right speaker). */
const BINS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
const reliability = BINS.slice(0, -1).map(() => ({ items: 0, right: 0 }));
const misses: string[] = [];
const unfound: string[] = [];
const extra: string[] = [];
const cues: string[] = [];

const textDir = join(root, 'data', split, 'text');
const annDir = join(root, 'data', split, 'attributions');
const annFiles = readdirSync(annDir)
  .filter((f) => f.endsWith('.ann'))
  .sort();
// The language layer loads once per process; time the extraction, not the loading.
await loadLanguage();
let articles = 0;
let chars = 0;
let ms = 0;
for (const name of readdirSync(textDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const stem = name.replace(/\.txt$/, '');
  // A few articles were annotated by several people: score against the first annotation.
  const annName = annFiles.find((f) => f.replace(/_[0-9a-f]+\.ann$/, '') === stem);
  if (!annName) continue;
  const text = readFileSync(join(textDir, name), 'utf8');
  const gold = parseAnn(readFileSync(join(annDir, annName), 'utf8'), text);
  const started = performance.now();
  let story: Story;
  try {
    story = await fromText(text, { file: name });
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    continue;
  }
  ms += performance.now() - started;
  chars += text.length;
  articles++;
  const words = (ranges: readonly TextRange[] | undefined) =>
    (ranges ?? []).map((r) => text.slice(r.start, r.end)).join(' ');
  // Named gold sources in reading order, for a pronoun's or description's nearest antecedent.
  const named = gold
    .filter((g) => g.source && sourceForm(words(g.source)) === 'name')
    .map((g) => ({ at: (g.source as TextRange[])[0]?.start ?? 0, words: words(g.source) }))
    .sort((a, b) => a.at - b.at);
  // A pronoun's antecedent agrees with it: "he" does not stand for "Ms. Guzman" or "officials".
  const antecedent = (g: GoldAttribution) => {
    const at = g.source?.[0]?.start ?? 0;
    const own = words(g.source);
    return named.filter((n) => n.at < at && antecedentAgrees(own, n.words)).at(-1)?.words;
  };

  const score = (
    t: Tally,
    goldItems: GoldAttribution[],
    predicted: PredictedAttribution[],
    bins: boolean,
  ) => {
    t.gold += goldItems.length;
    t.predicted += predicted.length;
    const pairs = matchByOverlap(goldItems, predicted);
    t.matched += pairs.length;
    if (missesArg && bins) {
      const matchedGold = new Set(pairs.map(([gi]) => gi));
      const matchedPredicted = new Set(pairs.map(([, pi]) => pi));
      goldItems.forEach((g, gi) => {
        if (!matchedGold.has(gi))
          unfound.push(
            `missed ${name}: [${words(g.source)}] [${words(g.cue)}] ${JSON.stringify(words(g.content).slice(0, 90))}`,
          );
      });
      predicted.forEach((p, pi) => {
        if (!matchedPredicted.has(pi))
          extra.push(
            `extra ${name}: ${p.kind} [${p.speaker}] [${p.verb}] ${JSON.stringify(words(p.content).slice(0, 90))}`,
          );
      });
    }
    const right = new Set<number>();
    for (const [gi, pi] of pairs) {
      const g = goldItems[gi] as GoldAttribution;
      const p = predicted[pi] as PredictedAttribution;
      if (sameBoundaries(text, g.content, p.content)) t.exact++;
      if (g.source) {
        const source = words(g.source);
        const form = sourceForm(source);
        const names = [source];
        if (form !== 'name') {
          const earlier = antecedent(g);
          if (earlier) names.push(earlier);
        }
        const ok = speakerMatches(p.speaker, names);
        t.speaker[form].all++;
        if (ok) {
          t.speaker[form].right++;
          right.add(pi);
        } else if (missesArg && bins)
          misses.push(
            `speaker ${name}: ${form} "${source}"${names[1] ? ` (→ ${names[1]})` : ''} got "${p.speaker}" for ${JSON.stringify(words(p.content).slice(0, 70))}`,
          );
      }
      if (g.cue) {
        t.cue.all++;
        if (!p.verb) t.cue.none++;
        if (cueMatches(p.verb, words(g.cue))) t.cue.right++;
        else if (missesArg && bins)
          cues.push(
            `cue ${name}: "${words(g.cue)}" got "${p.verb ?? ''}" for ${JSON.stringify(words(p.content).slice(0, 70))}`,
          );
      }
    }
    if (bins) {
      predicted.forEach((p, pi) => {
        const bin = BINS.findIndex(
          (low, i) => p.confidence >= low && p.confidence < (BINS[i + 1] as number),
        );
        const slot = reliability[bin];
        if (!slot) return;
        slot.items++;
        if (right.has(pi)) slot.right++;
      });
    }
  };
  const allPredicted = predictions(text, story, true);
  score(all, gold, allPredicted, true);
  score(
    quoted,
    gold.filter((g) => isQuoted(text, g.content)),
    predictions(text, story, true).filter((p) => p.kind !== 'indirect'),
    false,
  );
}

const f = (n: number) => n.toFixed(2);
const rate = (r: { right: number; all: number }) => (r.all ? r.right / r.all : 0);
const speakerAll = (t: Tally) => {
  const s = Object.values(t.speaker);
  return { right: s.reduce((a, b) => a + b.right, 0), all: s.reduce((a, b) => a + b.all, 0) };
};
const line = (label: string, t: Tally) => {
  const overlapScores = scores({
    tp: t.matched,
    fp: t.predicted - t.matched,
    fn: t.gold - t.matched,
  });
  const exactScores = scores({ tp: t.exact, fp: t.predicted - t.exact, fn: t.gold - t.exact });
  console.log(
    `| ${label.padEnd(34)} | ${String(t.gold).padStart(5)} | ${String(t.predicted).padStart(5)} | ${f(overlapScores.precision)} | ${f(overlapScores.recall)} | ${f(overlapScores.f1)} | ${f(exactScores.precision)} | ${f(exactScores.recall)} | ${f(exactScores.f1)} |`,
  );
  return { overlap: overlapScores.f1, exact: exactScores.f1 };
};

console.log(
  `PolNeAR ${split}: ${articles} articles, ${(chars / 1e6).toFixed(2)} M characters, ${Math.round(ms)} ms in fromText`,
);
console.log('');
console.log(
  '| content spans                      |  gold | drawn |  P   |  R   |  F1  | P ex | R ex | F1 ex |',
);
console.log(
  '| ---------------------------------- | ----: | ----: | ---: | ---: | ---: | ---: | ---: | ----: |',
);
const allLine = line('all attributions', all);
const quotedLine = line('quoted (direct + partial, merged)', quoted);
console.log('');
console.log('| matched pairs                     | right | of   | rate |');
console.log('| --------------------------------- | ----: | ---: | ---: |');
const row = (label: string, r: { right: number; all: number }) =>
  console.log(
    `| ${label.padEnd(33)} | ${String(r.right).padStart(5)} | ${String(r.all).padStart(4)} | ${f(rate(r))} |`,
  );
row('speaker, all', speakerAll(all));
row('speaker, gold is a name', all.speaker.name);
row('speaker, gold is a description', all.speaker.description);
row('speaker, gold is a pronoun', all.speaker.pronoun);
row('speaker, quoted subset', speakerAll(quoted));
row('cue', all.cue);
console.log(`(${all.cue.none} matched statements carry no verb)`);
console.log('');
console.log('| confidence  | items | right | rate |');
console.log('| ----------- | ----: | ----: | ---: |');
reliability.forEach((slot, i) => {
  const low = BINS[i] as number;
  const high = Math.min(BINS[i + 1] as number, 1);
  console.log(
    `| ${`${f(low)}–${f(high)}`.padEnd(11)} | ${String(slot.items).padStart(5)} | ${String(slot.right).padStart(5)} | ${slot.items ? f(slot.right / slot.items) : '  – '} |`,
  );
});
/** Every k-th of a list, so that a sample spreads over the whole split. */
const sample = (list: string[]) =>
  list
    .filter((_, i) => i % Math.max(1, Math.floor(list.length / missesArg)) === 0)
    .slice(0, missesArg);
if (missesArg) {
  for (const [label, list] of [
    ['wrong speakers', misses],
    ['missed', unfound],
    ['extra', extra],
    ['wrong cues', cues],
  ] as const) {
    console.log('');
    console.log(`${label}: ${list.length}`);
    for (const m of sample(list)) console.log(m);
  }
}
console.log('');
const sp = all.speaker;
console.log(
  `summary ${split}: quoted F1 ${f(quotedLine.overlap)} (exact ${f(quotedLine.exact)}); all F1 ${f(allLine.overlap)}; speaker ${f(rate(speakerAll(all)))} (names ${f(rate(sp.name))}, descriptions ${f(rate(sp.description))}, pronouns ${f(rate(sp.pronoun))}); cue ${f(rate(all.cue))}; ${(chars / 1e6 / (ms / 1000)).toFixed(2)} MB/s`,
);
