import type { FeedItem } from './items.js';

/**
 * A feed document in three parts — what comes before the items, one item, what comes after — so
 * that the whole-feed functions and the streams write the same bytes, and a stream holds one item
 * at a time.
 */
export interface FeedWriter {
  /** The document up to the first item. */
  head(): string;
  /** One item. */
  item(item: FeedItem): string;
  /** The document after the last item. */
  tail(): string;
}
