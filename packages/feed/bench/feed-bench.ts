/**
 * Benchmarks of @storykit/feed, each against baselines measured in the same process:
 *
 * 1. `toRss` on 10,000 items against the `feed` package and `JSON.stringify`: first with the
 *    stories' bodies (our `toRss` renders each body to HTML with its marks; `feed` is handed that
 *    HTML ready-made, so it only serialises), then without bodies, where both only serialise.
 * 2. `streamRss` on 10,000 and on 100,000 items read from a generator, each in a fresh process:
 *    the live heap (measured after a full collection every 2,000 items) and the process's
 *    resident size must not grow with the item count.
 *
 * Run with `pnpm bench` (it builds first). Prints tables; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assertStory, type Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { type FeedOptions, streamRss, toJsonFeed, toRss } from '@storykit/feed';
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

/**
 * Median wall times, in milliseconds, of each contender over `rounds` rounds after one warm-up
 * round. The contenders take turns within a round, so that the heap's state (what earlier runs
 * left for the garbage collector) weighs on each alike.
 */
function race(rounds: number, contenders: readonly (() => unknown)[]): number[] {
  const times = contenders.map(() => [] as number[]);
  for (let round = -1; round < rounds; round++) {
    contenders.forEach((run, i) => {
      const start = performance.now();
      run();
      if (round >= 0) times[i]?.push(performance.now() - start);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] as number);
}

interface Row {
  readonly name: string;
  readonly run: () => unknown;
}

/** Races the rows (ours first) and prints each one's time and its ratio to ours. */
function report(title: string, rows: readonly Row[]): void {
  const times = race(
    5,
    rows.map((row) => row.run),
  );
  const ours = times[0] as number;
  console.log(`\n${title}, median of 5 rounds`);
  rows.forEach((row, i) => {
    const ms = times[i] as number;
    const ratio = i === 0 ? '' : `   ${(ms / ours).toFixed(2)}× the time of ours`;
    console.log(`  ${row.name.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms${ratio}`);
  });
}

interface FeedItem {
  title: string;
  id: string;
  link: string;
  date: Date;
  description: string;
  content?: string;
  author: { name: string }[];
  category: { name: string }[];
}

function withFeed(items: readonly FeedItem[]): () => string {
  return () => {
    const feed = new Feed({
      title: 'Bench',
      id: BASE,
      link: BASE,
      updated: new Date('2016-07-18T00:00:00Z'),
      feedLinks: { rss: `${BASE}rss.xml` },
    });
    for (const item of items) feed.addItem(item);
    return feed.rss2();
  };
}

function throughput(count: number): void {
  // Deep copies: no two stories share an object, as when they are read from files; checked
  // once here, as loadStory and readStory check them, so that the runs time the writing alone.
  const stories = Array.from({ length: count }, (_, n) =>
    assertStory(nth(n, structuredClone(seed))),
  );
  // The `feed` package gets what our feed carries, the body HTML rendered beforehand.
  const json = JSON.parse(toJsonFeed(stories, OPTIONS)) as { items: Record<string, any>[] };
  const items: FeedItem[] = json.items.map((item) => ({
    title: item.title,
    id: item.id,
    link: item.url,
    date: new Date(item.date_published),
    description: item.summary,
    content: item.content_html,
    author: item.authors.map((a: { name: string }) => ({ name: a.name })),
    category: item.tags.map((name: string) => ({ name })),
  }));
  const size = (options: FeedOptions) =>
    `${(toRss(stories, options).length / 1e6).toFixed(1)} M characters`;

  report(`toRss, ${count.toLocaleString('en')} items with their bodies (${size(OPTIONS)})`, [
    { name: '@storykit/feed toRss (renders the bodies)', run: () => toRss(stories, OPTIONS) },
    { name: 'feed 6.0.0 rss2 (bodies given as HTML)', run: withFeed(items) },
    { name: 'JSON.stringify(the stories)', run: () => JSON.stringify(stories) },
    { name: 'JSON.stringify(the items given to feed)', run: () => JSON.stringify(items) },
  ]);

  const short: FeedOptions = { ...OPTIONS, include: { content: false } };
  const bare = items.map(({ content: _, ...rest }) => rest);
  report(`toRss, ${count.toLocaleString('en')} items without bodies (${size(short)})`, [
    { name: '@storykit/feed toRss, include.content false', run: () => toRss(stories, short) },
    { name: 'feed 6.0.0 rss2, no content', run: withFeed(bare) },
    { name: 'JSON.stringify(the items given to feed)', run: () => JSON.stringify(bare) },
  ]);
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
  throughput(10_000);
  memory();
}
