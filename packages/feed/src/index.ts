/**
 * `@storykit/feed`: RSS 2.0, Atom 1.0 and JSON Feed 1.1 from storykit stories — one story, a
 * collection, or a stream of any length — valid under the W3C feed validator's rules.
 */
export {
  FeedDateError,
  FeedDuplicateIdError,
  FeedError,
  FeedOptionsError,
  FeedUrlError,
} from './lib/errors.js';
export {
  type Stories,
  type StorySource,
  streamAtom,
  streamJsonFeed,
  streamRss,
  toAtom,
  toJsonFeed,
  toReadableStream,
  toRss,
} from './lib/feed.js';
export { JSON_FEED_VERSION } from './lib/json-feed.js';
export {
  FEED_FILE_NAMES,
  type FeedFormat,
  type FeedImage,
  type FeedOptions,
  type FeedPerson,
  type ItemParts,
  type MediaInfo,
} from './lib/options.js';
