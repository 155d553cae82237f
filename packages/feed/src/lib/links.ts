import type { Story } from '@storykit/core';
import { FeedUrlError } from './errors.js';
import type { FeedOptions } from './options.js';

/** The schemes a link may have: a `javascript:` or `data:` link in a feed is a way to attack readers. */
const WEB = new Set(['http:', 'https:']);

/**
 * An absolute http(s) URL that the WHATWG URL parser gives back unchanged as its `href`, so that
 * parsing it can be skipped (most links are such; the parser takes a microsecond a link). Only a
 * plain form is recognised, everything else goes to the parser: a lowercase scheme and host whose
 * last label starts with a letter (a numeric one would be read as an IPv4 address), no `xn--`
 * label (checked as Punycode), no port, no userinfo, a path that starts with `/` and has no `.`
 * segment (`/./`, `/../`, `%2e`), and no character the parser percent-encodes or drops (space,
 * `"`, `<`, `>`, `\`, `^`, backtick, `{`, `|`, `}`, controls, non-ASCII; `'` in the query).
 */
const CANONICAL =
  /^https?:\/\/(?!(?:[^/]*\.)?xn--)(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?![^?#]*\/(?:\.|%2[eE]))(?![^?#]*%2[eE])\/[-\w.~!$&'()*+,;=:@/%]*(?:\?[-\w.~!$&()*+,;=:@/%?]*)?(?:#[-\w.~!$&'()*+,;=:@/%?#]*)?$/;

/**
 * An absolute `http:` or `https:` URL from `value`, resolved against `base` when relative; `what`
 * names it in errors. With `anyScheme`, other schemes pass too (ids: `tag:`, `urn:`).
 */
export function absoluteUrl(
  value: string,
  base: string | undefined,
  what: string,
  anyScheme = false,
): string {
  if (CANONICAL.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new FeedUrlError(
      base === undefined
        ? `${what} "${value}" is not an absolute URL; give an absolute one or set options.baseUrl`
        : `${what} "${value}" is not a URL, even relative to options.baseUrl "${base}"`,
    );
  }
  if (!anyScheme && !WEB.has(url.protocol)) {
    throw new FeedUrlError(`${what} "${value}" is not an http: or https: URL`);
  }
  return url.href;
}

/**
 * The link of a story's item: `options.itemUrl(story)`, else the story's `url`, else
 * `baseUrl` + `<story id>/`. Throws {@link FeedUrlError} when none gives an absolute URL, since a
 * feed with relative links resolves them differently in every reader.
 */
export function storyLink(story: Story, options: FeedOptions, baseUrl: string | undefined): string {
  const given = options.itemUrl?.(story) ?? story.url;
  if (given !== undefined) return absoluteUrl(given, baseUrl, `the link of story "${story.id}"`);
  if (baseUrl !== undefined) return new URL(`${encodeURIComponent(story.id)}/`, baseUrl).href;
  throw new FeedUrlError(
    `story "${story.id}" has no url, so its item has no link: set options.baseUrl or options.itemUrl`,
  );
}

/** `link` with its fragment set to `fragment` (RFC 3986 §3.5), replacing any fragment it had. */
export function withFragment(link: string, fragment: string): string {
  const hash = link.indexOf('#');
  return `${hash < 0 ? link : link.slice(0, hash)}#${fragment}`;
}
