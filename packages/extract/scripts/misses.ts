/**
 * What the extractor misses and adds on one fixture, item by item — the list to read when working
 * on a rule (the eval gives the scores, this gives the cases).
 *
 *   pnpm --filter @storykit/extract misses <fixture> [statements|figures|sources]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { sameFigure, sameSource } from '../src/lib/evaluate.js';
import { type ExtractFormat, extract } from '../src/lib/extract.js';

const [slug, kind = 'statements'] = process.argv.slice(2);
if (!slug) {
  console.error('usage: misses <fixture> [statements|figures|sources]');
  process.exit(2);
}
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures', slug);
const ext = (['txt', 'md', 'html'] as const).find((e) => existsSync(join(dir, `article.${e}`)));
if (!ext) {
  console.error(`${dir}: no article.txt, article.md or article.html`);
  process.exit(1);
}
const gold = loadStory(dir);
const draft = await extract(
  readFileSync(join(dir, `article.${ext}`), 'utf8'),
  ext as ExtractFormat,
);

const source = (story: Story, id: string | null) => story.sources.find((s) => s.id === id);
const words = (t: string) =>
  t
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const overlap = (a: string, b: string) => {
  const wa = words(a);
  const wb = new Set(words(b));
  return wa.filter((w) => wb.has(w)).length / Math.max(1, Math.min(wa.length, wb.size));
};
const value = (v: Story['figures'][number]['value']) => JSON.stringify(v);

if (kind === 'statements') {
  for (const g of gold.statements) {
    const best = draft.statements
      .map((d) => ({ score: overlap(g.text, d.text), d }))
      .sort((a, b) => b.score - a.score)[0];
    const gs = source(gold, g.speaker);
    const ds = best && source(draft, best.d.speaker);
    if (best && best.score >= 0.5 && gs && ds && sameSource(gs, ds)) continue;
    console.log(
      `miss ${g.span.block} ${g.kind} ${gs?.name ?? '(article)'}: ${g.text.slice(0, 80)}`,
    );
    if (best)
      console.log(`  closest (${best.score.toFixed(2)}) ${ds?.name}: ${best.d.text.slice(0, 80)}`);
  }
  for (const d of draft.statements) {
    if (!gold.statements.some((g) => overlap(g.text, d.text) >= 0.5))
      console.log(
        `extra ${d.span.block} ${source(draft, d.speaker)?.name}: ${d.text.slice(0, 80)}`,
      );
  }
} else if (kind === 'sources') {
  for (const g of gold.sources)
    if (!draft.sources.some((d) => sameSource(g, d))) console.log(`miss ${g.kind} ${g.name}`);
  for (const d of draft.sources)
    if (!gold.sources.some((g) => sameSource(g, d))) console.log(`extra ${d.kind} ${d.name}`);
} else {
  for (const g of gold.figures)
    if (!draft.figures.some((d) => sameFigure(g, d)))
      console.log(`miss ${value(g.value)} ${g.qualifier ?? ''} ${g.unit}: ${g.measure}`);
  for (const d of draft.figures)
    if (!gold.figures.some((g) => sameFigure(g, d)))
      console.log(`extra ${value(d.value)} ${d.qualifier ?? ''} ${d.unit}: ${d.subject}`);
}
