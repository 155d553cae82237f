import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI,
  copyFixture,
  FIXTURES,
  markedStatements,
  openPage,
  poll,
  type Running,
  run,
  selectText,
  startStudio,
  storyOf,
  useBrowser,
} from './support.js';

/** Where the README's screenshots go when STUDIO_SCREENSHOTS names a folder (docs/). */
const SHOTS = process.env.STUDIO_SCREENSHOTS;

const shared = useBrowser();

async function screenshot(page: Page, name: string): Promise<void> {
  const shot = await page.screenshot({ path: join(shared.temp, name) });
  // A real picture of the page, not an empty one.
  expect(shot.length).toBeGreaterThan(10_000);
  if (SHOTS) writeFileSync(join(SHOTS, name), shot);
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's own policy allows no inline script.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as any).axe.run(document));
  return results.violations
    .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: any) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

describe('reviewing the seed story in the browser', () => {
  let studio: Running;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = copyFixture('kerry-on-the-run', shared.temp);
    studio = await startStudio([folder]);
    page = await openPage(shared.browser, studio);
  });
  afterAll(async () => {
    await page?.context().close();
    await studio?.stop();
  });

  it('marks every statement of the model and every figure', async () => {
    const { story } = await storyOf(studio);
    expect(story.statements.length).toBeGreaterThan(5);
    expect(await markedStatements(page)).toBe(story.statements.length);
    const figures = await page.evaluate(
      () =>
        new Set(
          [...document.querySelectorAll('mark[data-figure]')].map((m) =>
            m.getAttribute('data-figure'),
          ),
        ).size,
    );
    expect(figures).toBe(story.figures.length);
    await expect(page.locator('.issues-panel .counter').textContent()).resolves.toBe('valid');
    await screenshot(page, 'studio-article.png');
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('changes a speaker, adds a statement from a selection, merges two sources, saves', async () => {
    const { story } = await storyOf(studio);
    const first = story.statements[0];
    // Change the speaker of the first statement to the CNN host.
    await page.locator(`mark[data-statement="${first.id}"]`).first().click();
    await page.locator('#statement-speaker').selectOption('tapper');
    await poll(() =>
      page.locator(`mark[data-statement="${first.id}"]`).first().getAttribute('title'),
    ).toContain('Jake Tapper');

    // A statement from text no statement covers yet.
    const taken = (block: string) => story.statements.filter((s: any) => s.span.block === block);
    const block = story.body.find(
      (b: any) =>
        b.text.length > 60 &&
        taken(b.id).length === 0 &&
        !story.figures.some((f: any) => f.span.block === b.id),
    );
    const words = block.text.split(' ').slice(0, 6).join(' ');
    await selectText(page, block.id, words);
    await page.keyboard.press('s');
    await poll(() => markedStatements(page)).toBe(story.statements.length + 1);
    await expect(page.locator('#editor blockquote').textContent()).resolves.toBe(words);
    await page.locator('#statement-speaker').selectOption('maher');

    // The ICSR into King's College London: Maher's affiliation moves with it.
    await page.locator('#merge-from').selectOption('icsr');
    await page.locator('#merge-into').selectOption('kings-college-london');
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.locator('.sources .counter').textContent()).resolves.toBe(
      String(story.sources.length - 1),
    );

    await poll(() => page.locator('.issues-panel .counter').textContent()).toBe('valid');
    await page.getByRole('button', { name: /^Save/ }).click();
    await poll(() => page.locator('.status').textContent()).toBe('Saved story.yaml.');

    // The saved file is what `storykit validate` accepts, and it holds the changes.
    const validate = await run(process.execPath, [CLI, 'validate', folder]);
    expect(validate.stdout).toContain('valid');
    const saved = (await storyOf(studio)).story;
    expect(saved.statements.find((s: any) => s.id === first.id).speaker).toBe('tapper');
    const added = saved.statements.find((s: any) => s.text === words);
    expect(added).toMatchObject({ kind: 'direct', speaker: 'maher', span: { block: block.id } });
    expect(saved.sources.some((s: any) => s.id === 'icsr')).toBe(false);
    expect(saved.sources.find((s: any) => s.id === 'maher').affiliation).toBe(
      'kings-college-london',
    );
    // The file keeps its comments, its body file and the form of what did not change.
    const before = readFileSync(join(FIXTURES, 'kerry-on-the-run', 'story.yaml'), 'utf8');
    const after = readFileSync(join(folder, 'story.yaml'), 'utf8');
    expect(after).toContain('# ¶1 — the claim the article weighs');
    expect(after).toContain('  file: article.txt');
    expect(after).toContain('speaker: tapper');
    const lines = before.split('\n');
    expect(lines.filter((line) => after.includes(line)).length / lines.length).toBeGreaterThan(0.9);
    await screenshot(page, 'studio-edit.png');
  });

  it('builds the PDF brief of the page’s state, downloads it and shows it', async () => {
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'brief.pdf' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('brief.pdf');
    const path = join(shared.temp, 'brief.pdf');
    await file.saveAs(path);
    const { stdout } = await run('pdftotext', ['-layout', path, '-']);
    expect(stdout).toContain('Kerry says ISIS');
    expect(await page.locator('iframe.pdf').count()).toBe(1);
  });
  it('deletes with x, undoes and redoes with the keyboard', async () => {
    const before = await markedStatements(page);
    const id = await page.locator('mark[data-statement]').last().getAttribute('data-statement');
    await page.locator(`mark[data-statement="${id}"]`).first().click();
    await page.keyboard.press('x');
    await poll(() => markedStatements(page)).toBe(before - 1);
    await page.keyboard.press('Control+z');
    await poll(() => markedStatements(page)).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await poll(() => markedStatements(page)).toBe(before - 1);
    await page.keyboard.press('Control+z');
    await poll(() => markedStatements(page)).toBe(before);
  });

  it('lists a validation issue with its field path; a click selects the item', async () => {
    const { story } = await storyOf(studio);
    // A new figure leaves what it counts to the editor: validation asks for its unit.
    const block = story.body.find((b: any) => /\b\d{2,}\b/.test(b.text));
    const number = /\b\d{2,}\b/.exec(block.text)![0];
    await selectText(page, block.id, number);
    await page.keyboard.press('f');
    const path = `figures[${story.figures.length}].unit`;
    await poll(() => page.locator('.issues-panel li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(path)]),
    );
    await page.locator('.side').evaluate((side) => side.scrollTo(0, 0));
    await page.locator('#statement-speaker, #figure-value').first().waitFor();
    await page.locator('mark[data-statement]').first().click();
    await poll(() => page.locator('#editor h2').textContent()).toMatch(/^Statement/);
    await page.locator('.issues-panel li button', { hasText: path }).first().click();
    await poll(() => page.locator('#editor h2').textContent()).toMatch(/^Figure/);
    expect(await page.locator('#figure-value').inputValue()).toBe(number);
    await page.keyboard.press('Control+z');
    await poll(() => page.locator('.issues-panel .counter').textContent()).toBe('valid');
  });
});

describe('reviewing a draft to the end of its queue', () => {
  let studio: Running;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    const article = join(shared.temp, 'article-draft.txt');
    writeFileSync(
      article,
      readFileSync(join(copyFixture('kerry-on-the-run', join(shared.temp, 'src')), 'article.txt')),
    );
    folder = join(shared.temp, 'drafted');
    studio = await startStudio([article, '--out', folder]);
    page = await openPage(shared.browser, studio);
  });
  afterAll(async () => {
    await page?.context().close();
    await studio?.stop();
  });

  it('drafts the article into a new story folder, the article kept byte for byte', () => {
    expect(readFileSync(join(folder, 'article.txt'))).toEqual(
      readFileSync(join(shared.temp, 'article-draft.txt')),
    );
    expect(readFileSync(join(folder, 'story.yaml'), 'utf8')).toContain('draft: true');
  });

  it('accepts every item, lowest confidence first, and saves a file with no confidence left', async () => {
    const { story } = await storyOf(studio);
    const total = [...story.statements, ...story.figures, ...story.sources].filter(
      (i: any) => i.confidence !== undefined,
    ).length;
    expect(total).toBeGreaterThan(3);
    await expect(page.locator('.queue .counter').textContent()).resolves.toBe(`${total} left`);
    await page.keyboard.press('n');
    let lowest = -1;
    for (let left = total; left > 0; left--) {
      const shown = await page.locator('#editor h2 small').textContent();
      const confidence = Number(/confidence ([\d.]+)/.exec(shown ?? '')?.[1]);
      expect(confidence).toBeGreaterThanOrEqual(lowest);
      lowest = confidence;
      await page.keyboard.press('a');
      await poll(() => page.locator('.queue .counter').textContent()).toBe(`${left - 1} left`);
    }
    await page.getByRole('button', { name: /^Save/ }).click();
    await poll(() => page.locator('.status').textContent()).toBe('Saved story.yaml.');
    const text = readFileSync(join(folder, 'story.yaml'), 'utf8');
    expect(text).not.toMatch(/confidence:/);
    const validate = await run(process.execPath, [CLI, 'validate', folder]);
    expect(validate.stdout).toContain('valid');
  });
});
