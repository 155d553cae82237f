/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with the modules readers expect:
 * `atom:link rel="self"` (RSS Advisory Board best practices), `content:encoded` (RSS 1.0 Content
 * module), `dc:creator` (Dublin Core; RSS `<author>` must be an e-mail address, which the model
 * has not) and Media RSS 1.5.1 for pictures and their credits.
 */
import type { FeedItem, ItemMedia } from './items.js';
import type { FeedContext } from './options.js';
import { cdata, htmlText, xmlAttr, xmlText } from './text.js';
import type { FeedWriter } from './writer.js';

const NAMESPACES =
  'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"';

/** `<media:content>` with what is known of the file; the same element serves Atom. */
export function mediaContent(m: ItemMedia, indent: string): string {
  let attrs = `url="${xmlAttr(m.url)}" medium="${xmlAttr(m.kind)}"`;
  if (m.type !== undefined) attrs += ` type="${xmlAttr(m.type)}"`;
  if (m.size !== undefined) attrs += ` fileSize="${m.size}"`;
  if (m.width !== undefined) attrs += ` width="${m.width}"`;
  if (m.height !== undefined) attrs += ` height="${m.height}"`;
  let inner = '';
  const child = `\n${indent}  `;
  if (m.caption)
    inner += `${child}<media:description type="plain">${xmlText(m.caption)}</media:description>`;
  if (m.credit) {
    inner += `${child}<media:credit${m.creditRole ? ` role="${m.creditRole}" scheme="urn:ebu"` : ''}>${xmlText(m.credit)}</media:credit>`;
  }
  if (m.copyright) inner += `${child}<media:copyright>${xmlText(m.copyright)}</media:copyright>`;
  return inner
    ? `\n${indent}<media:content ${attrs}>${inner}\n${indent}</media:content>`
    : `\n${indent}<media:content ${attrs}/>`;
}

/** Writes an RSS 2.0 document in three parts, so that a stream never holds more than one item. */
export function rssWriter(ctx: FeedContext): FeedWriter {
  return {
    head() {
      let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${NAMESPACES}>\n  <channel>\n`;
      xml += `    <title>${xmlText(ctx.title)}</title>\n`;
      xml += `    <link>${xmlText(ctx.link as string)}</link>\n`;
      if (ctx.feedUrl) {
        xml += `    <atom:link href="${xmlAttr(ctx.feedUrl)}" rel="self" type="application/rss+xml"/>\n`;
      }
      // RSS 2.0: the channel description is "phrase or sentence"; like an item's it may hold HTML.
      xml += `    <description>${xmlText(htmlText(ctx.description))}</description>\n`;
      if (ctx.language) xml += `    <language>${xmlText(ctx.language)}</language>\n`;
      if (ctx.copyright) xml += `    <copyright>${xmlText(ctx.copyright)}</copyright>\n`;
      if (ctx.updated) xml += `    <lastBuildDate>${ctx.updated.rfc822}</lastBuildDate>\n`;
      if (ctx.generator) xml += `    <generator>${xmlText(ctx.generator)}</generator>\n`;
      xml += '    <docs>https://www.rssboard.org/rss-specification</docs>\n';
      if (ctx.ttl !== undefined) xml += `    <ttl>${ctx.ttl}</ttl>\n`;
      if (ctx.image) {
        // RSS 2.0 <image>: url, title and link are required; title and link should be the channel's.
        xml += `    <image>\n      <url>${xmlText(ctx.image.url)}</url>\n      <title>${xmlText(ctx.image.title)}</title>\n      <link>${xmlText(ctx.link as string)}</link>\n`;
        if (ctx.image.width) xml += `      <width>${ctx.image.width}</width>\n`;
        if (ctx.image.height) xml += `      <height>${ctx.image.height}</height>\n`;
        xml += '    </image>\n';
      }
      if (ctx.author) xml += `    <dc:creator>${xmlText(ctx.author.name)}</dc:creator>\n`;
      return xml;
    },

    item(item: FeedItem) {
      let xml = `    <item>\n      <title>${xmlText(item.title)}</title>\n      <link>${xmlText(item.link)}</link>\n`;
      xml += `      <guid isPermaLink="${item.isPermaLink}">${xmlText(item.id)}</guid>\n`;
      // RSS 2.0 pubDate: "the item was published"; a story with no date has none (never invented).
      if (item.published) xml += `      <pubDate>${item.published.rfc822}</pubDate>\n`;
      for (const author of item.authors)
        xml += `      <dc:creator>${xmlText(author.name)}</dc:creator>\n`;
      for (const term of item.categories) xml += `      <category>${xmlText(term)}</category>\n`;
      // The description is HTML in RSS 2.0 ("entity-encoded HTML is allowed"), so plain text is
      // escaped as HTML first: a dek of "a <b>" shows as written instead of turning bold.
      if (item.summary)
        xml += `      <description>${xmlText(htmlText(item.summary))}</description>\n`;
      if (item.contentHtml)
        xml += `      <content:encoded>${cdata(item.contentHtml)}</content:encoded>\n`;
      // RSS 2.0 <enclosure> requires url, length and type; only a file whose size and type are
      // known gets one, and only the first (several enclosures are not portable across readers).
      const enclosure = item.media.find((m) => m.size !== undefined && m.type !== undefined);
      if (enclosure) {
        xml += `      <enclosure url="${xmlAttr(enclosure.url)}" length="${enclosure.size}" type="${xmlAttr(enclosure.type as string)}"/>\n`;
      }
      // Media elements come last: feedparser files a media:description that precedes the item's
      // own description as the item's summary.
      for (const m of item.media) xml += mediaContent(m, '      ');
      return `${xml}${item.media.length ? '\n' : ''}    </item>\n`;
    },

    tail() {
      return '  </channel>\n</rss>\n';
    },
  };
}
