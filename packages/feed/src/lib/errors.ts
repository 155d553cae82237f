/**
 * Why a feed cannot be written. Every error names the story (or option) at fault and the option
 * that would fix it, in one sentence, so a command line can print `error.message` as it is.
 */
export class FeedError extends Error {
  override readonly name: string = 'FeedError';
}

/**
 * A date is missing where the format requires one, or a date is not an ISO 8601 date. Atom needs
 * an `updated` instant on the feed and on every entry (RFC 4287 §4.1.1, §4.1.2); when a story has
 * neither `modified` nor `published` to a day, `options.updated` must supply it. No date is ever
 * made up from the clock.
 */
export class FeedDateError extends FeedError {
  override readonly name = 'FeedDateError';
}

/**
 * A link cannot be made absolute, or is not a URL. Feeds carry absolute links only (relative ones
 * resolve differently in every reader); an item's link comes from `options.itemUrl`, the story's
 * `url`, or `options.baseUrl`.
 */
export class FeedUrlError extends FeedError {
  override readonly name = 'FeedUrlError';
}

/** An option is out of range or missing (a collection without a title, a negative `ttl`, …). */
export class FeedOptionsError extends FeedError {
  override readonly name = 'FeedOptionsError';
}

/** Two items of one feed would share an id (RSS `guid`, Atom `id`, JSON Feed `id`). */
export class FeedDuplicateIdError extends FeedError {
  override readonly name = 'FeedDuplicateIdError';
}
