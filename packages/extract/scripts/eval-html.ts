/**
 * Measures the HTML path on saved web pages: a checkout of Mozilla Readability's repository, whose
 * `test/test-pages/<name>/` hold `source.html` (the page), `expected.html` (the article's text) and
 * `expected-metadata.json` (its title, byline, publication time). Per page: body precision and
 * recall (bags of words against expected.html), whether the headline is right, whether a byline
 * and the published date are found, and whether the draft builds (core's validateStory and the
 * feed and JSON-LD generators with no options; and again with what `storykit build` gives a story
 * that has no address or no date: a placeholder address and the Unix epoch as the feeds' date). Targets are checked on the English news pages.
 * Only the folders a–l are read unless `--all` is given; no page text is printed.
 *
 *   pnpm --filter @storykit/extract eval:html <readability checkout> [--markdown] [--all]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateStory } from '@storykit/core';
import { toAtom, toRss } from '@storykit/feed';
import { toJsonLd } from '@storykit/jsonld';
import { parseHTML } from 'linkedom';
import { fromHtml } from '../src/lib/extract.js';
import { withoutSiteName } from '../src/lib/html/metadata.js';
import { bodyScores, markupDates } from './html-scores.js';

const args = process.argv.slice(2);
const checkout = args.find((a) => !a.startsWith('--'));
const markdown = args.includes('--markdown');
if (!checkout) {
  console.error('usage: eval:html <path of a mozilla/readability checkout> [--markdown] [--all]');
  process.exit(2);
}
const pagesDir = join(checkout, 'test/test-pages');
if (!existsSync(pagesDir)) {
  console.error(`${pagesDir}: no such folder (expected a checkout of mozilla/readability)`);
  process.exit(2);
}
/** The English news pages among a–l: the targets are measured on these. */
const NEWS = new Set([
  'aclu',
  'ars-1',
  'bbc-1',
  'breitbart',
  'buzzfeed-1',
  'citylab-1',
  'cnet',
  'cnn',
  'engadget',
  'guardian-1',
  'herald-sun-1',
  'lifehacker-post-comment-load',
  'lifehacker-working',
]);
const names = readdirSync(pagesDir)
  .filter((n) => args.includes('--all') || /^[a-l]/.test(n))
  .filter((n) => existsSync(join(pagesDir, n, 'source.html')))
  .sort();

const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const textOfHtml = (html: string) =>
  parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document.body.textContent ?? '';

interface Row {
  name: string;
  news: boolean;
  p: number;
  r: number;
  headline: boolean;
  byline: boolean | undefined;
  date: boolean | undefined;
  builds: string;
  /** Whether it builds with the command line's defaults for a story without address or date. */
  buildsWithDefaults: boolean;
  language: string;
}
const rows: Row[] = [];
for (const name of names) {
  const dir = join(pagesDir, name);
  const source = readFileSync(join(dir, 'source.html'));
  const expected = textOfHtml(readFileSync(join(dir, 'expected.html'), 'utf8'));
  const meta = existsSync(join(dir, 'expected-metadata.json'))
    ? (JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as {
        title?: string;
        byline?: string | null;
        siteName?: string | null;
        publishedTime?: string | null;
      })
    : {};
  let draft: Awaited<ReturnType<typeof fromHtml>> | undefined;
  let failure = '';
  try {
    draft = await fromHtml(source, { file: `${name}/source.html` });
  } catch (error) {
    failure = (error as Error).message.split('\n')[0] ?? 'error';
  }
  // The draft's text is its standfirst, body and media captions and credits: expected.html
  // holds them all, where the draft sets the standfirst and the captions apart.
  const body = draft
    ? [
        draft.dek ?? '',
        ...draft.body.map((b) => b.text),
        ...draft.media.flatMap((m) => [m.caption ?? '', m.credit ?? '']),
      ].join('\n')
    : '';
  const { precision, recall } = bodyScores(body, expected);
  const title = meta.title ?? '';
  const headline =
    !!draft &&
    (key(draft.headline) === key(title) ||
      key(draft.headline) === key(withoutSiteName(title, [meta.siteName ?? ''])));
  const bylineExpected = meta.byline ? meta.byline : undefined;
  const named = draft
    ? [...draft.authors, ...(draft.publisher ? [draft.publisher] : [])]
        .map((id) => draft?.sources.find((s) => s.id === id)?.name ?? '')
        .filter(Boolean)
    : [];
  const byline =
    bylineExpected === undefined
      ? undefined
      : (draft?.authors.length ?? 0) > 0 &&
        named.some((n) => key(bylineExpected).includes(key(n)) && key(n).length > 0);
  const days = markupDates(source.toString('utf8'), meta.publishedTime ?? undefined);
  const date =
    days.size === 0 ? undefined : !!draft?.published && days.has(draft.published.slice(0, 10));
  let builds = failure ? 'no draft' : 'yes';
  if (draft) {
    const problems: string[] = [];
    if (validateStory(draft).length > 0) problems.push('validate');
    for (const [label, run] of [
      ['rss', () => toRss(draft)],
      ['atom', () => toAtom(draft)],
      ['jsonld', () => toJsonLd(draft)],
    ] as const) {
      try {
        await run();
      } catch {
        problems.push(label);
      }
    }
    if (problems.length > 0) builds = `no (${problems.join(', ')})`;
  }
  let buildsWithDefaults = builds === 'yes';
  if (draft && !buildsWithDefaults && validateStory(draft).length === 0) {
    // apps/cli's defaults (batch.ts, feed-defaults.ts): links under https://storykit.invalid/ and,
    // for Atom, which requires a date, 1970-01-01 when the story records none.
    const options = {
      baseUrl: `https://storykit.invalid/${draft.id}/`,
      updated: '1970-01-01T00:00:00Z',
    };
    try {
      await toRss(draft, options);
      await toAtom(draft, options);
      await toJsonLd(draft);
      buildsWithDefaults = true;
    } catch {
      buildsWithDefaults = false;
    }
  }
  rows.push({
    name,
    news: NEWS.has(name),
    p: precision,
    r: recall,
    headline,
    byline,
    date,
    builds,
    buildsWithDefaults,
    language: draft?.language ?? '',
  });
}

const mark = (v: boolean | undefined) => (v === undefined ? '–' : v ? 'yes' : 'no');
const line = (cells: string[]) =>
  markdown
    ? `| ${cells.join(' | ')} |`
    : cells.map((c, i) => (i === 0 ? c.padEnd(30) : c.padStart(i === 7 ? 16 : 8))).join(' ');
console.log(line(['page', 'lang', 'body P', 'body R', 'headline', 'byline', 'date', 'builds']));
if (markdown) console.log(line(['---', '---', '---:', '---:', '---', '---', '---', '---']));
for (const row of rows)
  console.log(
    line([
      row.news ? `${row.name} (news)` : row.name,
      row.language,
      row.p.toFixed(2),
      row.r.toFixed(2),
      mark(row.headline),
      mark(row.byline),
      mark(row.date),
      row.builds,
    ]),
  );

const news = rows.filter((r) => r.news);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const share = (xs: (boolean | undefined)[]) => {
  const known = xs.filter((x) => x !== undefined);
  return { hit: known.filter(Boolean).length, of: known.length };
};
const pct = ({ hit, of }: { hit: number; of: number }) =>
  `${hit}/${of} = ${of ? Math.round((100 * hit) / of) : 100} %`;
const summary: [string, string, string][] = [
  ['pages (English news)', `${news.length}`, ''],
  ['mean body precision', mean(news.map((r) => r.p)).toFixed(2), '≥ 0.95'],
  ['mean body recall', mean(news.map((r) => r.r)).toFixed(2), '≥ 0.95'],
  ['lowest body recall', Math.min(...news.map((r) => r.r)).toFixed(2), '≥ 0.80'],
  ['headline right', pct(share(news.map((r) => r.headline))), '≥ 95 %'],
  ['byline found (pages with one)', pct(share(news.map((r) => r.byline))), '≥ 90 %'],
  [
    'published date found (pages whose markup has one)',
    pct(share(news.map((r) => r.date))),
    '≥ 95 %',
  ],
  ['drafts that build', pct(share(news.map((r) => r.builds === 'yes'))), 'all'],
  ['all pages a–l: drafts that build', pct(share(rows.map((r) => r.builds === 'yes'))), ''],
  [
    'drafts that build with storykit build’s defaults',
    pct(share(news.map((r) => r.buildsWithDefaults))),
    '',
  ],
  ['all pages a–l: with those defaults', pct(share(rows.map((r) => r.buildsWithDefaults))), ''],
];
console.log('');
for (const [label, value, target] of summary)
  console.log(
    markdown
      ? `| ${label} | ${value} | ${target} |`
      : `${label.padEnd(52)} ${value.padStart(14)}  ${target}`,
  );
