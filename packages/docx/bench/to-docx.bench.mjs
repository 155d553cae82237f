/**
 * Times toDocx on the seed story against a baseline measured in the same process, interleaved round
 * by round: a minimal `docx` document holding the same text as the report — the text of each of
 * the report's paragraphs (body, table cells and footnotes, read back from its own
 * `word/document.xml` and `word/footnotes.xml` once, before timing) as a plain paragraph — packed
 * by `docx` itself, with no styles, headings, tables, footnotes, table of contents, chart or
 * re-zipping. Prints medians and the median of the rounds' ratios; asserts nothing. `BENCH_ROUNDS=1` runs it quickly.
 */
import { fileURLToPath } from 'node:url';
import { loadStory } from '@storykit/core/node';
import { toDocx } from '@storykit/docx';
import { Document, Packer, Paragraph } from 'docx';
import { strFromU8, unzipSync } from 'fflate';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);

/** The text of every paragraph of a package part, in document order. */
function paragraphsOf(/** @type {Uint8Array} */ part) {
  const xml = strFromU8(part);
  const unescapeXml = (/** @type {string} */ s) =>
    s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ENTITIES[e]);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => t).join(''))
    .filter((text) => text !== '')
    .map(unescapeXml);
}
/** @type {Record<string, string>} */
const ENTITIES = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** @param {readonly string[]} lines */
function minimal(lines) {
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
const parts = unzipSync(await toDocx(story));
const lines = ['word/document.xml', 'word/footnotes.xml'].flatMap((name) =>
  paragraphsOf(/** @type {Uint8Array} */ (parts[name])),
);
for (let i = 0; i < 3; i++) {
  await minimal(lines);
  await toDocx(story);
}
const baseline = [];
const report = [];
for (let i = 0; i < ROUNDS; i++) {
  baseline.push(await time(() => minimal(lines)));
  report.push(await time(() => toDocx(story)));
}
const b = median(baseline);
const t = median(report);
// Each round times both one after the other, so a round's ratio sees one load of the (shared)
// machine; the median of those ratios is steadier than the ratio of the medians.
const ratio = median(report.map((ms, i) => ms / baseline[i]));
console.log(
  `toDocx (seed story), ${ROUNDS} rounds, medians; the same ${lines.length} paragraphs of text; ratio: the median of each round's`,
);
console.log(`  minimal docx document, same text  ${b.toFixed(1)} ms   1.00×`);
console.log(`  toDocx                            ${t.toFixed(1)} ms   ${ratio.toFixed(2)}×`);
