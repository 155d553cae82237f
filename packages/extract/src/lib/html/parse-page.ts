/**
 * An HTML page to the parsed article: Readability's content (see `readability.ts`) goes through
 * rehype-parse and hast-util-to-mdast into blocks, as Markdown does; its `<figure>`s become
 * media with caption and credit, the lead image of the metadata joins them; the headline,
 * standfirst and byline come from the page's metadata first (see `metadata.ts`).
 */
import { type Media, StoryValidationError } from '@storykit/core';
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import {
  blocksFrom,
  classes,
  DROP,
  find,
  findAll,
  type ParsedArticle,
  parseByline,
  squash,
  textOf,
  unifiedModules,
  without,
} from '../parse.js';
import { isChromeLine } from '../plain/chrome.js';
import { mediaFromLines } from '../plugins/boilerplate.js';
import type { DocumentParser } from './document.js';
import { readPage } from './readability.js';

/**
 * The file name of an image URL without a size suffix ("photo-640x480.jpg" is "photo.jpg"), to
 * tell the same picture in two sizes or two paths.
 */
const fileOf = (url: string) =>
  url
    .replace(/[?#].*$/, '')
    .replace(/^.*\//, '')
    .replace(/[-_]\d{2,4}x\d{2,4}(?=\.\w+$)/, '')
    .toLowerCase();

/** A media item from a `<figure>`: its image, its caption, and a credit split off the caption. */
function figureMedia(figure: Element, index: number): Media {
  const img = find(figure, (e) => e.tagName === 'img');
  const caption = find(figure, (e) => e.tagName === 'figcaption');
  const creditElement = caption
    ? find(caption, (e) => classes(e).some((c) => /credit|byline|source|copyright/i.test(c)))
    : undefined;
  const creditText = creditElement
    ? squash(textOf(creditElement)).replace(/^(?:photo|credit|image)s?\s*(?:by|:)\s*/i, '')
    : undefined;
  const captionText = caption
    ? squash(textOf(creditElement ? without(caption, (e) => e === creditElement) : caption))
    : undefined;
  const fromLines =
    !creditText && captionText
      ? mediaFromLines(captionText.split(/(?<=[.!?])\s+(?=(?:Photo|Credit|Image)\b)/i))
      : undefined;
  const src = typeof img?.properties?.src === 'string' ? img.properties.src : undefined;
  const alt = typeof img?.properties?.alt === 'string' ? img.properties.alt : undefined;
  const described = fromLines
    ? { caption: fromLines.caption, credit: fromLines.credit }
    : { caption: captionText, credit: creditText };
  return {
    id: index ? `photo${index + 1}` : 'photo',
    kind: 'image',
    ...(src && /^https?:\/\//.test(src) ? { url: src } : {}),
    ...(described.caption ? { caption: described.caption } : {}),
    ...(described.credit ? { credit: described.credit } : {}),
    ...(alt ? { alt } : {}),
  };
}

/** The text of an element when it is short (a row of links), else '' — without reading it all. */
function shortText(element: Element, limit = 300): string {
  const parts: string[] = [];
  let length = 0;
  const stack: Element['children'] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as Element['children'][number];
    if (node.type === 'text') {
      parts.push(node.value);
      length += node.value.length;
      if (length > limit) return '';
    } else if (node.type === 'element')
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as never);
  }
  return squash(parts.join(''));
}

/** How much article text the draft reads, in characters (UTF-16 units). */
export const MAX_ARTICLE_CHARS = 1_000_000;

const CHROME_CLASS =
  /^(share|sharing|social|share-tools|social-share|related|read-more|readmore|more-stories|newsletter|ad|ads|advert|advertisement|promo|byline|credit)$/i;

/**
 * Parses an HTML page, given as text or as its bytes (decoded by its `<meta charset>`), with
 * the DOM `parseDocument` makes (by default `DOMParser` where the runtime has one, else linkedom).
 */
export async function parseHtml(
  input: string | Uint8Array,
  parseDocument?: DocumentParser,
  file?: string,
): Promise<ParsedArticle> {
  const page = await readPage(input, parseDocument);
  const { metadata } = page;
  const parsed: ParsedArticle = { blocks: [], media: [], page };
  if (metadata.headline) parsed.headline = metadata.headline;
  if (!page.content) return parsed;

  const { toMdast } = await unifiedModules();
  const tree: HastRoot = { type: 'root', children: [page.content] };
  for (const figure of findAll(tree, (e) => e.tagName === 'figure'))
    parsed.media.push(figureMedia(figure, parsed.media.length));

  // The lead image of the metadata: the same picture as a figure lends it what it lacks, else
  // it comes first.
  const lead = metadata.image;
  if (lead?.url && /^https?:\/\//.test(lead.url)) {
    const same = parsed.media.findIndex(
      (m) => m.url && fileOf(m.url) === fileOf(lead.url as string),
    );
    if (same >= 0) {
      const m = parsed.media[same] as Media;
      parsed.media[same] = {
        ...m,
        ...(!m.caption && lead.caption ? { caption: lead.caption } : {}),
        ...(!m.credit && lead.credit ? { credit: lead.credit } : {}),
        ...(!m.alt && lead.alt ? { alt: lead.alt } : {}),
      };
    } else {
      parsed.media.unshift({
        id: 'photo',
        kind: 'image',
        url: lead.url,
        ...(lead.caption ? { caption: lead.caption } : {}),
        ...(lead.credit ? { credit: lead.credit } : {}),
        ...(lead.alt ? { alt: lead.alt } : {}),
      });
      parsed.media.forEach((m, i) => {
        parsed.media[i] = { ...m, id: i ? `photo${i + 1}` : 'photo' };
      });
    }
  }

  // What Readability keeps of the page's chrome: share rows and "read more" boxes by their
  // class, a row of links that reads as a menu by its text.
  const drop = (e: Element) =>
    DROP.has(e.tagName) ||
    e.tagName === 'figure' ||
    // The title again, unless an unclosed <h1> swallowed the article (broken markup).
    (e.tagName === 'h1' && shortText(e, 400) !== '') ||
    classes(e).some((c) => CHROME_CLASS.test(c)) ||
    ((e.tagName === 'ul' || e.tagName === 'div' || e.tagName === 'p') &&
      isChromeLine(shortText(e)));
  const body = without(
    {
      type: 'element',
      tagName: 'div',
      properties: {},
      children: tree.children as Element['children'],
    },
    drop,
  );
  const root = toMdast({ type: 'root', children: [body] }) as Root;
  const headline = parsed.headline;
  await blocksFrom(root, parsed);
  if (headline) parsed.headline = headline;
  // A heading that repeats the headline is the page's title again, not a body block.
  const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const first = parsed.blocks[0];
  if (
    first &&
    parsed.headline &&
    first.kind === 'heading' &&
    key(first.text) === key(parsed.headline)
  )
    parsed.blocks.splice(0, 1);

  // The standfirst: the page's, taken out of the body when Readability kept it there, unless it
  // only opens the body's first paragraph (a description written from the lede).
  const dek = metadata.dek;
  if (parsed.dek === undefined && dek) {
    const at = parsed.blocks.findIndex((b) => key(b.text) === key(dek));
    if (at >= 0) parsed.blocks.splice(at, 1);
    const lede = parsed.blocks[0]?.text;
    if (at >= 0 || !(lede && key(lede).startsWith(key(dek).slice(0, 80)))) parsed.dek = dek;
  }

  if (parsed.byline === undefined && metadata.authors.length === 0 && page.byline) {
    const byline = parseByline(/^by\s/i.test(page.byline) ? page.byline : `By ${page.byline}`);
    if (byline) parsed.byline = byline;
  }
  // A byline line without "By" ("Priya Okafor, Local Democracy Reporter") near the top names an
  // author the metadata gives: it is the byline, not article text.
  const names = metadata.authors.map((a) => key(a.name)).filter(Boolean);
  for (let i = Math.min(parsed.blocks.length, 3) - 1; i >= 0; i--) {
    const block = parsed.blocks[i] as (typeof parsed.blocks)[number];
    const short = block.text.split(/\s+/).length <= 12 && !/[“”"]/.test(block.text);
    if (short && names.some((n) => key(block.text).startsWith(n))) parsed.blocks.splice(i, 1);
  }
  parsed.blocks.forEach((b, i) => {
    parsed.blocks[i] = { ...b, id: `p${i + 1}` };
  });

  const words = parsed.blocks.reduce((n, b) => n + b.text.split(/\s+/).length, 0);
  if (page.kind && words < 150)
    throw new StoryValidationError([
      {
        ...(file ? { file } : {}),
        path: 'body',
        message:
          page.kind === 'sign-in'
            ? `the page is a sign-in form (a password field and ${words} words of text), not an article; expected an article page`
            : `the page is an error page ("not found" in its title or heading), not an article; expected an article page`,
      },
    ]);
  // The rules read the text a few times over: past a megabyte of article the draft would take
  // minutes, so it keeps the first megabyte and says so.
  const ends: number[] = [];
  for (const b of parsed.blocks) ends.push((ends.at(-1) ?? 0) + b.text.length);
  const keep = ends.findIndex((end) => end > MAX_ARTICLE_CHARS);
  if (keep >= 0) {
    const total = parsed.blocks.reduce((n, b) => n + b.text.length, 0);
    parsed.blocks.splice(keep);
    parsed.page = {
      ...page,
      notes: [
        ...page.notes,
        {
          id: 'page-too-long',
          about: 'body',
          text: `The article's text runs to ${total.toLocaleString('en-US')} characters; the draft keeps the first ${keep} blocks (up to ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters).`,
        },
      ],
    };
  }
  return parsed;
}
