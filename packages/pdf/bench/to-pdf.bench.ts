/**
 * Times toPdf on the seed story against a baseline measured in the same process: a bare pdfkit
 * document that sets the same text (headline, dek, every statement, figure and source) in the
 * same embedded font, with pdfkit's own line wrapping and no tagging, layout or fallback. Prints
 * medians and the ratio; no thresholds — the numbers are for people to compare across changes.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { formatFigureValue, type Story, sourceLabel } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toPdf } from '@storykit/pdf';
import PDFDocument from 'pdfkit';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

function bare(story: Story): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.font(FONT).fontSize(19).text(story.headline);
  doc.fontSize(10).text(story.dek ?? '');
  doc.fontSize(8.5);
  for (const s of story.statements) doc.text(`“${s.text}”`);
  for (const f of story.figures) doc.text(`${formatFigureValue(f)} — ${f.subject}, ${f.measure}`);
  for (const s of story.sources) doc.text(sourceLabel(story, s));
  doc.end();
  return done;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const story = loadStory(SEED);
const first = await time(() => toPdf(story)); // reads and parses the fonts
for (let i = 0; i < 2; i++) {
  await bare(story);
  await toPdf(story);
}
const baseline: number[] = [];
const brief: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  baseline.push(await time(() => bare(story)));
  brief.push(await time(() => toPdf(story)));
}
const b = median(baseline);
const t = median(brief);
console.log(`toPdf (seed story), ${ROUNDS} rounds, medians`);
console.log(`  first call (font files read)   ${first.toFixed(1)} ms`);
console.log(`  bare pdfkit, same text         ${b.toFixed(1)} ms   1.00×`);
console.log(`  toPdf                          ${t.toFixed(1)} ms   ${(t / b).toFixed(2)}×`);
