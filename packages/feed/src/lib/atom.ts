/**
 * Atom 1.0 (RFC 4287), with Media RSS for pictures as in the RSS feed.
 */
import { type FeedDate, latest } from './dates.js';
import { FeedDateError, FeedOptionsError } from './errors.js';
import type { FeedItem } from './items.js';
import type { FeedContext, Person } from './options.js';
import { mediaContent } from './rss.js';
import { cdata, xmlAttr, xmlText } from './text.js';
import type { FeedWriter } from './writer.js';

function personXml(tag: 'author', p: Person, indent: string): string {
  let xml = `${indent}<${tag}>\n${indent}  <name>${xmlText(p.name)}</name>\n`;
  if (p.url) xml += `${indent}  <uri>${xmlText(p.url)}</uri>\n`;
  if (p.email) xml += `${indent}  <email>${xmlText(p.email)}</email>\n`;
  return `${xml}${indent}</${tag}>\n`;
}

/**
 * Writes an Atom feed. The feed's `<updated>` is `options.updated`, else `updated` (the latest
 * entry's, when the caller knows all entries up front); when neither is known before the entries
 * — a stream — it is written after them, which RFC 4287 allows: the children of `atom:feed` may
 * come in any order (its RELAX NG grammar, §4.1.1, interleaves them).
 */
export function atomWriter(ctx: FeedContext, updated?: FeedDate): FeedWriter {
  const upFront = ctx.updated ?? updated;
  let newest: FeedDate | undefined;
  return {
    head() {
      let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"${
        ctx.language ? ` xml:lang="${xmlAttr(ctx.language)}"` : ''
      }>\n`;
      xml += `  <id>${xmlText(ctx.id as string)}</id>\n`;
      xml += `  <title type="text">${xmlText(ctx.title)}</title>\n`;
      xml += `  <subtitle type="text">${xmlText(ctx.description)}</subtitle>\n`;
      if (ctx.link)
        xml += `  <link rel="alternate" type="text/html" href="${xmlAttr(ctx.link)}"/>\n`;
      if (ctx.feedUrl) {
        xml += `  <link rel="self" type="application/atom+xml" href="${xmlAttr(ctx.feedUrl)}"/>\n`;
      }
      if (upFront) xml += `  <updated>${upFront.rfc3339}</updated>\n`;
      if (ctx.author) xml += personXml('author', ctx.author, '  ');
      if (ctx.copyright) xml += `  <rights type="text">${xmlText(ctx.copyright)}</rights>\n`;
      if (ctx.generator) xml += `  <generator>${xmlText(ctx.generator)}</generator>\n`;
      if (ctx.image) xml += `  <logo>${xmlText(ctx.image.url)}</logo>\n`;
      return xml;
    },

    item(item: FeedItem) {
      // RFC 4287 §4.1.2: an entry MUST have exactly one atom:updated.
      const updated = item.updated ?? ctx.updated;
      if (!updated) {
        throw new FeedDateError(
          `${item.what} has no date to a day (published or modified), and Atom requires one for every entry (RFC 4287 §4.1.2): set options.updated`,
        );
      }
      // RFC 4287 §4.1.2: an entry MUST have an author unless the feed has one.
      if (item.authors.length === 0 && !ctx.author) {
        throw new FeedOptionsError(
          `${item.what} has no author and no publisher, and Atom requires one for every entry (RFC 4287 §4.1.2): set options.author`,
        );
      }
      newest = latest([updated], newest);
      let xml = `  <entry${item.language !== ctx.language ? ` xml:lang="${xmlAttr(item.language)}"` : ''}>\n`;
      xml += `    <id>${xmlText(item.id)}</id>\n`;
      xml += `    <title type="text">${xmlText(item.title)}</title>\n`;
      xml += `    <link rel="alternate" type="text/html" href="${xmlAttr(item.link)}"/>\n`;
      if (item.published) xml += `    <published>${item.published.rfc3339}</published>\n`;
      xml += `    <updated>${updated.rfc3339}</updated>\n`;
      for (const author of item.authors) xml += personXml('author', author, '    ');
      for (const term of item.categories) xml += `    <category term="${xmlAttr(term)}"/>\n`;
      if (item.summary) xml += `    <summary type="text">${xmlText(item.summary)}</summary>\n`;
      if (item.contentHtml)
        xml += `    <content type="html">${cdata(item.contentHtml)}</content>\n`;
      for (const m of item.media) {
        // RFC 4287 §4.2.7.2: rel="enclosure" names a possibly large related resource; type and
        // length are optional there, so each is written only when known.
        xml += `    <link rel="enclosure" href="${xmlAttr(m.url)}"${m.type ? ` type="${xmlAttr(m.type)}"` : ''}${
          m.size !== undefined ? ` length="${m.size}"` : ''
        }/>\n`;
      }
      for (const m of item.media) xml += mediaContent(m, '    ');
      return `${xml}${item.media.length ? '\n' : ''}  </entry>\n`;
    },

    tail() {
      if (upFront) return '</feed>\n';
      if (!newest) {
        throw new FeedDateError(
          'an Atom feed needs an updated date (RFC 4287 §4.1.1) and this one has no entry to take it from: set options.updated',
        );
      }
      return `  <updated>${newest.rfc3339}</updated>\n</feed>\n`;
    },
  };
}
