import type { Story } from '@storykit/core';
import type { FeedOptions, FeedPerson } from '@storykit/feed';
import { isFeedDate } from './build-checks.js';

import { FEED_FILES, type FeedKind } from './feed-files.js';
import type { BuildSettings } from './outputs.js';

export { FEED_FILES, type FeedKind } from './feed-files.js';

const FILE = FEED_FILES;

/**
 * What the feeds' defaults need to know of a story, small enough to keep for every story of a
 * folder of any size while the stories themselves are built one at a time.
 */
export interface FeedFacts {
  /** The story's id. */
  readonly id: string;
  /** The story's `modified`, else `published` date, as written. */
  readonly own?: string | undefined;
  /** {@link latestRecordedDate} of the story. */
  readonly latest?: string | undefined;
  /** Whether the story names an author or a publisher to credit. */
  readonly credited: boolean;
}

/** The {@link FeedFacts} of a story. */
export function storyFeedFacts(story: Story): FeedFacts {
  return {
    id: story.id,
    own: story.modified ?? story.published,
    latest: latestRecordedDate(story),
    credited: story.authors.length > 0 || story.publisher !== undefined,
  };
}

/**
 * The date an Atom feed carries when neither the stories nor `--updated` give one: the Unix epoch,
 * which no reader mistakes for a real publication date. Atom requires an `updated` instant on the
 * feed and on every entry (RFC 4287 §4.1.1, §4.1.2); the clock's time would be a made-up date.
 */
export const UNKNOWN_DATE = '1970-01-01T00:00:00Z';

/**
 * The name of the Atom feed's author when no story names an author or publisher and `--author` is
 * not given: RFC 4287 §4.1.2 requires an author for every entry, and "unknown" invents no one.
 */
export const UNKNOWN_AUTHOR = 'unknown';

/** The story's own date (`modified`, else `published`) when the feeds take it: a day at least. */
function storyDay(story: FeedFacts): string | undefined {
  return story.own !== undefined && isFeedDate(story.own) ? story.own : undefined;
}

/**
 * The latest full date (a day at least) the story records: its own dates, else the dates of its
 * statements and figures. A story without a publication date still says when its events happened.
 */
export function latestRecordedDate(story: Story): string | undefined {
  const dates = [
    story.modified,
    story.published,
    ...story.statements.map((s) => s.attribution.date),
    ...story.figures.map((f) => f.date),
  ].filter((d): d is string => d !== undefined && d.length >= 10);
  return dates.sort().at(-1);
}

/**
 * The `updated` option of one feed: `--updated`; else for one story its own date; else, when a
 * story has no date to a day, the latest date the stories record (with a notice); else Atom gets
 * {@link UNKNOWN_DATE} and RSS and JSON Feed, which allow it, no date at all — each with a notice.
 * `undefined` lets the feed take its stories' own dates.
 */
export function feedUpdated(
  stories: readonly FeedFacts[],
  kind: FeedKind,
  given: string | undefined,
  notice: (text: string) => void,
): string | undefined {
  if (given !== undefined) return given;
  const [only] = stories;
  const single = stories.length === 1 && only !== undefined;
  const own = single ? only.own : undefined;
  if (single && storyDay(only)) return storyDay(only);
  // A day that is not in the calendar is left to the feed, which names the story's field for it.
  if (own !== undefined && own.length >= 10) return undefined;
  const undated = stories.filter((s) => storyDay(s) === undefined);
  if (undated.length === 0) return undefined;
  const recorded = stories
    .map((s) => s.latest)
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  if (recorded) {
    notice(
      single
        ? own === undefined
          ? `feeds: ${only.id} has no publication date; dated ${recorded}, the latest date it records (set one with --updated)`
          : `feeds: ${only.id}'s date ${own} names no day; dated ${recorded}, the latest date it records (set one with --updated)`
        : `feeds: a story has no publication date to a day; the feeds are dated ${recorded}, the latest date the stories record (set one with --updated)`,
    );
    return recorded;
  }
  const what = single ? `${only.id} records no date to a day` : 'no story records a date to a day';
  if (kind === 'atom') {
    notice(
      `${FILE.atom}: ${what}, and Atom requires one (RFC 4287 §4.1.2); dated ${UNKNOWN_DATE}, which stands for "unknown" (set one with --updated)`,
    );
    return UNKNOWN_DATE;
  }
  notice(`${FILE[kind]}: ${what}; written without dates (set one with --updated)`);
  return undefined;
}

/**
 * The feed-level author: `--author`; else, for Atom only and when a story has neither authors nor
 * a publisher to credit (RFC 4287 §4.1.2), {@link UNKNOWN_AUTHOR} with a notice.
 */
export function feedAuthor(
  stories: readonly FeedFacts[],
  kind: FeedKind,
  given: string | undefined,
  notice: (text: string) => void,
): FeedPerson | undefined {
  if (given !== undefined) return { name: given };
  if (kind !== 'atom') return undefined;
  const uncredited = stories.find((s) => !s.credited);
  if (!uncredited) return undefined;
  notice(
    `${FILE.atom}: ${uncredited.id} names no author and no publisher, and Atom requires one (RFC 4287 §4.1.2); its author is "${UNKNOWN_AUTHOR}" (set one with --author or --publisher)`,
  );
  return { name: UNKNOWN_AUTHOR };
}

/** The options of a story's feeds: links under the base URL, a date only from the story or the user. */
export function feedOptions(story: Story, settings: BuildSettings, kind: FeedKind): FeedOptions {
  const baseUrl = settings.baseUrl ?? `https://storykit.invalid/${story.id}/`;
  const notice = settings.notice ?? (() => {});
  const facts = [storyFeedFacts(story)];
  const updated = feedUpdated(facts, kind, settings.updated, notice);
  const author = feedAuthor(facts, kind, settings.author, notice);
  return {
    baseUrl,
    // The item links to the story's own page when it has one, else to the output folder.
    itemUrl: (s) => s.url ?? baseUrl,
    ...(updated === undefined ? {} : { updated }),
    ...(author === undefined ? {} : { author }),
  };
}
