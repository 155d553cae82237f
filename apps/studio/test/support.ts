import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/** The `storykit` command as built in this repository: the studio is started the way a user does. */
export const CLI = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));

/** The repository's fixtures. */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** Debian's Chromium, the browser the tests drive (scripts/ensure-test-tools.sh installs it). */
export const CHROMIUM = process.env.STUDIO_CHROMIUM ?? '/usr/bin/chromium';

export const run = promisify(execFile);

/** A fresh temporary folder, removed by the returned function. */
export function tempFolder(): [string, () => void] {
  const dir = mkdtempSync(join(tmpdir(), 'storykit-studio-'));
  return [dir, () => rmSync(dir, { recursive: true, force: true })];
}

/** A copy of a fixture's story folder in a temporary folder. */
export function copyFixture(name: string, into: string): string {
  const dir = join(into, name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** A running `storykit studio`: its address, token and process. */
export interface Running {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly child: ChildProcess;
  readonly stop: () => Promise<void>;
}

/** Starts `storykit studio ARGS…` and waits for the address it prints. */
export function startStudio(args: readonly string[]): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'studio', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      err += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = /^studio: (http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+))$/m.exec(out);
      if (match) {
        const url = match[1] as string;
        resolve({
          url,
          origin: new URL(url).origin,
          token: match[2] as string,
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`storykit studio exited with ${code}: ${err}${out}`)),
    );
  });
}

/** Debian's Chromium, headless, with nothing fetched from the network by the browser itself. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Opens the studio's page and waits until the article is drawn. */
export async function openPage(browser: Browser, studio: Running): Promise<Page> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(studio.url);
  await page.waitForSelector('.article .block, .unreadable');
  return page;
}

/** The story as the server holds it on disk, through the API with the token. */
export async function storyOf(studio: Running): Promise<any> {
  const response = await fetch(`${studio.origin}/api/story`, {
    headers: { 'x-storykit-token': studio.token },
  });
  return response.json();
}

/** How many different statements the article marks. */
export function markedStatements(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Set(
        [...document.querySelectorAll('mark[data-statement]')].map((m) =>
          m.getAttribute('data-statement'),
        ),
      ).size,
  );
}

/**
 * Selects `text` in block `block` of the article the way a mouse does: a DOM range over the text
 * as drawn, across the marks inside it.
 */
export async function selectText(page: Page, block: string, text: string): Promise<void> {
  const found = await page.evaluate(
    ({ block, text }) => {
      const root = document.querySelector(`[data-block="${block}"] .text`);
      if (!root) return false;
      const full = root.textContent ?? '';
      const at = full.indexOf(text);
      if (at < 0) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!started && at < seen + length) {
          range.setStart(node, at - seen);
          started = true;
        }
        if (started && at + text.length <= seen + length) {
          range.setEnd(node, at + text.length - seen);
          break;
        }
        seen += length;
      }
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    },
    { block, text },
  );
  if (!found) throw new Error(`"${text}" is not in block ${block}`);
}

/** The browser and the temporary folder a test file shares: started before its tests, ended after. */
export interface Shared {
  browser: Browser;
  temp: string;
}

/** Starts the shared browser and temporary folder for the calling test file. */
export function useBrowser(): Shared {
  const shared = {} as Shared;
  let cleanup: () => void = () => {};
  beforeAll(async () => {
    [shared.temp, cleanup] = tempFolder();
    shared.browser = await launchBrowser();
  });
  afterAll(async () => {
    await shared.browser?.close();
    cleanup();
  });
  return shared;
}

/** `expect.poll` with room for a loaded machine: the page and the server answer within 30 s. */
export const poll = (read: () => unknown): ReturnType<typeof expect.poll> =>
  expect.poll(read, { timeout: 30_000 });
