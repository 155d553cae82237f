/**
 * The article out of a page, by Mozilla Readability (the engine of Firefox Reader View) over a
 * DOM (see `document.ts`): the page is decoded (bytes) and parsed, what must never be read is
 * taken out, the metadata is read from the whole page, then Readability keeps the article's
 * content — teaser cards, menus, related links and comments left behind.
 */
import type { Note } from '@storykit/core';
import type { Element as HastElement, Properties } from 'hast';
import { decodePage } from './decode.js';
import {
  type DocumentParser,
  defaultDocumentParser,
  MAX_DEPTH,
  prepareDocument,
} from './document.js';
import { bylineNames, chooseAuthors, type PageMetadata, pageMetadata } from './metadata.js';

/** What the page gives the HTML path. */
export interface PageArticle {
  /** The article's content (Readability's output) as hast, or undefined when it found none. */
  readonly content?: HastElement;
  /** `sign-in` for a page with a password field, `error` for a "not found" page; else undefined. */
  readonly kind?: 'sign-in' | 'error';
  /** Readability's byline, when it found one in the text ("By Ann Lee"). */
  readonly byline?: string;
  readonly metadata: PageMetadata;
  /** What the draft should tell its editor about the page. */
  readonly notes: readonly Note[];
}

type ReadabilityModule = typeof import('@mozilla/readability');
let readability: Promise<ReadabilityModule> | undefined;
function readabilityModule(): Promise<ReadabilityModule> {
  // A CommonJS module: its named exports sit on `default` when imported from ESM in some loaders.
  readability ??= import('@mozilla/readability').then(
    (m) => ((m as { default?: ReadabilityModule }).default ?? m) as ReadabilityModule,
  );
  return readability;
}

/** The page's text, from a string or from its bytes (decoded by the page's own charset). */
export function pageText(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : decodePage(input).text;
}

/** Reads a page: its metadata and its article (see the module comment). */
export async function readPage(
  input: string | Uint8Array,
  parseDocument: DocumentParser = defaultDocumentParser(),
): Promise<PageArticle> {
  const html = pageText(input);
  const document = await parseDocument(html);
  const prepared = prepareDocument(document);
  const metadata = pageMetadata(document, prepared.jsonLd);
  const notes: Note[] = [];
  if (prepared.flattened)
    notes.push({
      id: 'page-depth',
      about: 'body',
      text: `The page nests elements more than ${MAX_DEPTH} levels deep; below that depth each element's text was kept as one run.`,
    });
  const { Readability, isProbablyReaderable } = await readabilityModule();
  if (!isProbablyReaderable(document))
    notes.push({
      id: 'page-not-an-article',
      about: 'body',
      text: 'The page does not look like an article (little running text in paragraphs); check the body against the page.',
    });
  // Readability reads the JSON-LD itself, but the scripts are gone by now: the metadata above
  // is ours. `keepClasses` lets the figures keep their caption and credit classes.
  // The content comes back as the DOM element itself (`serializer`), turned into hast directly:
  // no second serialisation and parse of a page that may be megabytes long.
  const kind = document.querySelector('input[type="password"]')
    ? 'sign-in'
    : ERROR_PAGE.test(
          `${document.querySelector('title')?.textContent ?? ''} ${document.querySelector('h1')?.textContent ?? ''}`,
        )
      ? 'error'
      : undefined;
  const result = new Readability<Element>(document, {
    keepClasses: true,
    charThreshold: 200,
    serializer: (node) => node as Element,
  }).parse();
  const byline = result?.byline?.replace(/\s+/g, ' ').trim();
  if (byline) {
    // The byline next to the article comes after JSON-LD and before the page's other bylines.
    const sources = [...metadata.authorSources];
    sources.splice(1, 0, {
      from: "the article's byline",
      authors: bylineNames(byline).map((name) => ({ name, kind: 'person' })),
    });
    const notes = metadata.notes.filter((n) => n.id !== 'metadata-authors');
    metadata.authors = chooseAuthors(sources, metadata.publisher, notes);
    metadata.notes = notes;
  }
  return {
    ...(result?.content ? { content: toHast(result.content) } : {}),
    ...(kind ? { kind } : {}),
    ...(byline ? { byline } : {}),
    metadata,
    notes,
  };
}

/** Titles of error pages: "404", "Page not found", "Page cannot be found". */
const ERROR_PAGE =
  /\b(?:404|410|page (?:not found|(?:can ?not|can’t|can't) be found)|not found|no longer available)\b/i;

/** The hast properties the HTML path reads: classes, links, images, titles. */
function properties(element: Element): Properties {
  const out: Properties = {};
  const className = element.getAttribute('class');
  if (className) out.className = className.split(/\s+/).filter(Boolean);
  for (const name of ['href', 'src', 'alt', 'title'] as const) {
    const value = element.getAttribute(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/** A DOM subtree as hast, walked with an explicit stack (the depth was bounded before). */
export function toHast(root: Element): HastElement {
  const make = (element: Element): HastElement => ({
    type: 'element',
    tagName: element.tagName.toLowerCase(),
    properties: properties(element),
    children: [],
  });
  const top = make(root);
  const stack: [Element, HastElement][] = [[root, top]];
  while (stack.length > 0) {
    const [element, node] = stack.pop() as [Element, HastElement];
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === 3) node.children.push({ type: 'text', value: child.nodeValue ?? '' });
      else if (child.nodeType === 1) {
        const made = make(child as Element);
        node.children.push(made);
        stack.push([child as Element, made]);
      }
    }
  }
  return top;
}
