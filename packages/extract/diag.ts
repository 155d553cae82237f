import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStory } from '@storykit/core/node';
import { sameFigure, sameSource } from './src/lib/evaluate.js';
import { extract } from './src/lib/extract.js';

const slug = process.argv[2]!;
const kind = process.argv[3] ?? 'statements';
const dir = join('../../fixtures', slug);
const ext = ['txt', 'md', 'html'].find((e) => existsSync(join(dir, `article.${e}`)))!;
const gold = loadStory(dir);
const draft = await extract(readFileSync(join(dir, `article.${ext}`), 'utf8'), ext as any);
const name = (st: any, id: any) => st.sources.find((s: any) => s.id === id);
const words = (t: string) =>
  t
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const ov = (a: string, b: string) => {
  const A = words(a),
    B = new Set(words(b));
  return A.filter((w) => B.has(w)).length / Math.max(1, Math.min(A.length, B.size));
};
if (kind === 'statements') {
  for (const g of gold.statements) {
    const d = draft.statements
      .map((d) => [ov(g.text, d.text), d] as const)
      .sort((a, b) => b[0] - a[0])[0];
    const gs = name(gold, g.speaker),
      ds = d && name(draft, d[1].speaker);
    const ok = d && d[0] >= 0.5 && gs && ds && sameSource(gs, ds);
    if (!ok)
      console.log(
        'MISS',
        g.span.block,
        g.kind,
        gs?.name,
        '|',
        g.text.slice(0, 80),
        '\n   best:',
        d?.[0].toFixed(2),
        ds?.name,
        '|',
        d?.[1].text.slice(0, 80),
      );
  }
  for (const d of draft.statements)
    if (!gold.statements.some((g) => ov(g.text, d.text) >= 0.5))
      console.log('FP', d.span.block, name(draft, d.speaker)?.name, '|', d.text.slice(0, 90));
} else if (kind === 'sources') {
  for (const g of gold.sources)
    if (!draft.sources.some((d) => sameSource(g, d))) console.log('MISS', g.kind, g.name);
  for (const d of draft.sources)
    if (!gold.sources.some((g) => sameSource(g, d))) console.log('FP', d.kind, d.name);
} else {
  for (const g of gold.figures)
    if (!draft.figures.some((d) => sameFigure(g, d)))
      console.log('MISS', JSON.stringify(g.value), g.qualifier ?? '', g.unit, '|', g.measure);
  for (const d of draft.figures)
    if (!gold.figures.some((g) => sameFigure(g, d)))
      console.log('FP', JSON.stringify(d.value), d.qualifier ?? '', d.unit, '|', d.subject);
}
