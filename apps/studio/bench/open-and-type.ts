/**
 * How the studio holds up on a long article: the seed story repeated until it holds 5,000
 * statements (about 1 MB of text), opened in headless Chromium through the real `storykit studio`,
 * against the seed itself opened in the same run as the baseline. Prints, for both, the time from
 * navigation until the page is interactive (the article drawn and a click on a statement showing
 * it in the side panel) and the time per keystroke typed into the side panel (the key handled and
 * the next frame drawn), and the ratios. Targets: open < 2 s, a keystroke < 50 ms.
 *
 * `BENCH_STATEMENTS=500` runs it smaller; `BENCH_KEYS=20` types fewer keys. Asserts nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStory } from '@storykit/core/node';
import type { Browser } from 'playwright-core';
import { copyFixture, FIXTURES, launchBrowser, startStudio, tempFolder } from '../test/support.js';

const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 5000);
const KEYS = Number(process.env.BENCH_KEYS ?? 40);

/** The seed's article repeated under fresh ids until it holds `statements` statements. */
function longStory(statements: number): unknown {
  const seed = loadStory(join(FIXTURES, 'kerry-on-the-run'));
  const bodyBytes = seed.body.reduce((n, b) => n + Buffer.byteLength(b.text), 0);
  // Enough copies for the statements and for 1 MB of text.
  const copies = Math.max(
    Math.ceil(statements / seed.statements.length),
    Math.ceil(1e6 / bodyBytes),
  );
  const tag = (id: string, c: number) => (c === 0 ? id : `${id}-c${c}`);
  const range = Array.from({ length: copies }, (_, c) => c);
  return {
    ...seed,
    notes: [],
    body: range.flatMap((c) => seed.body.map((b) => ({ ...b, id: tag(b.id, c) }))),
    statements: range
      .flatMap((c) =>
        seed.statements.map((s) => ({
          ...s,
          id: tag(s.id, c),
          span: { ...s.span, block: tag(s.span.block, c) },
        })),
      )
      .slice(0, statements),
    figures: range.flatMap((c) =>
      seed.figures.map((f) => {
        const { statement: _, ...rest } = f;
        return { ...rest, id: tag(f.id, c), span: { ...f.span, block: tag(f.span.block, c) } };
      }),
    ),
    relations: [],
  };
}

interface Timing {
  readonly statements: number;
  readonly bytes: number;
  readonly openMs: number;
  readonly keyMs: number[];
}

async function measure(browser: Browser, folder: string): Promise<Timing> {
  const studio = await startStudio([folder]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx names the functions this script hands to the page with a helper the page does not have.
  await context.addInitScript('globalThis.__name = (f) => f');
  const page = await context.newPage();
  try {
    await page.goto(studio.url);
    await page.waitForFunction(
      () => performance.getEntriesByName('studio-drawn').length > 0,
      null,
      {
        timeout: 120_000,
      },
    );
    // Measured in the page, from the navigation's start (the page's time origin): until a click on
    // a statement has shown it in the side panel.
    const openMs = await page.evaluate(async () => {
      (document.querySelector('mark[data-statement]') as HTMLElement).click();
      await new Promise<void>((done) => {
        const check = () =>
          document.querySelector('#statement-verb') ? done() : requestAnimationFrame(check);
        check();
      });
      return performance.now();
    });
    const { statements, bytes } = await page.evaluate(() => ({
      statements: new Set(
        [...document.querySelectorAll('mark[data-statement]')].map((m) =>
          m.getAttribute('data-statement'),
        ),
      ).size,
      bytes: new TextEncoder().encode(document.querySelector('.article')?.textContent ?? '').length,
    }));
    await page.locator('#statement-verb').focus();
    // Each keystroke from its keydown until the frame after it is drawn.
    await page.evaluate(() => {
      const w = window as unknown as { latencies: number[] };
      w.latencies = [];
      document.addEventListener(
        'keydown',
        (event) => {
          const t = event.timeStamp;
          requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - t), 0));
        },
        true,
      );
    });
    const text = 'reportedly declared, '.repeat(Math.ceil(KEYS / 21)).slice(0, KEYS);
    for (const key of text) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    }
    // Let the validation that follows a pause in typing run, and count it: it is a pause.
    await page.waitForTimeout(400);
    const keyMs = await page.evaluate(
      () => (window as unknown as { latencies: number[] }).latencies,
    );
    const typed = await page.locator('#statement-verb').inputValue();
    if (!typed.endsWith(text)) throw new Error(`typed "${text}", the field holds "${typed}"`);
    return { statements, bytes, openMs, keyMs };
  } finally {
    await context.close();
    await studio.stop();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const max = (values: readonly number[]) => Math.max(...values);

const [temp, cleanup] = tempFolder();
const browser = await launchBrowser();
try {
  const seedFolder = copyFixture('kerry-on-the-run', temp);
  const longFolder = join(temp, 'long');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(longFolder, { recursive: true });
  writeFileSync(join(longFolder, 'story.json'), JSON.stringify(longStory(STATEMENTS)));
  // A warm-up run: the browser's and the server's first page cost more than any later one.
  await measure(browser, seedFolder);
  const base = await measure(browser, seedFolder);
  const long = await measure(browser, longFolder);
  const row = (name: string, t: Timing) =>
    `${name.padEnd(22)} ${String(t.statements).padStart(6)} ${(t.bytes / 1e6).toFixed(2).padStart(6)} MB ${t.openMs.toFixed(0).padStart(7)} ms ${median(t.keyMs).toFixed(1).padStart(7)} ms ${max(t.keyMs).toFixed(1).padStart(7)} ms`;
  console.log(
    `${'story'.padEnd(22)} ${'stmts'.padStart(6)} ${'text'.padStart(9)} ${'open'.padStart(10)} ${'key p50'.padStart(10)} ${'key max'.padStart(10)}`,
  );
  console.log(row('seed (baseline)', base));
  console.log(row('seed repeated', long));
  console.log(
    `ratio long/seed: open ${(long.openMs / base.openMs).toFixed(1)}×, keystroke p50 ${(median(long.keyMs) / median(base.keyMs)).toFixed(1)}×`,
  );
  console.log(
    `targets: open ${long.openMs < 2000 ? 'met' : 'NOT met'} (< 2000 ms), keystroke ${max(long.keyMs) < 50 ? 'met' : median(long.keyMs) < 50 ? 'met at the median, not at the max' : 'NOT met'} (< 50 ms)`,
  );
} finally {
  await browser.close();
  cleanup();
}
