import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { writeFileAtomic } from '@storykit/core/node';
import { fileError, InputError, UsageError } from './cli-errors.js';
import { draftOf, isArticleFile } from './draft.js';
import { OUTPUTS } from './outputs.js';
import { storyYaml } from './story-yaml.js';
import { printable } from './terminal-text.js';

/** The flags of `storykit studio`. */
export interface StudioFlags {
  readonly port?: string;
  readonly out?: string;
  readonly open?: boolean;
}

/** `--port`: a port number from 0 (a free one) to 65535. */
function portOf(port: string | undefined): number {
  if (port === undefined) return 0;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new UsageError(
      `--port: ${JSON.stringify(port)} is not a port; expected a whole number from 0 (any free port) to 65535`,
    );
  }
  return Number(port);
}

/**
 * An article's draft in a new story folder: `story.yaml` as `storykit extract --yaml` writes it and
 * the article beside it, its bytes as received (`article.txt`, or `article.md`/`article.html`).
 */
async function draftFolder(article: string, out: string | undefined): Promise<string> {
  const draft = await draftOf(article);
  const folder = out ?? join(dirname(article), draft.id);
  if (existsSync(join(folder, 'story.yaml')) || existsSync(join(folder, 'story.json'))) {
    throw new InputError(
      `storykit: ${folder} already holds a story; review it with storykit studio ${folder}, or draft into another folder with --out`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(article);
  } catch (error) {
    throw fileError(error, article, 'read the article', 'read');
  }
  const ext = extname(article).toLowerCase();
  const name =
    ext === '.md' || ext === '.markdown'
      ? 'article.md'
      : ext.startsWith('.htm')
        ? 'article.html'
        : 'article.txt';
  try {
    writeFileAtomic(join(folder, name), bytes);
    writeFileAtomic(join(folder, 'story.yaml'), storyYaml(draft, { source: basename(article) }));
  } catch (error) {
    throw fileError(error, folder, 'write the draft story folder', 'write');
  }
  return folder;
}

/** The story folder a path names: the folder itself, or the folder of a story file. */
function storyFolder(path: string): string {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new InputError(
      `storykit: ${path}: no such story folder; expected a folder holding story.yaml`,
    );
  }
  return isFile ? dirname(path) : path;
}

/**
 * `storykit studio [story | article]`: starts the review app on 127.0.0.1 and prints its address;
 * runs until the process is stopped.
 */
export async function studio(
  path: string,
  flags: StudioFlags,
  stdout: (text: string) => void,
): Promise<never> {
  const port = portOf(flags.port);
  const folder = isArticleFile(path) ? await draftFolder(path, flags.out) : storyFolder(path);
  const { startStudio, StudioBusyError } = await import('@storykit/studio');
  let server: Awaited<ReturnType<typeof startStudio>>;
  try {
    server = await startStudio({
      folder,
      port,
      toYaml: (story) => storyYaml(story),
      outputs: OUTPUTS.map((output) => ({
        name: output.name,
        files: output.files,
        build: (story, storyDir) => output.build(story, { storyDir }),
      })),
    });
  } catch (error) {
    if (error instanceof StudioBusyError) throw new InputError(`storykit: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(
        `--port: ${port} is in use; choose another port, or leave --port out for a free one`,
      );
    }
    throw error;
  }
  // The lock is released however the process ends (Ctrl-C, kill: the command exits on signals).
  process.once('exit', () => {
    void server.close();
  });
  stdout(`studio: ${server.url}\n`);
  stdout(`reviewing ${printable(folder)}; stop with Ctrl-C\n`);
  if (flags.open) {
    const opener =
      process.platform === 'darwin'
        ? 'open'
        : process.platform === 'win32'
          ? 'explorer'
          : 'xdg-open';
    spawn(opener, [server.url], { stdio: 'ignore', detached: true })
      .on('error', () => {})
      .unref();
  }
  return new Promise<never>(() => {});
}
