/**
 * Measures the extractor against every curated fixture: runs it on the fixture's article
 * (article.txt, .md or .html), compares the draft with story.yaml, and prints precision, recall
 * and F1 per kind and per fixture, and the totals (counts summed over the fixtures).
 *
 *   pnpm --filter @storykit/extract eval [--markdown]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStory } from '@storykit/core/node';
import { type Comparison, type Counts, compare, scores } from '../src/lib/evaluate.js';
import { type ExtractFormat, extract } from '../src/lib/extract.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const markdown = process.argv.includes('--markdown');
const KINDS = ['statements', 'statementsText', 'figures', 'sources'] as const;
const LABEL: Record<(typeof KINDS)[number], string> = {
  statements: 'statements (text + speaker)',
  statementsText: 'statements (text only)',
  figures: 'figures (value + unit)',
  sources: 'sources (name)',
};

const rows: { fixture: string; result: Comparison }[] = [];
/** Whether the draft's headline and standfirst are the curated ones (case and punctuation aside). */
const titles: { fixture: string; headline: boolean; dek: boolean }[] = [];
const key = (text: string | undefined) =>
  (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
for (const slug of readdirSync(fixtures).sort()) {
  const dir = join(fixtures, slug);
  if (!existsSync(join(dir, 'story.yaml'))) continue;
  const input = (['txt', 'md', 'html'] as const)
    .map((ext) => ({ ext, file: join(dir, `article.${ext}`) }))
    .find(({ file }) => existsSync(file));
  if (!input) continue;
  const gold = loadStory(dir);
  const draft = await extract(readFileSync(input.file, 'utf8'), input.ext as ExtractFormat, {
    file: input.file,
  });
  rows.push({ fixture: `${slug} (${input.ext})`, result: compare(gold, draft) });
  titles.push({
    fixture: `${slug} (${input.ext})`,
    headline: key(draft.headline) === key(gold.headline),
    dek: key(draft.dek) === key(gold.dek),
  });
}

const total = (kind: (typeof KINDS)[number]): Counts =>
  rows.reduce(
    (sum, { result }) => ({
      tp: sum.tp + result[kind].tp,
      fp: sum.fp + result[kind].fp,
      fn: sum.fn + result[kind].fn,
    }),
    { tp: 0, fp: 0, fn: 0 },
  );
const f = (n: number) => n.toFixed(2);
const line = (cells: string[]) =>
  markdown
    ? `| ${cells.join(' | ')} |`
    : cells.map((c, i) => (i === 0 ? c.padEnd(34) : c.padStart(9))).join(' ');

console.log(line(['fixture / kind', 'P', 'R', 'F1', 'TP', 'FP', 'FN']));
if (markdown) console.log(line(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
for (const { fixture, result } of rows) {
  for (const kind of KINDS) {
    const s = scores(result[kind]);
    const c = result[kind];
    console.log(
      line([
        `${fixture}: ${LABEL[kind]}`,
        f(s.precision),
        f(s.recall),
        f(s.f1),
        `${c.tp}`,
        `${c.fp}`,
        `${c.fn}`,
      ]),
    );
  }
}
for (const kind of KINDS) {
  const c = total(kind);
  const s = scores(c);
  console.log(
    line([
      `**all**: ${LABEL[kind]}`,
      f(s.precision),
      f(s.recall),
      f(s.f1),
      `${c.tp}`,
      `${c.fp}`,
      `${c.fn}`,
    ]),
  );
}

console.log('');
console.log(line(['fixture', 'headline', 'standfirst']));
if (markdown) console.log(line(['---', '---', '---']));
const yes = (v: boolean) => (v ? 'right' : 'wrong');
for (const t of titles) console.log(line([t.fixture, yes(t.headline), yes(t.dek)]));
const right = (k: 'headline' | 'dek') => `${titles.filter((t) => t[k]).length}/${titles.length}`;
console.log(line(['**all**', right('headline'), right('dek')]));
