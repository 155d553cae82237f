/**
 * `storykit build <folder of stories>`: every story built on a pool of threads, one a core by
 * default, each story's files written into `<out>/<id>/` as soon as that story is ready, and the
 * folder's feeds written a story at a time. A story that fails — or takes its thread down — is
 * reported with its folder and the others go on; the command exits 1 at the end, listing them.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { Story } from '@storykit/core';
import type { LoadStoryOptions } from '@storykit/core/node';
import type { FeedOptions } from '@storykit/feed';
import type { BuildTask, Built, Failed, LoadSettings, Scanned, ScanTask } from './batch-worker.js';
import { asStoryIssue, checkOwnInputs, checkUniqueIds } from './build-checks.js';
import {
  FEED_FILES,
  type FeedFacts,
  type FeedKind,
  feedAuthor,
  feedUpdated,
} from './feed-defaults.js';
import type { Output } from './outputs.js';
import { Progress } from './progress.js';
import { describeError, EXIT } from './report.js';
import { printable } from './terminal-text.js';
import {
  checkTargetsOf,
  commitStaged,
  discardStaged,
  removeOwnTemps,
  removeStaleTempsAll,
  stageFolder,
} from './write-outputs.js';

/** What `storykit build <folder>` was asked for. */
export interface BatchRequest {
  /** The folder of stories, as given. */
  readonly path: string;
  /** Its story folders, in name order. */
  readonly folders: readonly string[];
  readonly outputs: readonly Output[];
  readonly out: string;
  readonly load: LoadStoryOptions;
  readonly publisher?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly updated?: string | undefined;
  readonly author?: string | undefined;
  readonly title?: string | undefined;
  /** The folder's name, the feeds' default title. */
  readonly name: string;
  readonly quiet: boolean;
  /** How many stories are built at once. */
  readonly jobs: number;
  /** Whether standard error is a terminal, where the progress line is drawn. */
  readonly terminal: boolean;
  readonly stderr: (text: string) => void;
  /** Prints a notice once (unless `--quiet`). */
  readonly notice: (text: string) => void;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** The thread that builds the stories: `batch-worker.js`, built beside this module. */
const WORKER = new URL('./batch-worker.js', import.meta.url).href;

/** The young generation of each thread, in MiB (V8's default on 64 bits: 48). */
const YOUNG_GENERATION_MB = 16;

/** How many stories may be built ahead of the first one the feeds still wait for, per thread. */
const AHEAD = 8;

/** Stories handed to the folder's feeds one at a time, in folder order. */
class StoryQueue implements AsyncIterable<Story> {
  #items: Story[] = [];
  #waiting: ((result: IteratorResult<Story>) => void) | undefined;
  #closed = false;

  push(story: Story): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting({ value: story, done: false });
    else this.#items.push(story);
  }

  close(): void {
    this.#closed = true;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<Story> {
    return {
      next: () => {
        const story = this.#items.shift();
        if (story) return Promise.resolve({ value: story, done: false });
        if (this.#closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.#waiting = resolve;
        });
      },
    };
  }
}

/** The folder's feeds, written into a temporary folder a story at a time as the stories arrive. */
class FolderFeeds {
  readonly #queues: StoryQueue[] = [];
  readonly #done: Promise<void>[] = [];
  #failure: unknown;
  readonly files: { name: string }[];

  constructor(
    readonly request: BatchRequest,
    readonly kinds: readonly FeedKind[],
    readonly temp: string,
    facts: readonly FeedFacts[],
  ) {
    this.files = kinds.map((kind) => ({ name: FEED_FILES[kind] }));
    const feed = import('@storykit/feed');
    const streams = { rss: 'streamRss', atom: 'streamAtom', jsonfeed: 'streamJsonFeed' } as const;
    for (const kind of kinds) {
      const queue = new StoryQueue();
      this.#queues.push(queue);
      const options = this.#options(kind, facts);
      const write = async () => {
        const stream = (await feed)[streams[kind]];
        const fd = openSync(join(temp, FEED_FILES[kind]), 'wx');
        try {
          for await (const chunk of stream(queue, options)) writeSync(fd, chunk);
        } finally {
          closeSync(fd);
        }
      };
      this.#done.push(
        asStoryIssue(undefined, request.path, write).catch((error: unknown) => {
          this.#failure ??= error;
          // The other feeds stop too: the folder's feeds are written all together or not at all.
          for (const q of this.#queues) q.close();
        }),
      );
    }
  }

  #options(kind: FeedKind, facts: readonly FeedFacts[]): FeedOptions {
    const { request } = this;
    const updated = feedUpdated(facts, kind, request.updated, request.notice);
    const author = feedAuthor(facts, kind, request.author, request.notice);
    return {
      title: request.title ?? request.name,
      baseUrl: withSlash(request.baseUrl ?? `https://storykit.invalid/${request.name}/`),
      ...(updated ? { updated } : {}),
      ...(author ? { author } : {}),
    };
  }

  push(story: Story): void {
    for (const queue of this.#queues) queue.push(story);
  }

  /** Ends the feeds; resolves to the failure of one, if any. */
  async end(): Promise<unknown> {
    for (const queue of this.#queues) queue.close();
    await Promise.all(this.#done);
    return this.#failure;
  }
}

/** The old generation of each thread of the pool, in MiB, unless the command itself may have less. */
const THREAD_OLD_GENERATION_MB = 512;

type Task = ScanTask | BuildTask;
type Answer = Scanned | Built | Failed;

/**
 * The threads that build the stories, and the one thread kept for a story that needs more memory
 * than they may have.
 *
 * V8 lets a heap grow to some multiple of what it holds before collecting it, and the multiple
 * rises with the heap's limit: about 4× for a limit of 2 GiB or more (the command's own, given to
 * each thread until now, kept some 125 MiB a thread for 35 MiB of live objects), 1.4× for
 * 512 MiB. So the pool's threads get 512 MiB; a story that needs more stops its thread with
 * `ERR_WORKER_OUT_OF_MEMORY` and is built again, alone, on a thread that may have as much as the
 * command itself. Only a story too big for that one is reported as a thread that stopped.
 */
class Threads {
  readonly #Piscina: typeof import('piscina').Piscina;
  readonly #pool: Pool;
  #roomy: Pool | undefined;

  constructor(Piscina: typeof import('piscina').Piscina, threads: number) {
    this.#Piscina = Piscina;
    const full = Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20);
    this.#pool = this.#make(threads, Math.min(full, THREAD_OLD_GENERATION_MB));
  }

  #make(threads: number, oldMb: number): Pool {
    return new this.#Piscina<Task, Answer>({
      filename: WORKER,
      minThreads: threads,
      maxThreads: threads,
      resourceLimits: {
        maxOldGenerationSizeMb: oldMb,
        // The young generation only decides how often short-lived objects are collected (what
        // outlives it moves to the old one, so no story fails for it): V8's default lets each
        // thread hold some 25 MiB more of garbage than this, for no measurable gain in speed.
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    });
  }

  /** Runs a task; a thread that stopped before it answered rejects, as Piscina does. */
  async run(task: Task): Promise<Answer> {
    try {
      return await this.#pool.run(task);
    } catch (error) {
      if ((error as { code?: unknown } | undefined)?.code !== 'ERR_WORKER_OUT_OF_MEMORY')
        throw error;
      // Nothing of the story was written: its files are moved into place only once all are made.
      this.#roomy ??= this.#make(1, Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20));
      return await this.#roomy.run(task);
    }
  }

  async destroy(): Promise<void> {
    await Promise.all([this.#pool.destroy(), this.#roomy?.destroy()]);
  }
}

/** Builds a folder of stories; resolves to the exit code. */
export async function buildFolder(request: BatchRequest): Promise<number> {
  const { folders, out, stderr } = request;
  const threads = Math.max(1, Math.min(request.jobs, folders.length));
  const { Piscina } = await import('piscina');
  const pool = new Threads(Piscina, threads);
  const progress = new Progress(folders.length, {
    stderr,
    enabled: request.terminal && !request.quiet,
  });
  const batch = new Batch(request, pool, progress, threads);
  let feeds: FolderFeeds | undefined;
  try {
    feeds = await batch.run();
  } finally {
    progress.end();
    await pool.destroy();
    // A thread that stopped mid-write left its temporary folder behind: no thread writes now.
    removeOwnTemps(out, feeds?.temp);
  }
  if (feeds) await batch.finishFeeds(feeds);
  return batch.end();
}

type Pool = InstanceType<typeof import('piscina').Piscina<Task, Answer>>;

/** One run of {@link buildFolder}: the stories read, checked, built, and what failed. */
class Batch {
  readonly #failed: string[] = [];
  readonly #load: LoadSettings;
  #kinds: readonly FeedKind[] = [];

  constructor(
    readonly request: BatchRequest,
    readonly pool: Threads,
    readonly progress: Progress,
    readonly threads: number,
  ) {
    this.#load = {
      ...(request.load.maxBytes === undefined ? {} : { maxBytes: request.load.maxBytes }),
      ...(request.publisher === undefined ? {} : { publisher: request.publisher }),
    };
  }

  #print(lines: readonly string[]): void {
    if (lines.length > 0) this.progress.print(lines.map((l) => `${printable(l)}\n`).join(''));
  }

  #fail(dir: string, lines: readonly string[]): void {
    this.#failed.push(dir);
    // A story's problems name its file; any other line is given the story's folder.
    this.#print(
      lines.map((line) =>
        line.includes(dir) ? line : `${dir}: ${line.replace(/^storykit: /, '')}`,
      ),
    );
  }

  /** A task whose thread stopped before it answered (it exited, or ran out of memory). */
  #crashed = (error: unknown): Failed => ({
    ok: false,
    failure: {
      code: EXIT.invalid,
      lines: [
        `storykit: the thread building this story stopped (${error instanceof Error ? error.message : String(error)}); none of its files were written`,
      ],
    },
  });

  /** Reads, checks and builds every story; returns the folder's feeds, still to be finished. */
  async run(): Promise<FolderFeeds | undefined> {
    const { request, pool } = this;
    const { folders, out } = request;
    // Every story is read first, on the threads: the checks that need the whole folder (two
    // stories with one id, an output that would replace an input) run before anything is written.
    const scans = await Promise.all(
      folders.map((dir) => pool.run({ kind: 'scan', dir, ...this.#load }).catch(this.#crashed)),
    );
    const ready: { dir: string; scan: Scanned }[] = [];
    scans.forEach((scan, i) => {
      const dir = folders[i] as string;
      if (scan.ok) ready.push({ dir, scan: scan as Scanned });
      else {
        this.#fail(dir, scan.failure.lines);
        this.progress.tick();
      }
    });
    checkUniqueIds(
      ready.map((r) => r.dir),
      ready.map((r) => r.scan),
    );
    this.#kinds = (['rss', 'atom', 'jsonfeed'] as const).filter((kind) =>
      request.outputs.some((o) => o.name === kind),
    );
    const feedFiles = this.#kinds.map((kind) => ({ name: FEED_FILES[kind] }));
    const files = [
      ...ready.flatMap(({ scan }) =>
        request.outputs.flatMap((o) => o.files.map((name) => ({ name: join(scan.id, name) }))),
      ),
      ...feedFiles,
    ];
    checkOwnInputs(
      out,
      files,
      ready.flatMap((r) => r.scan.inputs),
    );
    // Where every file goes is checked before the first is written.
    removeStaleTempsAll(
      out,
      ready.map((r) => r.scan.id),
    );
    checkTargetsOf(out, files);
    // The feeds list every story of the folder: written only when every story is built.
    const feeds =
      feedFiles.length > 0 && this.#failed.length === 0
        ? new FolderFeeds(
            request,
            this.#kinds,
            stageFolder(out, feedFiles, { cleaned: true }),
            ready.map((r) => r.scan.facts),
          )
        : undefined;
    await this.#buildAll(ready, feeds);
    return feeds;
  }

  async #buildAll(
    ready: readonly { dir: string; scan: Scanned }[],
    feeds: FolderFeeds | undefined,
  ) {
    const { request, threads } = this;
    const base = request.baseUrl === undefined ? undefined : withSlash(request.baseUrl);
    // Stories built ahead of the feeds wait in `arrived` until those before them are built; the
    // builds run ahead by a few stories a thread at most, so that few wait.
    const arrived = new Map<number, Story>();
    let next = 0;
    let feeding = feeds !== undefined;
    const gates: (() => void)[] = [];
    const reopen = () => {
      for (const open of gates.splice(0)) open();
    };
    const buildOne = async ({ dir, scan }: { dir: string; scan: Scanned }, index: number) => {
      while (feeding && index >= next + threads * AHEAD) {
        await new Promise<void>((resolve) => gates.push(resolve));
      }
      const task: BuildTask = {
        kind: 'build',
        dir,
        id: scan.id,
        outputs: request.outputs.map((o) => o.name),
        out: request.out,
        ...(base ? { base } : {}),
        ...(request.updated ? { updated: request.updated } : {}),
        ...(request.author ? { author: request.author } : {}),
        ...this.#load,
        returnStory: feeding,
      };
      const result = await this.pool.run(task).catch(this.#crashed);
      this.progress.tick();
      if (!result.ok) {
        this.#fail(dir, result.failure.lines);
        feeding = false;
        reopen();
        return;
      }
      const built = result as Built;
      for (const text of built.notices) request.notice(text);
      if (!request.quiet) {
        this.#print([
          ...built.written.map((f) => `wrote ${f}`),
          `built ${scan.id}: ${built.summary}`,
        ]);
      }
      if (feeds && feeding && built.story) {
        arrived.set(index, built.story);
        for (let story = arrived.get(next); story; story = arrived.get(next)) {
          arrived.delete(next);
          feeds.push(story);
          next++;
        }
        reopen();
      }
    };
    await Promise.all(ready.map(buildOne));
  }

  /** Writes the folder's feeds into place when every story was built, else drops them. */
  async finishFeeds(feeds: FolderFeeds): Promise<void> {
    const failure = await feeds.end();
    if (failure) {
      this.#failed.push(this.request.path);
      this.#print((await describeError(failure)).lines);
    }
    if (failure || this.#failed.length > 0) {
      discardStaged(feeds.temp);
      return;
    }
    const written = commitStaged(this.request.out, feeds.temp, feeds.files);
    if (!this.request.quiet) this.#print(written.map((f) => `wrote ${f}`));
  }

  /** The closing lines, and the exit code. */
  end(): number {
    if (this.#failed.length === 0) return EXIT.ok;
    const { request } = this;
    const stories = this.#failed.filter((f) => f !== request.path);
    const lines = stories.map((dir) => `storykit: not built: ${dir}`);
    if (this.#kinds.length > 0) {
      const names = this.#kinds.map((kind) => FEED_FILES[kind]).join(', ');
      lines.push(
        stories.length > 0
          ? `storykit: the folder's feeds (${names}) were not written: they list every story, and ${stories.length === 1 ? 'one was' : `${stories.length} were`} not built`
          : `storykit: the folder's feeds (${names}) were not written`,
      );
    }
    lines.push(
      `storykit: ${stories.length} of ${request.folders.length} stories not built; the others were written`,
    );
    this.#print(lines);
    return EXIT.invalid;
  }
}
