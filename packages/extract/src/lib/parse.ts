/**
 * From the three input formats to one shape: the headline and standfirst when the input marks
 * them, the media, the boilerplate dropped, and the body as plain-text blocks. Markdown goes
 * through remark-parse, HTML through Readability and then rehype-parse and hast-util-to-mdast
 * (`html/parse-page.ts`), plain text through blank-line paragraphs;
 * all three meet as mdast, whose paragraphs, headings and block quotations become blocks.
 *
 * The unified packages are ESM only; they are loaded with `import()` so that this package's
 * CommonJS build can use them on Node.js 20.
 */
import type { Media, Note } from '@storykit/core';
import type { Element, RootContent as HastContent, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import type { PageMetadata } from './html/metadata.js';
import { boundMarkdown } from './markdown-limits.js';
import { isChromeLine } from './plain/chrome.js';
import { isPageBoilerplate, mediaFromLines } from './plugins/boilerplate.js';
import type { DraftBlock } from './types.js';

/** What parsing gives the pipeline. */
export interface ParsedArticle {
  headline?: string;
  dek?: string;
  /** The byline: "By Corinne Ashby · Tidewater Wire · March 13, 2024". */
  byline?: Byline;
  readonly blocks: DraftBlock[];
  readonly media: Media[];
  /** What an HTML page's markup says (metadata) and what the draft should note about it. */
  page?: { readonly metadata: PageMetadata; readonly notes: readonly Note[] };
}

/** Runs of white space to one space, trimmed. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What a byline names: the authors, the organisation they write for, the date. */
export interface Byline {
  readonly authors: readonly string[];
  readonly organization?: string;
  /** ISO 8601, from a date the byline writes in full ("March 13, 2024"). */
  readonly date?: string;
}

const MONTH_NUMBER: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** An ISO date from "March 13, 2024", "13 March 2024" or "2024-03-13"; nothing from less. */
export function isoDate(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
  if (iso) return iso[0];
  const us = /\b([A-Z][a-z]+)\.?\s+(\d{1,2}),\s+(\d{4})\b/.exec(text);
  const uk = /\b(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\b/.exec(text);
  const [month, day, year] = us ? [us[1], us[2], us[3]] : uk ? [uk[2], uk[1], uk[3]] : [];
  const m = month ? MONTH_NUMBER[month.toLowerCase()] : undefined;
  if (!m || !day || !year) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Reads a byline: "By Ellen Marsh, Meridian Press", "By Jonah Whitlaw · April 17, 2024". */
export function parseByline(text: string): Byline | undefined {
  const match = /^By\s+(.+)$/.exec(text.trim());
  if (!match || text.split(/\s+/).length > 16) return undefined;
  const parts = (match[1] as string)
    .split(/\s*[·|•—–]\s*|,\s+(?![0-9])/)
    .map((p) => p.trim())
    .filter(Boolean);
  const authors: string[] = [];
  let organization: string | undefined;
  let date: string | undefined;
  for (const [i, part] of parts.entries()) {
    const asDate = isoDate(part);
    if (asDate) date = asDate;
    else if (i === 0) authors.push(...part.split(/\s+and\s+/));
    else if (!organization && /^[\p{Lu}]/u.test(part)) organization = part;
  }
  // Names: capitalised words, a few of them ("By the river, …" is a sentence, not a byline).
  const names = /^(?:\p{Lu}[\p{L}.’'-]*\s?){1,4}$/u;
  if (authors.length === 0 || !authors.every((a) => names.test(a))) return undefined;
  return { authors, ...(organization ? { organization } : {}), ...(date ? { date } : {}) };
}

/** The ESM-only unified modules, imported once (on first use) and shared by every parse. */
let modules:
  | Promise<{
      unified: typeof import('unified').unified;
      remarkParse: typeof import('remark-parse').default;
      rehypeParse: typeof import('rehype-parse').default;
      toMdast: typeof import('hast-util-to-mdast').toMdast;
      plainText: typeof import('mdast-util-to-string').toString;
    }>
  | undefined;
/** The unified modules (loaded once). */
export function unifiedModules() {
  modules ??= Promise.all([
    import('unified'),
    import('remark-parse'),
    import('rehype-parse'),
    import('hast-util-to-mdast'),
    import('mdast-util-to-string'),
  ]).then(([u, remark, rehype, hast, mdast]) => ({
    unified: u.unified,
    remarkParse: remark.default,
    rehypeParse: rehype.default,
    toMdast: hast.toMdast,
    plainText: mdast.toString,
  }));
  return modules;
}

/** Blocks from mdast: paragraphs, headings and block quotations, in order; boilerplate dropped. */
export async function blocksFrom(root: Root, parsed: ParsedArticle): Promise<void> {
  const { plainText } = await unifiedModules();
  const visit = async (nodes: readonly RootContent[]): Promise<void> => {
    for (const node of nodes) {
      if (node.type === 'list') {
        for (const item of node.children) await visit(item.children);
        continue;
      }
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'blockquote')
        continue;
      if (node.type === 'paragraph' && node.children.every((c) => c.type === 'image')) {
        for (const image of node.children) {
          if (image.type !== 'image') continue;
          parsed.media.push({
            id: `photo${parsed.media.length ? parsed.media.length + 1 : ''}`,
            kind: 'image',
            ...(/^https?:\/\//.test(image.url) ? { url: image.url } : {}),
            ...(image.alt ? { alt: image.alt } : {}),
            ...(image.title ? { caption: image.title } : {}),
          });
        }
        continue;
      }
      const text = squash(plainText(node));
      if (!text) continue;
      if (isPageBoilerplate(text)) continue;
      const byline =
        parsed.byline === undefined && node.type === 'paragraph' ? parseByline(text) : undefined;
      if (byline) {
        parsed.byline = byline;
        continue;
      }
      if (node.type === 'heading' && node.depth === 1 && parsed.headline === undefined) {
        parsed.headline = text;
        continue;
      }
      // A paragraph set wholly in emphasis right after the headline is the standfirst.
      if (
        node.type === 'paragraph' &&
        parsed.dek === undefined &&
        parsed.headline !== undefined &&
        parsed.blocks.length === 0 &&
        node.children.length === 1 &&
        (node.children[0]?.type === 'emphasis' || node.children[0]?.type === 'strong')
      ) {
        parsed.dek = text;
        continue;
      }
      parsed.blocks.push({
        id: `p${parsed.blocks.length + 1}`,
        kind:
          node.type === 'heading' ? 'heading' : node.type === 'blockquote' ? 'quote' : 'paragraph',
        text,
        ...(node.type === 'heading' ? { depth: node.depth } : {}),
      });
    }
  };
  await visit(root.children);
}

/** Parses Markdown (CommonMark, via remark-parse), within the limits of `boundMarkdown`. */
export async function parseMarkdown(markdown: string): Promise<ParsedArticle> {
  const { unified, remarkParse } = await unifiedModules();
  const root = unified().use(remarkParse).parse(boundMarkdown(markdown)) as Root;
  const parsed: ParsedArticle = { blocks: [], media: [] };
  await blocksFrom(root, parsed);
  return parsed;
}

/**
 * Parses plain text: paragraphs are separated by blank lines, lines inside one are joined. A
 * short first line is the headline, a short single sentence after it the standfirst; a paragraph
 * opening or closing with a credit line ("Name/AP") is a photo caption.
 */
export async function parseText(text: string): Promise<ParsedArticle> {
  const parsed: ParsedArticle = { blocks: [], media: [] };
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
  paragraphs.forEach((lines, index) => {
    // A block of short lines mixing article and offer ("Subscribe … / Unlimited access"): drop
    // the offer lines one by one.
    // Menus, breadcrumbs and share rows ("Facebook | X | LinkedIn | Email") go the same way.
    const kept = lines.filter((line) => !isPageBoilerplate(line) && !isChromeLine(line));
    if (kept.length === 0) return;
    const media = mediaFromLines(kept);
    if (media) {
      parsed.media.push({
        ...media,
        id: parsed.media.length ? `photo${parsed.media.length + 1}` : 'photo',
      });
      return;
    }
    const paragraph = squash(kept.join(' '));
    const byline = parsed.byline === undefined ? parseByline(paragraph) : undefined;
    if (byline) {
      parsed.byline = byline;
      return;
    }
    // The headline is the first line that is left once the site's chrome is set aside.
    if (
      parsed.headline === undefined &&
      parsed.blocks.length === 0 &&
      kept.length === 1 &&
      isHeadline(paragraph) &&
      index < paragraphs.length - 1
    ) {
      parsed.headline = paragraph;
      return;
    }
    if (
      parsed.headline !== undefined &&
      parsed.dek === undefined &&
      parsed.blocks.length === 0 &&
      kept.length === 1 &&
      isStandfirst(paragraph) &&
      index < paragraphs.length - 2
    ) {
      parsed.dek = paragraph;
      return;
    }
    parsed.blocks.push({ id: `p${parsed.blocks.length + 1}`, kind: 'paragraph', text: paragraph });
  });
  return parsed;
}

function isHeadline(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= 20 && !/[.:;,]$/.test(text);
}

function isStandfirst(text: string): boolean {
  const words = text.split(/\s+/).length;
  const sentences = text.split(/[.?!](?:\s|$)/).filter((s) => s.trim()).length;
  return words <= 35 && sentences === 1 && !/[“"”]/.test(text);
}

/** Elements whose content is never article text. */
export const DROP = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'script',
  'style',
  'noscript',
  'form',
  'template',
  'iframe',
  'svg',
  'button',
]);

/** The text of a hast node. */
export function textOf(node: HastContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as HastContent)).join('');
  return '';
}

/** The class names of a hast element. */
export function classes(node: Element): string[] {
  const value: unknown = node.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The first element under `node` that passes `test`, depth first. */
export function find(node: HastRoot | Element, test: (e: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inner = find(child, test);
    if (inner) return inner;
  }
  return undefined;
}

/** Every element under `node` that passes `test` (not looking inside those). */
export function findAll(
  node: HastRoot | Element,
  test: (e: Element) => boolean,
  out: Element[] = [],
): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    else findAll(child, test, out);
  }
  return out;
}

/** A copy of the tree without the elements `drop` picks. */
export function without(node: Element, drop: (e: Element) => boolean): Element {
  return {
    ...node,
    children: node.children
      .filter((c) => c.type !== 'element' || !drop(c))
      .map((c) => (c.type === 'element' ? without(c, drop) : c)),
  };
}
