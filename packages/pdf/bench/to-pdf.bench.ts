/**
 * Times toPdf on the seed story against baselines measured in the same process, interleaved round
 * by round: bare pdfkit documents that set comparable text (slightly more of it than the brief:
 * 1,105 words to its 1,003, both two A4 pages) — the headline and dek; for every statement the
 * speaker's name in bold and the statement in regular (quotes) or italic (paraphrase); a line per
 * figure; every source's name in bold and its label; the editor's notes in italic — in the same
 * three TTF files the brief embeds (DejaVu Sans, Bold and Oblique), wrapped by pdfkit's own line
 * breaking, with no tagging, tables, chart, fallback fonts or attachment.
 *
 * - "pdfkit, parsed fonts": pdfkit handed fontkit fonts parsed once for the process, as the brief
 *   hands them; only setting, subsetting and writing the text is timed. The ratio the README
 *   reports, and the one the target (at most 1.2×) is about.
 * - "pdfkit, font files": `registerFont(name, path)` as pdfkit's guide has it, so pdfkit reads and
 *   parses the three fonts again for every document.
 *
 * Prints medians and, per round, the ratio to the parsed-font baseline (their median); no thresholds — the numbers are for people to compare across
 * changes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { formatFigureValue, type Story, sourceById, sourceLabel } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toPdf } from '@storykit/pdf';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
const require = createRequire(import.meta.url);
const FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};
type Fonts = Record<keyof typeof FILES, string | fontkit.Font>;
const PARSED: Fonts = {
  regular: fontkit.create(readFileSync(FILES.regular)),
  bold: fontkit.create(readFileSync(FILES.bold)),
  italic: fontkit.create(readFileSync(FILES.italic)),
};
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);

function bare(story: Story, fonts: Fonts): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 42,
    font: null as unknown as string,
    info: { CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  for (const [name, src] of Object.entries(fonts)) doc.registerFont(name, src as string);
  doc.font('bold').fontSize(19).text(story.headline);
  doc
    .font('regular')
    .fontSize(10)
    .text(story.dek ?? '');
  for (const s of story.statements) {
    const speaker = s.speaker ? sourceById(story, s.speaker) : undefined;
    doc
      .font('bold')
      .fontSize(8.5)
      .text(speaker?.name ?? 'The article itself');
    if (s.kind === 'indirect') doc.font('italic').text(`Reported: ${s.text}`);
    else doc.font('regular').text(`“${s.text}”`);
  }
  doc.font('regular').fontSize(7.5);
  for (const f of story.figures) doc.text(`${formatFigureValue(f)} — ${f.subject}, ${f.measure}`);
  for (const s of story.sources) {
    doc.font('bold').text(s.name, { continued: true });
    doc.font('regular').text(`  ${sourceLabel(story, s)}`);
  }
  doc.font('italic');
  for (const n of story.notes) doc.text(`Editor’s note: ${n.text}`);
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
for (let i = 0; i < 3; i++) {
  await bare(story, FILES);
  await bare(story, PARSED);
  await toPdf(story);
}
const files: number[] = [];
const parsed: number[] = [];
const brief: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  files.push(await time(() => bare(story, FILES)));
  parsed.push(await time(() => bare(story, PARSED)));
  brief.push(await time(() => toPdf(story)));
}
const f = median(files);
const p = median(parsed);
const t = median(brief);
// Each round times the three one after another, so a ratio within a round sees one load of the
// (shared) machine; the median of those ratios is steadier than the ratio of the medians.
const paired = (times: number[]) => median(times.map((ms, i) => ms / (parsed[i] as number)));
const row = (label: string, ms: number, ratio: string) =>
  console.log(`  ${label.padEnd(34)} ${ms.toFixed(1).padStart(6)} ms   ${ratio}`);
console.log(`toPdf (seed story), ${ROUNDS} rounds, medians; ratios: the median of each round's`);
row('first call (font files read)', first, '');
row('pdfkit, parsed fonts, same text', p, '1.00×');
row('pdfkit, font files, same text', f, `${paired(files).toFixed(2)}×`);
row('toPdf', t, `${paired(brief).toFixed(2)}×`);
