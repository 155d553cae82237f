/**
 * Benchmarks of @storykit/feed, each against baselines measured in the same process:
 *
 * 1. `toRss`, `toAtom` and `toJsonFeed` on 10,000 items with short bodies (the seed's first
 *    paragraph with its statement, 379 characters of HTML) against the `feed` package's `rss2()`,
 *    `atom1()` and `json1()`. Ours does more in the timed run: it renders each body to HTML with
 *    its marks, and checks that no two items share an id (`uniqueIds`); `feed` is handed that
 *    HTML ready-made and checks nothing, so it only serialises. The stories are checked before
 *    the runs, as `loadStory` checks them, so neither side times validation. Each line prints
 *    `feed` ÷ ours and whether it meets its target: RSS and Atom at least 3× faster than `feed`,
 *    JSON Feed at least 2×.
 * 2. `toRss` on 10,000 items with the seed's whole body (17 paragraphs) against `feed` and
 *    `JSON.stringify`.
 * 3. `streamRss` on 10,000 and on 100,000 items read from a generator, each in a fresh process:
 *    the live heap (measured after a full collection every 2,000 items) and the process's
 *    resident size must not grow with the item count.
 *
 * Run with `pnpm bench` (it builds first); `FEED_BENCH=short|whole|stream` runs one part,
 * `FEED_BENCH_ROUNDS` sets the rounds (default 5). Prints tables; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assertStory, type Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { type FeedOptions, streamRss, toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { Feed } from 'feed';

const seed = loadStory(
  fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url)),
);
const BASE = 'https://news.example/';
const OPTIONS: FeedOptions = { baseUrl: BASE, title: 'Bench', updated: '2016-07-18' };

/** The n-th story: the seed with its own id, URL, headline, date and byline. */
function nth(n: number, base: Story = seed): Story {
  const date = `2016-07-${String((n % 28) + 1).padStart(2, '0')}T08:00:00Z`;
  return {
    ...base,
    id: `story-${n}`,
    url: `${BASE}story-${n}`,
    headline: `${seed.headline} (${n})`,
    published: date,
    authors: ['peterson'],
  };
}

/** The seed cut to its first paragraph, with the statements, figures and relations in them. */
function short(story: Story): Story {
  const blocks = new Set(story.body.slice(0, 1).map((block) => block.id));
  const statements = story.statements.filter((s) => blocks.has(s.span.block));
  const ids = new Set(statements.map((s) => s.id));
  return {
    ...story,
    body: story.body.filter((block) => blocks.has(block.id)),
    statements,
    figures: story.figures.filter((f) => blocks.has(f.span.block)),
    relations: story.relations.filter((r) => ids.has(r.from) && ids.has(r.to)),
  };
}

/** The median of each contender's wall and CPU times, in milliseconds. */
interface Times {
  readonly wall: number;
  /**
   * The process's CPU time (every thread: the garbage collector's helpers too). On a machine
   * that others load, it swings less than the wall time, which counts the time others run.
   */
  readonly cpu: number;
}

const median = (list: number[]) =>
  list.sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;

/**
 * Median wall and CPU times of each contender over `rounds` rounds after one warm-up round. The
 * contenders take turns within a round, so that the heap's state (what earlier runs left for the
 * garbage collector) weighs on each alike.
 */
function race(rounds: number, contenders: readonly (() => unknown)[]): Times[] {
  const wall = contenders.map(() => [] as number[]);
  const cpu = contenders.map(() => [] as number[]);
  for (let round = -1; round < rounds; round++) {
    contenders.forEach((run, i) => {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      run();
      const used = process.cpuUsage(startCpu);
      if (round >= 0) {
        wall[i]?.push(performance.now() - start);
        cpu[i]?.push((used.user + used.system) / 1000);
      }
    });
  }
  return contenders.map((_, i) => ({
    wall: median(wall[i] as number[]),
    cpu: median(cpu[i] as number[]),
  }));
}

interface Row {
  readonly name: string;
  readonly run: () => unknown;
  /** How many times ours must be faster than this row, when there is a target. */
  readonly target?: number;
}

const ROUNDS = Number(process.env.FEED_BENCH_ROUNDS ?? 5);

/**
 * Races the rows (ours first) and prints each one's wall and CPU times and how many times as long
 * it takes as ours (its time ÷ ours: above 1, ours is faster), with PASS or FAIL where a row has a
 * target (on the wall times; the CPU times' verdict follows in brackets).
 */
function report(title: string, rows: readonly Row[]): void {
  const times = race(
    ROUNDS,
    rows.map((row) => row.run),
  );
  const ours = times[0] as Times;
  console.log(`\n${title}, median of ${ROUNDS} rounds (wall, CPU)`);
  rows.forEach((row, i) => {
    const { wall, cpu } = times[i] as Times;
    let ratio = '';
    if (i > 0) {
      const byWall = wall / ours.wall;
      const byCpu = cpu / ours.cpu;
      ratio = `   ÷ ours ${byWall.toFixed(2)}× (CPU ${byCpu.toFixed(2)}×)`;
      if (row.target !== undefined) {
        const verdict = (times: number) => (times >= (row.target as number) ? 'PASS' : 'FAIL');
        ratio += `  ${verdict(byWall)} (CPU ${verdict(byCpu)}), target ≥ ${row.target}×`;
      }
    }
    const ms = (n: number) => n.toFixed(0).padStart(6);
    console.log(`  ${row.name.padEnd(46)} ${ms(wall)} ms ${ms(cpu)} ms${ratio}`);
  });
}

interface FeedItem {
  title: string;
  id: string;
  link: string;
  date: Date;
  published?: Date;
  description: string;
  content?: string;
  author: { name: string }[];
  category: { name: string }[];
}

type FeedFormat = 'rss2' | 'atom1' | 'json1';

function withFeed(items: readonly FeedItem[], format: FeedFormat): () => string {
  return () => {
    const feed = new Feed({
      title: 'Bench',
      id: BASE,
      link: BASE,
      copyright: '',
      updated: new Date('2016-07-18T00:00:00Z'),
      feedLinks: { rss: `${BASE}rss.xml` },
    });
    for (const item of items) feed.addItem(item);
    return feed[format]();
  };
}

/** Deep copies: no two stories share an object, as when they are read from files. */
function stories(count: number, cut: (story: Story) => Story = (story) => story): Story[] {
  // Checked once here, as loadStory and readStory check them, so that the runs time the writing.
  return Array.from({ length: count }, (_, n) => assertStory(nth(n, cut(structuredClone(seed)))));
}

/** What the `feed` package gets: what our feed carries, the body HTML rendered beforehand. */
function feedItems(list: readonly Story[]): FeedItem[] {
  const json = JSON.parse(toJsonFeed(list, OPTIONS)) as { items: Record<string, any>[] };
  return json.items.map((item) => ({
    title: item.title,
    id: item.id,
    link: item.url,
    date: new Date(item.date_modified ?? item.date_published),
    published: new Date(item.date_published),
    description: item.summary,
    content: item.content_html,
    author: item.authors.map((a: { name: string }) => ({ name: a.name })),
    category: item.tags.map((name: string) => ({ name })),
  }));
}

const megachars = (text: string) => `${(text.length / 1e6).toFixed(1)} M characters`;

function shortBodies(count: number): void {
  const list = stories(count, short);
  const items = feedItems(list);
  const html = items.reduce((sum, item) => sum + (item.content?.length ?? 0), 0) / items.length;
  const label = `${count.toLocaleString('en')} items with ${html.toFixed(0)}-character bodies`;
  report(`toRss, ${label} (${megachars(toRss(list, OPTIONS))})`, [
    { name: '@storykit/feed toRss (renders the bodies)', run: () => toRss(list, OPTIONS) },
    { name: 'feed 6.0.0 rss2 (bodies given as HTML)', run: withFeed(items, 'rss2'), target: 3 },
  ]);
  report(`toAtom, ${label} (${megachars(toAtom(list, OPTIONS))})`, [
    { name: '@storykit/feed toAtom (renders the bodies)', run: () => toAtom(list, OPTIONS) },
    {
      name: 'feed 6.0.0 atom1 (bodies given as HTML)',
      run: withFeed(items, 'atom1'),
      target: 3,
    },
  ]);
  report(`toJsonFeed, ${label} (${megachars(toJsonFeed(list, OPTIONS))})`, [
    {
      name: '@storykit/feed toJsonFeed (renders the bodies)',
      run: () => toJsonFeed(list, OPTIONS),
    },
    {
      name: 'feed 6.0.0 json1 (bodies given as HTML)',
      run: withFeed(items, 'json1'),
      target: 2,
    },
    { name: 'JSON.stringify(the items given to feed)', run: () => JSON.stringify(items) },
  ]);
}

function wholeBodies(count: number): void {
  const list = stories(count);
  const items = feedItems(list);
  report(
    `toRss, ${count.toLocaleString('en')} items with the whole body (${megachars(toRss(list, OPTIONS))})`,
    [
      { name: '@storykit/feed toRss (renders the bodies)', run: () => toRss(list, OPTIONS) },
      { name: 'feed 6.0.0 rss2 (bodies given as HTML)', run: withFeed(items, 'rss2') },
      { name: 'JSON.stringify(the stories)', run: () => JSON.stringify(list) },
    ],
  );
}

async function* generate(count: number): AsyncGenerator<Story> {
  for (let n = 0; n < count; n++) yield nth(n);
}

/** Streams `count` items to nowhere and prints, as JSON, the peaks of live heap and RSS. */
async function streamChild(count: number, uniqueIds: boolean): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  let liveHeap = 0;
  let rss = 0;
  let bytes = 0;
  let items = 0;
  const start = performance.now();
  for await (const chunk of streamRss(generate(count), { ...OPTIONS, uniqueIds })) {
    bytes += chunk.length;
    items += (chunk.match(/<item>/g) ?? []).length;
    rss = Math.max(rss, process.memoryUsage.rss());
    if (items % 2000 < 6) {
      gc();
      liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
    }
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ count, items, bytes, ms, liveHeap, rss }));
}

interface StreamRun {
  readonly items: number;
  readonly bytes: number;
  readonly ms: number;
  readonly liveHeap: number;
  readonly rss: number;
}

function streamRun(count: number, uniqueIds: boolean): StreamRun {
  const self = fileURLToPath(import.meta.url);
  const args = [
    ...process.execArgv,
    '--expose-gc',
    self,
    'stream',
    String(count),
    String(uniqueIds),
  ];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the stream run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as StreamRun;
}

function memory(): void {
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`.padStart(10);
  console.log('\nstreamRss from an async generator, each run in a fresh process');
  const runs: [string, StreamRun][] = [
    ['10,000 items, uniqueIds false', streamRun(10_000, false)],
    ['100,000 items, uniqueIds false', streamRun(100_000, false)],
    ['100,000 items, uniqueIds true (default)', streamRun(100_000, true)],
  ];
  for (const [label, r] of runs) {
    console.log(
      `  ${label.padEnd(40)} ${(r.bytes / 1e9).toFixed(2)} G characters in ${(r.ms / 1000).toFixed(1)} s   live heap ${mib(r.liveHeap)}   peak RSS ${mib(r.rss)}`,
    );
  }
  const small = runs[0]?.[1] as StreamRun;
  const large = runs[1]?.[1] as StreamRun;
  console.log(
    `  => 100,000 / 10,000 items: live heap ${(large.liveHeap / small.liveHeap).toFixed(2)}×, peak RSS ${(large.rss / small.rss).toFixed(2)}×`,
  );
}

const [mode, count, unique] = process.argv.slice(2);
if (mode === 'stream') {
  await streamChild(Number(count), unique === 'true');
} else {
  console.log(
    `@storykit/feed benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  const only = process.env.FEED_BENCH;
  if (!only || only === 'short') shortBodies(10_000);
  if (!only || only === 'whole') wholeBodies(10_000);
  if (!only || only === 'stream') memory();
}
