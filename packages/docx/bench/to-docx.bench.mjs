/**
 * Times toDocx on the seed story against a baseline measured in the same process: a minimal `docx`
 * document holding the same text (headline, dek, every statement, figure and source) as plain
 * paragraphs, packed by `docx` itself, with no styles, numbering, tables, charts or re-zipping.
 * Prints medians and the ratio; asserts nothing. `BENCH_ROUNDS=1` runs it quickly.
 */
import { fileURLToPath } from 'node:url';
import { formatFigureValue, sourceLabel } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toDocx } from '@storykit/docx';
import { Document, Packer, Paragraph } from 'docx';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

/** @param {import('@storykit/core').Story} story */
function minimal(story) {
  const lines = [
    story.headline,
    story.dek ?? '',
    ...story.statements.map((s) => `“${s.text}”`),
    ...story.figures.map((f) => `${formatFigureValue(f)} — ${f.subject}, ${f.measure}`),
    ...story.sources.map((s) => sourceLabel(story, s)),
  ];
  const doc = new Document({
    sections: [{ children: lines.map((text) => new Paragraph({ text })) }],
  });
  return Packer.toBuffer(doc);
}

/** @param {() => Promise<unknown>} run */
async function time(run) {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const story = loadStory(SEED);
for (let i = 0; i < 2; i++) {
  await minimal(story);
  await toDocx(story);
}
const baseline = [];
const report = [];
for (let i = 0; i < ROUNDS; i++) {
  baseline.push(await time(() => minimal(story)));
  report.push(await time(() => toDocx(story)));
}
const b = median(baseline);
const t = median(report);
console.log(`toDocx (seed story), ${ROUNDS} rounds, medians`);
console.log(`  minimal docx document, same text  ${b.toFixed(1)} ms   1.00×`);
console.log(`  toDocx                            ${t.toFixed(1)} ms   ${(t / b).toFixed(2)}×`);
