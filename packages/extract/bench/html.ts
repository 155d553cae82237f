/**
 * Pages per second of fromHtml (the whole draft: Readability over linkedom, metadata, rules)
 * against the baseline of Readability over jsdom alone (the article only), on the same pages in
 * the same run. The pages: our HTML fixtures, and the development pages of a Mozilla Readability
 * checkout when one is given (folders a–l), by argument or `READABILITY_PAGES`; without it the
 * corpus part is skipped with a message.
 *
 *   pnpm --filter @storykit/extract bench [-- <readability checkout>]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { fromHtml } from '../src/lib/extract.js';

const fixtures = fileURLToPath(new URL('../../../fixtures', import.meta.url));
const fixturePages = readdirSync(fixtures)
  .map((slug) => join(fixtures, slug, 'article.html'))
  .filter((file) => existsSync(file))
  .map((file) => readFileSync(file));
const checkout =
  process.argv.slice(2).find((a) => !a.startsWith('-')) ?? process.env.READABILITY_PAGES;
const corpusDir = checkout ? join(checkout, 'test/test-pages') : undefined;
const corpusPages =
  corpusDir && existsSync(corpusDir)
    ? readdirSync(corpusDir)
        .filter((n) => /^[a-l]/.test(n) && existsSync(join(corpusDir, n, 'source.html')))
        .sort()
        .map((n) => readFileSync(join(corpusDir, n, 'source.html')))
    : undefined;

// jsdom reports every stylesheet it cannot parse; the baseline needs none of that.
const quiet = new VirtualConsole();

async function pagesPerSecond(pages: readonly Buffer[], run: (page: Buffer) => unknown) {
  for (const page of pages.slice(0, 2)) await run(page);
  const start = process.hrtime.bigint();
  for (const page of pages) await run(page);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return pages.length / seconds;
}

const ours = (page: Buffer) => fromHtml(page).catch(() => undefined);
/** Pages jsdom could not read (its CSS parser throws on some real stylesheets). */
let jsdomFailures = 0;
const jsdomReadability = (page: Buffer) => {
  try {
    return new Readability(new JSDOM(page, { virtualConsole: quiet }).window.document).parse();
  } catch {
    jsdomFailures++;
    return undefined;
  }
};
const linkedomReadability = (page: Buffer) =>
  new Readability(parseHTML(page.toString('utf8')).document as unknown as Document).parse();

for (const [label, pages] of [
  ['fixtures', fixturePages],
  ['readability a–l', corpusPages],
] as const) {
  if (!pages) {
    console.log(
      `${label}: skipped (give a mozilla/readability checkout as an argument or in READABILITY_PAGES)`,
    );
    continue;
  }
  const a = await pagesPerSecond(pages, ours);
  jsdomFailures = 0;
  const b = await pagesPerSecond(pages, jsdomReadability);
  const c = await pagesPerSecond(pages, linkedomReadability);
  console.log(
    `${label} (${pages.length} pages): fromHtml ${a.toFixed(1)} pages/s; Readability + jsdom ${b.toFixed(1)} pages/s (fromHtml ${(a / b).toFixed(2)}×${jsdomFailures ? `; jsdom threw on ${jsdomFailures} runs` : ''}); Readability + linkedom ${c.toFixed(1)} pages/s`,
  );
}
