import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isStoryValidationError,
  parseStory,
  type Story,
  type StoryIssue,
  validateStory,
} from '@storykit/core';
import { loadStory, storyFilePath, writeFileAtomic } from '@storykit/core/node';
import { lockFolder } from './folder-lock.js';
import { keptYaml } from './kept-yaml.js';

export { StudioBusyError } from './folder-lock.js';

/** One file an output makes: its name and its bytes. */
export interface StudioOutputFile {
  /** The file name, as `storykit build` writes it (`brief.pdf`). */
  readonly name: string;
  /** The file's content. */
  readonly data: string | Uint8Array;
}

/** One output the page can build from the story being reviewed (the PDF brief, the feeds, …). */
export interface StudioOutput {
  /** The output's name, as `storykit build --only` takes it. */
  readonly name: string;
  /** The files it makes. */
  readonly files: readonly string[];
  /** Makes the output's files from a validated story whose folder is `storyDir`. */
  readonly build: (story: Story, storyDir: string) => Promise<readonly StudioOutputFile[]>;
}

/** Options for {@link startStudio}. */
export interface StudioOptions {
  /** The story folder to review: it holds `story.yaml` (or `story.json`). */
  readonly folder: string;
  /** The port to listen on, on 127.0.0.1; default 0, a free port the system picks. */
  readonly port?: number;
  /** Writes the story as the curated file (`story.yaml`) the save stores. */
  readonly toYaml: (story: Story) => string;
  /** The outputs the page can build and download. Default: none. */
  readonly outputs?: readonly StudioOutput[];
  /** The built page's folder; default: `page/` beside this module (dist/page). */
  readonly pageDir?: string;
}

/** A running studio. */
export interface StudioServer {
  /** The page's address with the run's token: `http://127.0.0.1:PORT/?token=…`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The run's token, which every API request must carry in the `X-Storykit-Token` header. */
  readonly token: string;
  /** Stops the server and releases the story folder. */
  readonly close: () => Promise<void>;
}

/** The most a request body may hold, in bytes: a story of a few megabytes fits many times. */
const MAX_BODY = 64 * 1024 * 1024;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

// The page runs only its own script: no inline code, nothing from elsewhere, the PDF shown from a
// blob the page made. Article text is put in the page as text, never as markup.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: readonly StoryIssue[],
  ) {
    super(message);
  }
}

/** JSON with every object's keys sorted: two stories compare equal when their content does. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The story file's bytes now, or undefined when it is missing. */
function fileVersion(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Starts the studio on a story folder: a server on 127.0.0.1 only that serves the page and the
 * folder's API. Requests whose `Host` or `Origin` is not the studio's own are refused (DNS
 * rebinding); every API request needs the run's token; no path in a request leaves the folder.
 *
 * @throws {StudioBusyError} when another running studio has the folder open.
 * @example
 * const studio = await startStudio({ folder: 'fixtures/kerry-on-the-run', toYaml });
 * console.log(studio.url);
 */
export async function startStudio(options: StudioOptions): Promise<StudioServer> {
  const folder = options.folder;
  const pageDir = options.pageDir ?? fileURLToPath(new URL('./page', import.meta.url));
  const outputs = options.outputs ?? [];
  const token = randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  let port = 0;
  let release = () => {};

  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const ownOrigins = () => ownHosts().map((h) => `http://${h}`);

  const storyFile = () => storyFilePath(folder);

  const hasToken = (req: IncomingMessage) => {
    const given = req.headers['x-storykit-token'];
    if (typeof given !== 'string') return false;
    const bytes = Buffer.from(given);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const readBody = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw new HttpError(413, `the request is over ${MAX_BODY} bytes`);
      chunks.push(chunk as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new HttpError(400, 'the request body is not JSON');
    }
  };

  /** The story as the page receives it: the model, or the issues that keep it from loading. */
  const openStory = () => {
    const file = storyFile();
    const version = fileVersion(file);
    try {
      const story = loadStory(folder);
      return { file: basename(file), version, story, issues: [] as StoryIssue[] };
    } catch (error) {
      if (!isStoryValidationError(error)) throw error;
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      return { file: basename(file), version, story: null, issues: error.issues, text };
    }
  };

  /** A story the page sends, checked as the generators and the loader would. */
  const checkedStory = (value: unknown): Story => {
    const issues = validateStory(value);
    if (issues.length > 0) {
      throw new HttpError(422, `the story does not validate (${issues.length} issues)`, issues);
    }
    return value as Story;
  };

  /**
   * The story as `story.yaml`: the old file updated where it changed (comments, key order, the
   * body's form kept) when that reads back as the same story; else the file written afresh.
   */
  const yamlFor = (file: string, story: Story): string => {
    const fresh = options.toYaml(story);
    let old: string;
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      return fresh;
    }
    const kept = keptYaml(old, fresh);
    if (kept === undefined) return fresh;
    const readText = (name: string) => {
      if (isAbsolute(name) || name.split(/[\\/]/).includes('..'))
        throw new Error(`${name}: outside the folder`);
      return readFileSync(join(folder, name), 'utf8');
    };
    try {
      const same =
        canonical(parseStory(kept, { file, readText })) ===
        canonical(parseStory(fresh, { file, readText }));
      return same ? kept : fresh;
    } catch {
      return fresh;
    }
  };

  const save = async (req: IncomingMessage) => {
    const body = (await readBody(req)) as { version?: unknown; story?: unknown };
    const story = checkedStory(body?.story);
    const file = storyFile();
    const now = fileVersion(file);
    if (now !== body.version) {
      throw new HttpError(
        409,
        `${basename(file)} changed on disk since it was opened; nothing was written — reload to see the change, then make yours again`,
      );
    }
    const text =
      extname(file) === '.json' ? `${JSON.stringify(story, null, 2)}\n` : yamlFor(file, story);
    writeFileAtomic(file, text);
    return { version: sha256(text), file: basename(file) };
  };

  const build = async (
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    want: string | null,
  ) => {
    const output = outputs.find((o) => o.name === name);
    if (!output) throw new HttpError(404, `no output named "${name}"`);
    const body = (await readBody(req)) as { story?: unknown };
    const story = checkedStory(body?.story);
    const files = await output.build(story, folder);
    const file = want === null ? files[0] : files.find((f) => f.name === want);
    if (!file) throw new HttpError(404, `output "${name}" makes no file "${want}"`);
    res.writeHead(200, {
      'content-type': TYPES[extname(file.name)] ?? 'application/octet-stream',
      'content-disposition': `attachment; filename="${file.name}"`,
    });
    res.end(typeof file.data === 'string' ? file.data : Buffer.from(file.data));
  };

  /** A file inside the story folder (a photo the story names), never one outside it. */
  const media = (res: ServerResponse, path: string | null) => {
    if (!path) throw new HttpError(400, 'expected ?path= a file inside the story folder');
    const parts = path.split(/[\\/]/);
    if (isAbsolute(path) || parts.includes('..') || path.includes('\0')) {
      throw new HttpError(403, `${path}: leaves the story folder; expected a path inside it`);
    }
    let real: string;
    try {
      real = realpathSync(join(folder, path));
    } catch {
      throw new HttpError(404, `${path}: no such file in the story folder`);
    }
    const inside = relative(realpathSync(folder), real);
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
      throw new HttpError(403, `${path}: leads out of the story folder; expected a path inside it`);
    }
    if (!statSync(real).isFile()) throw new HttpError(404, `${path}: not a file`);
    res.writeHead(200, {
      'content-type': TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
    });
    res.end(readFileSync(real));
  };

  const page = (res: ServerResponse, pathname: string) => {
    const name = pathname === '/' ? 'index.html' : pathname.slice(1);
    const parts = name.split('/');
    if (parts.some((p) => p === '..' || p === '' || p.startsWith('.'))) {
      throw new HttpError(404, 'not found');
    }
    let data: Buffer;
    try {
      data = readFileSync(join(pageDir, ...parts));
    } catch {
      throw new HttpError(404, 'not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'cache-control': 'no-store',
    });
    res.end(data);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a page from another site that resolves its own name to 127.0.0.1 sends its
    // own name in Host; a page of another origin sends its origin.
    if (!ownHosts().includes(req.headers.host ?? '')) {
      throw new HttpError(403, 'this studio answers only to its own address (Host)');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().includes(origin)) {
      throw new HttpError(403, 'requests from other origins are refused (Origin)');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method not allowed');
      return page(res, url.pathname);
    }
    if (!hasToken(req)) {
      throw new HttpError(403, 'missing or wrong token; open the address the studio printed');
    }
    const json = (value: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/api/story' && method === 'GET') {
      // The story as loaded at the start (or at the last request) while the file is unchanged.
      if (opened.version !== fileVersion(storyFile())) opened = serialized(openStory());
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(opened.json);
      return;
    }
    if (url.pathname === '/api/story' && method === 'PUT') return json(await save(req));
    if (url.pathname === '/api/outputs' && method === 'GET') {
      return json(outputs.map((o) => ({ name: o.name, files: o.files })));
    }
    const output = /^\/api\/output\/([a-z]+)$/.exec(url.pathname);
    if (output && method === 'POST') {
      return build(req, res, output[1] as string, url.searchParams.get('file'));
    }
    if (url.pathname === '/api/media' && method === 'GET') {
      return media(res, url.searchParams.get('path'));
    }
    throw new HttpError(404, 'no such API');
  };

  const serialized = (value: ReturnType<typeof openStory>) => ({
    version: value.version,
    json: JSON.stringify(value),
  });
  // Loaded before the address is printed: the page's first request finds it ready.
  let opened = serialized(openStory());

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      const issues = error instanceof HttpError ? error.issues : undefined;
      if (!res.headersSent) {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      }
      res.end(JSON.stringify({ error: message, ...(issues ? { issues } : {}) }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  try {
    release = lockFolder(folder, `http://127.0.0.1:${port}/`);
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  }
  return {
    url,
    port,
    token,
    close: async () => {
      release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
