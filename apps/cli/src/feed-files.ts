/** The feeds `storykit build` writes, by their `--only` names. */
export type FeedKind = 'rss' | 'atom' | 'jsonfeed';

/**
 * The file of each feed: `@storykit/feed`'s `FEED_FILE_NAMES` (a test holds them equal), written
 * out here so that naming the files loads no generator, and `--help` not even the model.
 */
export const FEED_FILES: Readonly<Record<FeedKind, string>> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  jsonfeed: 'feed.json',
};
