/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `version`, `title` and `items` are
 * required; every item needs an `id` and `content_html` or `content_text`; authors are an
 * `authors` array (1.1 replaced the single `author`).
 */
import type { FeedItem } from './items.js';
import type { FeedContext, Person } from './options.js';
import { cleanText } from './text.js';
import type { FeedWriter } from './writer.js';

/** The value of JSON Feed's required `version` field. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

const str = (value: string) => JSON.stringify(cleanText(value));

function people(list: readonly Person[]): { name: string; url?: string }[] {
  return list.map((p) =>
    p.url ? { name: cleanText(p.name), url: p.url } : { name: cleanText(p.name) },
  );
}

/** Writes a JSON Feed, pretty-printed with two spaces, one item at a time. */
export function jsonFeedWriter(ctx: FeedContext): FeedWriter {
  let count = 0;
  return {
    head() {
      let json = `{\n  "version": ${JSON.stringify(JSON_FEED_VERSION)},\n  "title": ${str(ctx.title)}`;
      if (ctx.link) json += `,\n  "home_page_url": ${JSON.stringify(ctx.link)}`;
      if (ctx.feedUrl) json += `,\n  "feed_url": ${JSON.stringify(ctx.feedUrl)}`;
      json += `,\n  "description": ${str(ctx.description)}`;
      if (ctx.image) json += `,\n  "icon": ${JSON.stringify(ctx.image.url)}`;
      if (ctx.author) json += `,\n  "authors": ${JSON.stringify(people([ctx.author]))}`;
      if (ctx.language) json += `,\n  "language": ${str(ctx.language)}`;
      return `${json},\n  "items": [`;
    },

    item(item: FeedItem) {
      const out: Record<string, unknown> = { id: cleanText(item.id), url: item.link };
      out.title = cleanText(item.title);
      // An item must have content_html or content_text; without the body, the summary (or the
      // title) stands in as text.
      // Built from cleaned, escaped pieces already (see cdata in text.ts).
      if (item.contentHtml) out.content_html = item.contentHtml;
      else out.content_text = cleanText(item.summary ?? item.title);
      if (item.summary) out.summary = cleanText(item.summary);
      const image = item.media.find((m) => m.kind === 'image');
      if (image) out.image = image.url;
      if (item.published) out.date_published = item.published.rfc3339;
      if (item.updated && item.updated !== item.published) out.date_modified = item.updated.rfc3339;
      if (item.authors.length) out.authors = people(item.authors);
      if (item.categories.length) out.tags = item.categories.map(cleanText);
      if (item.language !== ctx.language) out.language = item.language;
      // Attachments need a MIME type (JSON Feed 1.1 "mime_type (required)"); files of unknown type
      // are left out rather than guessed.
      const attachments = item.media
        .filter((m) => m.type !== undefined)
        .map((m) =>
          m.size === undefined
            ? { url: m.url, mime_type: m.type }
            : { url: m.url, mime_type: m.type, size_in_bytes: m.size },
        );
      if (attachments.length) out.attachments = attachments;
      const body = JSON.stringify(out, null, 2).replaceAll('\n', '\n    ');
      return `${count++ === 0 ? '\n' : ',\n'}    ${body}`;
    },

    tail() {
      return count === 0 ? ']\n}\n' : '\n  ]\n}\n';
    },
  };
}
