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

// biome-ignore lint/suspicious/noControlCharactersInRegex: what JSON escapes (C0 controls, " and \) and what cleaning removes (surrogates, U+FFFE, U+FFFF).
const JSON_WORK = /[\u0000-\u001F"\\\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * A string as JSON. Most strings (URLs, names, tags) hold nothing JSON escapes: one test, then
 * the quotes around them, which is what `JSON.stringify` gives and about half its cost.
 */
const jsonString = (value: string) =>
  JSON_WORK.test(value) ? JSON.stringify(value) : `"${value}"`;

/** A text, cleaned as the XML feeds clean it ({@link cleanText}), as JSON. */
const str = (value: string) =>
  JSON_WORK.test(value) ? JSON.stringify(cleanText(value)) : `"${value}"`;

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
      let json = `{\n  "version": ${jsonString(JSON_FEED_VERSION)},\n  "title": ${str(ctx.title)}`;
      if (ctx.link) json += `,\n  "home_page_url": ${jsonString(ctx.link)}`;
      if (ctx.feedUrl) json += `,\n  "feed_url": ${jsonString(ctx.feedUrl)}`;
      json += `,\n  "description": ${str(ctx.description)}`;
      if (ctx.image) json += `,\n  "icon": ${jsonString(ctx.image.url)}`;
      if (ctx.author) json += `,\n  "authors": ${JSON.stringify(people([ctx.author]))}`;
      if (ctx.language) json += `,\n  "language": ${str(ctx.language)}`;
      return `${json},\n  "items": [`;
    },

    item(item: FeedItem) {
      // Written out as `JSON.stringify(item, null, 2)` would, indented four more spaces: the same
      // bytes without building an object to serialise and re-indenting its text.
      let json = `${count++ === 0 ? '\n' : ',\n'}    {\n      "id": ${str(item.id)},\n      "url": ${jsonString(item.link)},\n      "title": ${str(item.title)}`;
      // An item must have content_html or content_text; without the body, the summary (or the
      // title) stands in as text.
      // Built from cleaned, escaped pieces already (see cdata in text.ts).
      if (item.contentHtml) json += `,\n      "content_html": ${JSON.stringify(item.contentHtml)}`;
      else json += `,\n      "content_text": ${str(item.summary ?? item.title)}`;
      if (item.summary) json += `,\n      "summary": ${str(item.summary)}`;
      for (const m of item.media) {
        if (m.kind !== 'image') continue;
        json += `,\n      "image": ${jsonString(m.url)}`;
        break;
      }
      if (item.published)
        json += `,\n      "date_published": ${jsonString(item.published.rfc3339)}`;
      if (item.modified) json += `,\n      "date_modified": ${jsonString(item.modified.rfc3339)}`;
      if (item.authors.length) {
        json += ',\n      "authors": [';
        let sep = '\n';
        for (const p of item.authors) {
          json += `${sep}        {\n          "name": ${str(p.name)}`;
          if (p.url) json += `,\n          "url": ${jsonString(p.url)}`;
          json += '\n        }';
          sep = ',\n';
        }
        json += '\n      ]';
      }
      if (item.categories.length) {
        json += ',\n      "tags": [';
        let sep = '\n        ';
        for (const tag of item.categories) {
          json += sep + str(tag);
          sep = ',\n        ';
        }
        json += '\n      ]';
      }
      if (item.language !== ctx.language)
        json += `,\n      "language": ${jsonString(item.language)}`;
      // Attachments need a MIME type (JSON Feed 1.1 "mime_type (required)"); files of unknown type
      // are left out rather than guessed.
      let attachments = '';
      for (const m of item.media) {
        if (m.type === undefined) continue;
        attachments += `${attachments ? ',' : ''}\n        {\n          "url": ${jsonString(m.url)},\n          "mime_type": ${jsonString(m.type)}`;
        if (m.size !== undefined)
          attachments += `,\n          "size_in_bytes": ${JSON.stringify(m.size)}`;
        attachments += '\n        }';
      }
      if (attachments) json += `,\n      "attachments": [${attachments}\n      ]`;
      return `${json}\n    }`;
    },

    tail() {
      return count === 0 ? ']\n}\n' : '\n  ]\n}\n';
    },
  };
}
