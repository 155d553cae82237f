import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI,
  copyFixture,
  openPage,
  poll,
  type Running,
  startStudio,
  useBrowser,
} from './support.js';

const shared = useBrowser();

/** A raw request to the studio with exactly the headers given (fetch would set Host itself). */
function raw(
  studio: Running,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { port } = new URL(studio.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the studio’s server', () => {
  let studio: Running;
  let folder: string;
  beforeAll(async () => {
    folder = copyFixture('kerry-on-the-run', join(shared.temp, 'server'));
    studio = await startStudio([folder]);
  });
  afterAll(() => studio?.stop());

  it('listens on 127.0.0.1 only and prints its address with the token', () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('refuses an API request without the token, or with a wrong one (403)', async () => {
    const host = new URL(studio.origin).host;
    const none = await raw(studio, '/api/story', { host });
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body).error).toContain('token');
    expect(none.body).not.toContain('kerry');
    const wrong = await raw(studio, '/api/story', { host, 'x-storykit-token': '0'.repeat(48) });
    expect(wrong.status).toBe(403);
    const right = await raw(studio, '/api/story', { host, 'x-storykit-token': studio.token });
    expect(right.status).toBe(200);
  });

  it('refuses a request whose Host or Origin is not its own (DNS rebinding)', async () => {
    const port = new URL(studio.origin).port;
    const token = { 'x-storykit-token': studio.token };
    expect(
      (await raw(studio, '/api/story', { ...token, host: `attacker.example:${port}` })).status,
    ).toBe(403);
    expect((await raw(studio, '/', { host: `attacker.example:${port}` })).status).toBe(403);
    expect(
      (
        await raw(studio, '/api/story', {
          ...token,
          host: `127.0.0.1:${port}`,
          origin: 'http://attacker.example',
        })
      ).status,
    ).toBe(403);
    expect((await raw(studio, '/api/story', { ...token, host: `localhost:${port}` })).status).toBe(
      200,
    );
  });

  it('refuses a path that leaves the story folder', async () => {
    const headers = { host: new URL(studio.origin).host, 'x-storykit-token': studio.token };
    writeFileSync(join(shared.temp, 'server', 'secret.txt'), 'outside');
    for (const path of [
      '../secret.txt',
      '..%2Fsecret.txt',
      '/etc/passwd',
      'sub/../../secret.txt',
    ]) {
      const answer = await raw(studio, `/api/media?path=${path}`, headers);
      expect(answer.status, path).toBe(403);
      expect(answer.body).not.toContain('outside');
    }
    const inside = await raw(studio, '/api/media?path=article.txt', headers);
    expect(inside.status).toBe(200);
    expect(inside.body).toBe(readFileSync(join(folder, 'article.txt'), 'utf8'));
    // The page's own files cannot be left either.
    expect((await raw(studio, '/../../package.json', { host: headers.host })).status).toBe(404);
  });

  it('refuses a second studio on the same folder, naming the first', async () => {
    const second = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, 'studio', folder], (error, _stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already open in another studio');
    expect(second.stderr).toContain(studio.origin);
    expect(second.stderr).not.toMatch(/\n\s+at /);
  });

  it('releases the folder when stopped', async () => {
    await studio.stop();
    expect(existsSync(join(folder, '.storykit-studio.lock'))).toBe(false);
    studio = await startStudio([folder]);
  });
});

describe('bad input in the page', () => {
  it('opens a story folder that does not validate with its issues listed', async () => {
    const folder = join(shared.temp, 'invalid');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'story.yaml'),
      [
        'id: broken',
        'headline: A broken story',
        'language: en',
        'body:',
        '  - text: The mayor said the bridge would open.',
        'statements:',
        '  - id: s1',
        '    kind: indirect',
        '    text: the bridge would open',
        '    speaker: nobody',
        '',
      ].join('\n'),
    );
    const studio = await startStudio([folder]);
    try {
      const page = await openPage(shared.browser, studio);
      await page.waitForSelector('.unreadable .issues li');
      const issues = await page.locator('.unreadable .issues li').allTextContents();
      expect(issues.join('\n')).toContain('statements[0].speaker');
      expect(await page.locator('.unreadable pre').textContent()).toContain('speaker: nobody');
      await page.context().close();
    } finally {
      await studio.stop();
    }
  });

  it('refuses to save over a story.yaml changed on disk since it was opened, and says so', async () => {
    const folder = copyFixture('kerry-on-the-run', join(shared.temp, 'changed'));
    const studio = await startStudio([folder]);
    try {
      const page = await openPage(shared.browser, studio);
      await page.locator('mark[data-statement]').first().click();
      await page.locator('#statement-verb').fill('claimed');
      const file = join(folder, 'story.yaml');
      const theirs = `${readFileSync(file, 'utf8')}# changed by someone else\n`;
      writeFileSync(file, theirs);
      await page.getByRole('button', { name: /^Save/ }).click();
      await poll(() => page.locator('.status').textContent()).toContain(
        'story.yaml changed on disk since it was opened; nothing was written',
      );
      expect(readFileSync(file, 'utf8')).toBe(theirs);
      await page.context().close();
    } finally {
      await studio.stop();
    }
  });

  it('shows a story full of markup as text: no script runs', async () => {
    const folder = join(shared.temp, 'markup');
    mkdirSync(folder, { recursive: true });
    const hostile =
      '<script>window.ran = 1</script><img src=x onerror="window.ran = 2"> <a href="javascript:window.ran=3">x</a>';
    writeFileSync(
      join(folder, 'story.yaml'),
      [
        'id: markup',
        `headline: ${JSON.stringify(`Headline ${hostile}`)}`,
        'language: en',
        'body:',
        `  - text: ${JSON.stringify(`The clerk wrote ${hostile} in the minutes.`)}`,
        'sources:',
        '  - { id: clerk, kind: person, name: "<b onmouseover=window.ran=4>Clerk</b>" }',
        'statements:',
        '  - id: s1',
        '    kind: direct',
        `    text: ${JSON.stringify(hostile)}`,
        '    speaker: clerk',
        '',
      ].join('\n'),
    );
    const studio = await startStudio([folder]);
    try {
      const page = await openPage(shared.browser, studio);
      await page.locator('mark[data-statement="s1"]').first().click();
      await page.locator('mark[data-statement="s1"]').first().hover();
      expect(await page.evaluate(() => (window as any).ran)).toBeUndefined();
      expect(await page.locator('[data-block="p1"] .text').textContent()).toBe(
        `The clerk wrote ${hostile} in the minutes.`,
      );
      expect(await page.locator('.article script, .article img, .article a').count()).toBe(0);
      await page.context().close();
    } finally {
      await studio.stop();
    }
  });
});
