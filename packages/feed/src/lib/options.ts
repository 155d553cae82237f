import type { Media, Story } from '@storykit/core';
import { type FeedDate, feedDate } from './dates.js';
import { FeedOptionsError, FeedUrlError } from './errors.js';
import { absoluteUrl, storyLink } from './links.js';

/** The three formats this package writes. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/**
 * The file name each format is written to by default, and the name a feed's own URL ends with
 * when it is derived from {@link FeedOptions.baseUrl}.
 */
export const FEED_FILE_NAMES: Readonly<Record<FeedFormat, string>> = Object.freeze({
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
});

/** A picture that stands for the whole feed (RSS `<image>`, Atom `<logo>`, JSON Feed `icon`). */
export interface FeedImage {
  /** Absolute URL of the picture (GIF, JPEG or PNG for RSS 2.0). */
  readonly url: string;
  /** The picture's text alternative; default: the feed's title (RSS 2.0 `<image><title>`). */
  readonly title?: string;
  /** Width in pixels, at most 144 (RSS 2.0); default: left out (readers assume 88). */
  readonly width?: number;
  /** Height in pixels, at most 400 (RSS 2.0); default: left out (readers assume 31). */
  readonly height?: number;
}

/** A person or organisation responsible for the feed as a whole. */
export interface FeedPerson {
  /** The name as readers see it. */
  readonly name: string;
  /** A web page about them (Atom `<uri>`, JSON Feed `url`); default: none. */
  readonly url?: string;
  /** An e-mail address (Atom `<email>` only); default: none. */
  readonly email?: string;
}

/**
 * What is known about a media item's file, for Media RSS `<media:content>`, the RSS `<enclosure>`,
 * Atom enclosure links and JSON Feed attachments. Leave out (or set `undefined`) what is not
 * known: nothing is guessed.
 */
export interface MediaInfo {
  /** Where the file is published, absolute or relative to the item's link; default: `media.url`. */
  readonly url?: string | undefined;
  /** Its MIME type; default: from the URL's extension when it is a common one (`.jpg`, `.png`, …). */
  readonly type?: string | undefined;
  /** Its size in bytes; default: unknown, which leaves out the RSS `<enclosure>` (it needs one). */
  readonly size?: number | undefined;
  /** Its width in pixels; default: unknown. */
  readonly width?: number | undefined;
  /** Its height in pixels; default: unknown. */
  readonly height?: number | undefined;
}

/** Which parts of a story each item carries; every part defaults to `true`. */
export interface ItemParts {
  /** The dek as the item's summary (RSS `<description>`, Atom `<summary>`, JSON `summary`). */
  readonly summary?: boolean;
  /** The body as HTML (RSS `<content:encoded>`, Atom `<content>`, JSON `content_html`). */
  readonly content?: boolean;
  /** The bylined authors (RSS `<dc:creator>`, Atom `<author>`, JSON `authors`). */
  readonly authors?: boolean;
  /** The section and keywords (RSS/Atom `<category>`, JSON `tags`). */
  readonly categories?: boolean;
  /** The story's media (Media RSS, enclosures, JSON `image` and `attachments`). */
  readonly media?: boolean;
}

/**
 * Options of {@link toRss}, {@link toAtom}, {@link toJsonFeed} and their streaming forms. Every
 * URL must be absolute, or relative to {@link FeedOptions.baseUrl}; dates are ISO 8601 and must
 * name at least a day.
 */
export interface FeedOptions {
  /**
   * The feed's title. Default: the story's headline for one story; for a collection, the name of
   * the first story's publisher. A collection with neither throws {@link FeedOptionsError}.
   */
  readonly title?: string;
  /** What the feed is. Default: the story's dek (else its headline) for one story, else the title. */
  readonly description?: string;
  /**
   * The absolute URL the stories are published under. It is the default home page, the feed's
   * own URL is `baseUrl` + `rss.xml` / `atom.xml` / `feed.json` ({@link FEED_FILE_NAMES}), and a
   * story with no `url` links to `baseUrl` + `<story id>/`. Default: none.
   */
  readonly baseUrl?: string;
  /**
   * The home page the feed belongs to (RSS `<link>`, Atom `rel="alternate"`, JSON Feed
   * `home_page_url`). Default: `baseUrl`, else for one story its link. RSS requires one.
   */
  readonly link?: string;
  /**
   * Where the feed itself is published (RSS `<atom:link rel="self">`, Atom `rel="self"`, JSON Feed
   * `feed_url`). Default: derived from `baseUrl`; without either it is left out.
   */
  readonly feedUrl?: string;
  /** The Atom feed's permanent id (an IRI). Default: the feed URL, else the home page. */
  readonly id?: string;
  /** The feed's language as a BCP 47 tag. Default: the (first) story's language. */
  readonly language?: string;
  /** A copyright notice (RSS `<copyright>`, Atom `<rights>`; JSON Feed has no such field). */
  readonly copyright?: string;
  /** The generator's name (RSS and Atom `<generator>`); `false` leaves it out. Default: `'storykit'`. */
  readonly generator?: string | false;
  /** A picture for the feed: its URL, or a {@link FeedImage}. Default: none. */
  readonly image?: string | FeedImage;
  /** RSS `<ttl>`: minutes a reader may cache the feed before it fetches it again (whole number). */
  readonly ttl?: number;
  /**
   * When the feed last changed (ISO 8601, at least a day). It is the RSS `<lastBuildDate>`, the
   * Atom feed's `<updated>` (default: the latest entry's), and the `updated` of every Atom entry
   * whose story has no date. Never taken from the clock.
   */
  readonly updated?: string;
  /** Who is responsible for the feed as a whole (Atom and JSON Feed feed-level author). */
  readonly author?: FeedPerson;
  /**
   * The link of a story's item, absolute or relative to `baseUrl`; `undefined` falls back to the
   * story's `url`, then to `baseUrl` + `<story id>/`. Default: that fallback.
   */
  readonly itemUrl?: (story: Story) => string | undefined;
  /**
   * A permanent id for a story's item when its link may change (RSS `<guid isPermaLink="false">`,
   * Atom `<id>`, which must be an IRI such as `tag:example.org,2016:kerry`). Default: the link,
   * which is then the RSS guid with `isPermaLink="true"`.
   */
  readonly itemId?: (story: Story) => string | undefined;
  /** Facts about a media item's file ({@link MediaInfo}). Default: its `url` and nothing more. */
  readonly media?: (media: Media, story: Story) => MediaInfo | undefined;
  /**
   * What one item is: `'stories'` (one per story) or `'statements'` (one per statement, the
   * speaker as author, linking to the story's link with the fragment `#statement-<id>`).
   * Default: `'stories'`.
   */
  readonly items?: 'stories' | 'statements';
  /** Which parts of a story each item carries ({@link ItemParts}); default: all. */
  readonly include?: ItemParts;
  /**
   * Reject two items with the same id ({@link FeedDuplicateIdError}). Keeps every id seen, a few
   * dozen bytes an item, so a stream of millions of items known to be unique may turn it off.
   * Default: `true`.
   */
  readonly uniqueIds?: boolean;
}

/** A person as an item or feed author, resolved. */
export interface Person {
  readonly name: string;
  readonly url?: string | undefined;
  readonly email?: string | undefined;
}

/** The feed-level facts every writer needs, with defaults applied and URLs checked. */
export interface FeedContext {
  readonly format: FeedFormat;
  readonly title: string;
  readonly description: string;
  readonly link: string | undefined;
  readonly feedUrl: string | undefined;
  readonly id: string | undefined;
  readonly language: string | undefined;
  readonly copyright: string | undefined;
  readonly generator: string | undefined;
  readonly image: { url: string; title: string; width?: number; height?: number } | undefined;
  readonly ttl: number | undefined;
  readonly updated: FeedDate | undefined;
  readonly author: Person | undefined;
  readonly baseUrl: string | undefined;
  readonly options: FeedOptions;
  readonly include: Required<ItemParts>;
  readonly seen: Set<string> | undefined;
}

function publisherName(story: Story | undefined): string | undefined {
  if (!story?.publisher) return undefined;
  return story.sources.find((s) => s.id === story.publisher)?.name;
}

/**
 * Applies the defaults of {@link FeedOptions} for one format. `first` is the first story, or the
 * only one when `single`.
 */
export function resolveFeed(
  format: FeedFormat,
  options: FeedOptions,
  first: Story | undefined,
  single: boolean,
): FeedContext {
  const baseUrl =
    options.baseUrl === undefined
      ? undefined
      : absoluteUrl(options.baseUrl, undefined, 'options.baseUrl');
  const url = (value: string | undefined, what: string) =>
    value === undefined ? undefined : absoluteUrl(value, baseUrl, what);

  const title =
    options.title ?? (single && first ? first.headline : undefined) ?? publisherName(first);
  if (title === undefined) {
    throw new FeedOptionsError(
      'a feed of several stories needs options.title (the first story names no publisher to use)',
    );
  }
  const description =
    options.description ?? (single && first ? (first.dek ?? first.headline) : title);
  const link =
    url(options.link, 'options.link') ??
    baseUrl ??
    (single && first ? storyLink(first, options, baseUrl) : undefined);
  if (format === 'rss' && link === undefined) {
    throw new FeedUrlError(
      'an RSS channel needs a link (RSS 2.0 required channel elements): set options.link or options.baseUrl',
    );
  }
  const feedUrl =
    url(options.feedUrl, 'options.feedUrl') ??
    (baseUrl ? new URL(FEED_FILE_NAMES[format], baseUrl).href : undefined);
  const id = options.id ?? feedUrl ?? link;
  if (format === 'atom' && id === undefined) {
    throw new FeedUrlError(
      'an Atom feed needs an id (RFC 4287 §4.2.6): set options.id, options.feedUrl or options.baseUrl',
    );
  }
  if (id !== undefined) absoluteUrl(id, undefined, 'options.id', true);

  let updated: FeedDate | undefined;
  if (options.updated !== undefined) {
    updated = feedDate(options.updated, 'options.updated');
    if (!updated) {
      throw new FeedOptionsError(
        `options.updated is "${options.updated}"; it must name at least a day (2016-07-17)`,
      );
    }
  }

  const ttl = options.ttl;
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl >= 0)) {
    throw new FeedOptionsError(`options.ttl is ${ttl}; expected a whole number of minutes`);
  }

  let image: FeedContext['image'];
  if (options.image !== undefined) {
    const given = typeof options.image === 'string' ? { url: options.image } : options.image;
    image = {
      url: absoluteUrl(given.url, baseUrl, 'options.image.url'),
      title: given.title ?? title,
    };
    // RSS 2.0 <image>: "Maximum value for width is 144 … for height is 400."
    for (const [key, max] of [
      ['width', 144],
      ['height', 400],
    ] as const) {
      const value = given[key];
      if (value === undefined) continue;
      if (!(Number.isInteger(value) && value > 0 && value <= max)) {
        throw new FeedOptionsError(
          `options.image.${key} is ${value}; expected whole pixels from 1 to ${max} (RSS 2.0)`,
        );
      }
      image[key] = value;
    }
  }

  const author = options.author
    ? {
        name: options.author.name,
        url: url(options.author.url, 'options.author.url'),
        email: options.author.email,
      }
    : undefined;

  return {
    format,
    title,
    description,
    link,
    feedUrl,
    id,
    language: options.language ?? first?.language,
    copyright: options.copyright,
    generator: options.generator === false ? undefined : (options.generator ?? 'storykit'),
    image,
    ttl,
    updated,
    author,
    baseUrl,
    options,
    include: {
      summary: options.include?.summary ?? true,
      content: options.include?.content ?? true,
      authors: options.include?.authors ?? true,
      categories: options.include?.categories ?? true,
      media: options.include?.media ?? true,
    },
    seen: options.uniqueIds === false ? undefined : new Set(),
  };
}
