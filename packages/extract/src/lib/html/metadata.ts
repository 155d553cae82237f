/**
 * What a page says about its article in markup rather than in text, read from the sources below
 * in this order of precedence (the first that gives a field wins; where a later source gives a
 * different value, the draft carries an editor's note naming both):
 *
 * 1. JSON-LD (`<script type="application/ld+json">`, schema.org): the first `NewsArticle` or kin
 *    (`Article`, `ReportageNewsArticle`, `BlogPosting`, …), also inside `@graph` and arrays, with
 *    `@id` references followed; a block that is not JSON is skipped with a note.
 * 2. OpenGraph (`og:*`) and its `article:*` properties (ogp.me), then Twitter cards.
 * 3. `<meta name="author|description|keywords|news_keywords">` and Dublin Core (`DC.*`, `DCTERMS.*`).
 * 4. The markup of the page: microdata (`itemprop`), bylines (`rel="author"`, `.byline`), the
 *    standfirst element, `<time datetime>`, `<link rel="canonical">`, `<html lang>`, `<title>`, `<h1>`.
 *
 * The standfirst is the exception: a standfirst printed on the page (`.dek`, `.standfirst`, …)
 * comes before the descriptions written for search engines and sharing. Nothing is invented: a
 * field no source gives stays empty.
 */
import type { Note } from '@storykit/core';
import { parseByline } from '../parse.js';
import { isChromeLine } from '../plain/chrome.js';
import { markupDate, sameDate } from './dates.js';

/** An author as the page names them. */
export interface PageAuthor {
  readonly name: string;
  readonly kind: 'person' | 'organization';
}

/** The lead image as the page's metadata describes it. */
export interface PageImage {
  readonly url?: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly alt?: string;
}

/** The page's metadata, each field from the first source that gives it. */
export interface PageMetadata {
  headline?: string;
  dek?: string;
  authors: PageAuthor[];
  /** Every source of author names, in precedence order, for a later choice with the article's byline. */
  authorSources: AuthorSource[];
  publisher?: string;
  published?: string;
  modified?: string;
  url?: string;
  language?: string;
  section?: string;
  keywords: string[];
  image?: PageImage;
  /** Where the sources disagree, and what was skipped. */
  notes: Note[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'techarticle',
  'scholarlyarticle',
]);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: Json | undefined): Json[] =>
  value === undefined || value === null
    ? []
    : Array.isArray(value)
      ? value
      : isObject(value) && Array.isArray(value['@list'])
        ? value['@list']
        : [value];
const types = (node: JsonObject) =>
  list(node['@type']).map((t) =>
    String(t)
      .replace(/^.*[/#:]/, '')
      .toLowerCase(),
  );

/** The string a JSON-LD value gives: a string, the `name` or `@value` of an object. */
function jsonText(value: Json | undefined): string | undefined {
  for (const item of list(value)) {
    if (typeof item === 'string' && squash(item)) return squash(decodeEntities(item));
    if (isObject(item)) {
      const inner = jsonText(item.name ?? item['@value']);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** JSON-LD written inside HTML sometimes carries entities (`&amp;`, `&#8217;`) in its strings. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
  };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X'
          ? Number.parseInt(code.slice(2), 16)
          : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

/** Every node of the JSON-LD blocks (arrays, `@graph`), and the nodes by `@id`. */
function jsonLdNodes(blocks: readonly string[], notes: Note[]) {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  blocks.forEach((block, index) => {
    let data: Json;
    try {
      // Some pages wrap the JSON in a CDATA section or an HTML comment.
      data = JSON.parse(
        block.replace(/^\s*(?:<!--|\/\/<!\[CDATA\[|<!\[CDATA\[)|(?:-->|\/\/\]\]>|\]\]>)\s*$/g, ''),
      );
    } catch (error) {
      notes.push({
        id: `metadata-json-ld-${index + 1}`,
        about: 'metadata',
        text: `JSON-LD block ${index + 1} of the page is not JSON (${(error as Error).message.split('\n')[0]}); it was skipped.`,
      });
      return;
    }
    const stack: Json[] = [data];
    while (stack.length > 0) {
      const item = stack.pop() as Json;
      if (Array.isArray(item)) {
        for (let i = item.length - 1; i >= 0; i--) stack.push(item[i] as Json);
        continue;
      }
      if (!isObject(item)) continue;
      nodes.push(item);
      if (typeof item['@id'] === 'string') byId.set(item['@id'], item);
      if (item['@graph'] !== undefined) stack.push(item['@graph']);
    }
  });
  return { nodes, byId };
}

/** One candidate value of a field and the source that gives it. */
interface Candidate {
  readonly from: string;
  readonly value: string | undefined;
}

/**
 * The first candidate's value; a note when a later one differs (compared by `same`). Only the
 * first differing source is named, which is enough for an editor to look.
 */
function pick(
  field: string,
  candidates: readonly Candidate[],
  notes: Note[],
  same: (a: string, b: string) => boolean = (a, b) => a.toLowerCase() === b.toLowerCase(),
): string | undefined {
  const given = candidates.filter((c): c is { from: string; value: string } => !!c.value);
  const first = given[0];
  if (!first) return undefined;
  const other = given.find((c) => !same(first.value, c.value));
  if (other)
    notes.push({
      id: `metadata-${field}`,
      about: field,
      text: `The page's metadata disagree on ${field}: “${first.value}” (${first.from}) and “${other.value}” (${other.from}); the draft takes the first.`,
    });
  return first.value;
}

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' » '];

/**
 * A title without the site's name around it: "Headline | Site", "Headline - Site", "Site |
 * Headline". A part is the site when it matches a site name the page gives (`og:site_name`, the
 * publisher, the host) or, after a `|`, when it is short beside a longer headline.
 */
export function withoutSiteName(title: string, siteNames: readonly string[]): string {
  const names = siteNames
    .map((n) => n.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter(Boolean);
  const isSite = (part: string) => {
    const key = part.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    return key.length > 0 && names.some((n) => n === key || n.startsWith(key) || key.startsWith(n));
  };
  let text = squash(title);
  for (let changed = true; changed; ) {
    changed = false;
    for (const separator of SEPARATORS) {
      const last = text.lastIndexOf(separator);
      if (last > 0) {
        const head = text.slice(0, last).trim();
        const tail = text.slice(last + separator.length).trim();
        const words = (t: string) => t.split(/\s+/).length;
        if (
          isSite(tail) ||
          (separator === ' | ' && words(tail) <= 3 && words(head) >= 2 * words(tail))
        ) {
          text = head;
          changed = true;
          break;
        }
      }
      const first = text.indexOf(separator);
      if (first > 0 && isSite(text.slice(0, first))) {
        text = text.slice(first + separator.length).trim();
        changed = true;
        break;
      }
    }
  }
  return text;
}

/** Splits an author string that names several: "Ann Lee and Bo Chen", "Ann Lee, Bo Chen". */
function authorNames(text: string): string[] {
  const cleaned = squash(text)
    .replace(/^by\s+/i, '')
    .replace(/\s+(?:updated|published|posted)\b.*$/i, '');
  return cleaned
    .split(/\s*(?:,|;|\band\b|&|\|)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 1 && n.length <= 60 && !/^(?:https?:|www\.)/i.test(n));
}

/**
 * A name that reads as a person's: two to five capitalised words (particles such as "de", "van",
 * "bin" between them), no digits — not "on Deadspin", not a sentence.
 */
const PERSON_NAME =
  /^\p{Lu}[\p{L}.’'-]*(?:\s+(?:(?:de|da|del|della|der|den|van|von|bin|ibn|al|el|la|le|du|dos|das|di)\s+)*\p{Lu}[\p{L}.’'-]*){1,4}$/u;

/** One source of author names, in the order of precedence. */
export interface AuthorSource {
  readonly from: string;
  readonly authors: readonly PageAuthor[];
}

/** The names a byline gives ("By Ann Lee and Bo Chen | March 3"), person-like names only. */
export function bylineNames(raw: string): string[] {
  const line = raw.replace(/\s+/g, ' ').trim();
  if (!line || line.length > 160) return [];
  const byline = parseByline(/^by\s/i.test(line) ? line.replace(/^by/i, 'By') : `By ${line}`);
  return byline ? [...byline.authors] : authorNames(line).filter((n) => PERSON_NAME.test(n));
}

/**
 * The authors from the first source that names any, with a note when another names none of
 * them; a name that is the publisher's ("BBC News") is the organisation, not a person.
 */
export function chooseAuthors(
  sources: readonly AuthorSource[],
  publisher: string | undefined,
  notes: Note[],
): PageAuthor[] {
  const chosen = sources.find((s) => s.authors.length > 0);
  if (!chosen) return [];
  const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const authors = chosen.authors.map((a) =>
    publisher && key(a.name) === key(publisher) ? { ...a, kind: 'organization' as const } : a,
  );
  const other = sources.find(
    (s) =>
      s !== chosen &&
      s.authors.length > 0 &&
      !s.authors.some((a) => authors.some((b) => key(b.name) === key(a.name))),
  );
  if (other)
    notes.push({
      id: 'metadata-authors',
      about: 'authors',
      text: `The page's metadata disagree on the authors: ${authors.map((a) => a.name).join(', ')} (${chosen.from}) and ${other.authors.map((a) => a.name).join(', ')} (${other.from}); the draft takes the first.`,
    });
  return authors;
}

function authorsFromJsonLd(value: Json | undefined, byId: Map<string, JsonObject>): PageAuthor[] {
  const out: PageAuthor[] = [];
  for (const item of list(value)) {
    const node =
      isObject(item) && typeof item['@id'] === 'string' && !item.name
        ? (byId.get(item['@id']) ?? item)
        : item;
    if (typeof node === 'string') {
      for (const name of authorNames(node)) out.push({ name, kind: 'person' });
      continue;
    }
    if (!isObject(node)) continue;
    const name = jsonText(node.name);
    if (!name || /^(?:https?:|www\.)/i.test(name)) continue;
    out.push({
      name,
      kind:
        types(node).includes('organization') || types(node).includes('newsmediaorganization')
          ? 'organization'
          : 'person',
    });
  }
  return out;
}

function imageFromJsonLd(
  value: Json | undefined,
  byId: Map<string, JsonObject>,
): PageImage | undefined {
  const first = list(value)[0];
  if (first === undefined) return undefined;
  if (typeof first === 'string') return { url: first };
  if (!isObject(first)) return undefined;
  const node =
    typeof first['@id'] === 'string' && !first.url ? (byId.get(first['@id']) ?? first) : first;
  const url =
    typeof node.url === 'string'
      ? node.url
      : typeof node.contentUrl === 'string'
        ? node.contentUrl
        : undefined;
  const caption = jsonText(node.caption) ?? jsonText(node.description);
  const credit =
    jsonText(node.creditText) ??
    jsonText(node.copyrightHolder) ??
    jsonText(node.author) ??
    jsonText(node.creator);
  return {
    ...(url ? { url } : {}),
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
  };
}

/** The `content` of the first `<meta>` whose `property` or `name` is one of `keys` (any case). */
function metaIndex(document: Document) {
  const index = new Map<string, string[]>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = meta.getAttribute('content');
    if (content === null || !squash(content)) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (!key) continue;
      const values = index.get(key) ?? [];
      values.push(squash(content));
      index.set(key, values);
    }
  }
  return {
    get: (...keys: string[]) => keys.map((k) => index.get(k)?.[0]).find((v) => v !== undefined),
    all: (key: string) => index.get(key) ?? [],
  };
}

const text = (element: Element | null | undefined) =>
  element ? squash(element.textContent ?? '') : undefined;

const DEK_SELECTOR = [
  '.dek',
  '.deck',
  '.standfirst',
  '.subtitle',
  '.subheadline',
  '.sub-headline',
  '.subhead',
  '.article-summary',
  '.summary',
  '.lede',
  '[itemprop="description"]',
]
  .map((s) => `${s}:not(meta)`)
  .join(', ');

const AUTHOR_LINK =
  'a[rel~="author"], [itemprop="name"], a[href*="/author"], a[href*="/authors/"], a[href*="/staff/"], a[href*="/people/"], a[href*="/by/"], a[href*="/profile/"], a[href*="/journalists/"]';

/** A standfirst that is the page's chrome, not the article's: a menu, a share row, a breadcrumb. */
function usable(value: string | undefined): string | undefined {
  return value && !isChromeLine(value) ? value : undefined;
}

/**
 * Reads the page's metadata from a prepared document (scripts taken out, their JSON-LD kept) —
 * see the module comment for the sources and their precedence.
 */
export function pageMetadata(document: Document, jsonLd: readonly string[]): PageMetadata {
  const notes: Note[] = [];
  const { nodes, byId } = jsonLdNodes(jsonLd, notes);
  const article =
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.has(t)) && n.headline !== undefined) ??
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.has(t)));
  const ld = article ?? {};
  const publisherNode = list(ld.publisher)
    .map((p) =>
      isObject(p) && typeof p['@id'] === 'string' && !p.name ? (byId.get(p['@id']) ?? p) : p,
    )
    .find((p) => p !== undefined);
  const meta = metaIndex(document);
  const body = document.body ?? document.documentElement;

  const siteName = pick(
    'publisher',
    [
      { from: 'JSON-LD publisher', value: jsonText(publisherNode) },
      { from: 'og:site_name', value: meta.get('og:site_name') },
      { from: 'Dublin Core publisher', value: meta.get('dc.publisher', 'dcterms.publisher') },
      { from: 'application-name', value: meta.get('application-name') },
    ],
    [],
  );
  const canonical =
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined;
  const url = [
    typeof ld.url === 'string' ? ld.url : undefined,
    isObject(ld.mainEntityOfPage)
      ? (ld.mainEntityOfPage['@id'] as string | undefined)
      : typeof ld.mainEntityOfPage === 'string'
        ? ld.mainEntityOfPage
        : undefined,
    canonical,
    meta.get('og:url'),
  ].find((u) => typeof u === 'string' && /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(u));
  const host = url ? /^https?:\/\/(?:www\.)?([^/.]+)/i.exec(url)?.[1] : undefined;
  const siteNames = [
    siteName,
    meta.get('og:site_name'),
    meta.get('application-name'),
    meta.get('twitter:site')?.replace(/^@/, ''),
    host,
  ].filter((n): n is string => !!n);

  const title = (value: string | undefined) =>
    value ? withoutSiteName(value, siteNames) : undefined;
  const h1s = Array.from(body?.querySelectorAll('h1') ?? [])
    .map((h) => text(h))
    .filter((h): h is string => !!h && !isChromeLine(h) && h.split(/\s+/).length >= 3);
  const headline = pick(
    'headline',
    [
      { from: 'JSON-LD headline', value: title(jsonText(ld.headline) ?? jsonText(ld.name)) },
      { from: 'og:title', value: title(meta.get('og:title')) },
      { from: 'twitter:title', value: title(meta.get('twitter:title')) },
      { from: 'Dublin Core title', value: title(meta.get('dc.title', 'dcterms.title')) },
      {
        from: 'microdata headline',
        value: title(text(body?.querySelector('[itemprop="headline"]:not(meta)'))),
      },
      { from: '<title>', value: title(text(document.querySelector('title'))) },
      { from: '<h1>', value: h1s[0] },
    ].map((c) => ({ ...c, value: usable(c.value) })),
    notes,
  );

  // A page of many stories has a standfirst for each: only a single one is the article's.
  const dekElements = Array.from(body?.querySelectorAll(DEK_SELECTOR) ?? []);
  const dekElement = dekElements.length === 1 ? dekElements[0] : undefined;
  const dek = pick(
    'dek',
    [
      { from: 'the standfirst element', value: text(dekElement) },
      { from: 'JSON-LD description', value: jsonText(ld.description) },
      { from: 'og:description', value: meta.get('og:description') },
      {
        from: 'meta description',
        value: meta.get(
          'description',
          'dc.description',
          'dcterms.description',
          'twitter:description',
        ),
      },
    ].map((c) => ({ ...c, value: usable(c.value) })),
    [],
  );

  // Authors: the first source that names any, all of its names. The article's own byline (as
  // Readability finds it) comes second; the reader adds it once the article is known.
  const bylineElements = Array.from(
    body?.querySelectorAll(
      '[rel~="author"], [itemprop="author"], .byline, .author, .article-author, .byline-name, [class*="author-name"]',
    ) ?? [],
  );
  const visible = (() => {
    for (const element of bylineElements) {
      // A byline's links to the writers' pages name them best ("by <a>Lucas Nolan</a>22 Dec").
      const linked = [
        ...(element.matches('a') ? [element] : []),
        ...Array.from(element.querySelectorAll(AUTHOR_LINK)),
      ]
        .map((e) => text(e)?.replace(/^by\s+/i, ''))
        .filter((n): n is string => !!n && PERSON_NAME.test(n));
      if (linked.length > 0) return [...new Set(linked)];
      const names = bylineNames(text(element) ?? '');
      if (names.length > 0) return names;
    }
    return [];
  })();
  const authorSources: AuthorSource[] = [
    { from: 'JSON-LD author', authors: authorsFromJsonLd(ld.author, byId) },
    { from: 'the byline', authors: visible.map((name) => ({ name, kind: 'person' as const })) },
    {
      from: 'meta author',
      authors: [
        meta.get('author'),
        meta.get('article:author'),
        meta.get('dc.creator', 'dcterms.creator'),
        meta.get('sailthru.author', 'parsely-author'),
      ]
        .filter((v): v is string => !!v && !/^(?:https?:|www\.)/i.test(v))
        .slice(0, 1)
        .flatMap((v) => authorNames(v).map((name) => ({ name, kind: 'person' as const }))),
    },
  ];

  const timeIn = (scope: Element | null | undefined) =>
    scope
      ?.querySelector('time[datetime][pubdate], time[itemprop="datePublished"], time[datetime]')
      ?.getAttribute('datetime') ?? undefined;
  const microdata = (prop: string) => {
    const element = body?.querySelector(`[itemprop="${prop}"]:not(meta)`);
    return element?.getAttribute('datetime') ?? element?.getAttribute('content') ?? undefined;
  };
  const published = pick(
    'published',
    [
      { from: 'JSON-LD datePublished', value: markupDate(jsonText(ld.datePublished)) },
      {
        from: 'article:published_time',
        value: markupDate(meta.get('article:published_time', 'og:published_time')),
      },
      {
        from: 'Dublin Core date',
        value: markupDate(
          meta.get(
            'dcterms.issued',
            'dc.date.issued',
            'dcterms.created',
            'dc.date',
            'dcterms.date',
          ),
        ),
      },
      {
        from: 'meta date',
        value: markupDate(
          meta.get(
            'datepublished',
            'date',
            'pubdate',
            'publishdate',
            'publish-date',
            'publish_date',
            'sailthru.date',
            'parsely-pub-date',
          ),
        ),
      },
      { from: 'microdata datePublished', value: markupDate(microdata('datePublished')) },
      {
        from: '<time datetime>',
        value: markupDate(timeIn(body?.querySelector('article')) ?? timeIn(body)),
      },
    ],
    notes,
    sameDate,
  );
  const modified = pick(
    'modified',
    [
      { from: 'JSON-LD dateModified', value: markupDate(jsonText(ld.dateModified)) },
      {
        from: 'article:modified_time',
        value: markupDate(meta.get('article:modified_time', 'og:updated_time')),
      },
      {
        from: 'Dublin Core modified',
        value: markupDate(meta.get('dcterms.modified', 'dc.date.modified')),
      },
      { from: 'microdata dateModified', value: markupDate(microdata('dateModified')) },
    ],
    notes,
    sameDate,
  );

  const lang = (value: string | undefined | null) => {
    const tag = value?.trim().replace(/_/g, '-');
    return tag && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : undefined;
  };
  const language = pick(
    'language',
    [
      { from: '<html lang>', value: lang(document.documentElement?.getAttribute('lang')) },
      { from: 'JSON-LD inLanguage', value: lang(jsonText(ld.inLanguage)) },
      { from: 'og:locale', value: lang(meta.get('og:locale')) },
      {
        from: 'Content-Language',
        value: lang(meta.get('content-language', 'dc.language', 'dcterms.language')),
      },
    ],
    notes,
    (a, b) => a.split('-')[0]?.toLowerCase() === b.split('-')[0]?.toLowerCase(),
  );

  const section = pick(
    'section',
    [
      { from: 'JSON-LD articleSection', value: jsonText(ld.articleSection) },
      { from: 'article:section', value: meta.get('article:section') },
    ],
    [],
  );

  const keywordLists = [
    list(ld.keywords).flatMap((k) => (typeof k === 'string' ? k.split(',') : [])),
    meta.all('article:tag'),
    (meta.get('news_keywords') ?? meta.get('keywords') ?? '').split(','),
  ].map((ks) => ks.map(squash).filter((k) => k.length > 0 && k.length <= 80));
  const keywords = [...new Set(keywordLists.find((ks) => ks.length > 0) ?? [])];

  const ldImage = imageFromJsonLd(ld.image, byId);
  const ogImage = meta.get(
    'og:image',
    'og:image:url',
    'og:image:secure_url',
    'twitter:image',
    'twitter:image:src',
  );
  const image: PageImage | undefined =
    ldImage?.url || ogImage
      ? {
          ...(ldImage ?? {}),
          ...(ldImage?.url ? {} : ogImage ? { url: ogImage } : {}),
          ...(meta.get('og:image:alt', 'twitter:image:alt')
            ? { alt: meta.get('og:image:alt', 'twitter:image:alt') as string }
            : {}),
        }
      : undefined;

  return {
    ...(headline ? { headline } : {}),
    ...(dek ? { dek } : {}),
    authors: chooseAuthors(authorSources, siteName, notes),
    authorSources,
    ...(siteName ? { publisher: siteName } : {}),
    ...(published ? { published } : {}),
    ...(modified ? { modified } : {}),
    ...(url ? { url } : {}),
    ...(language ? { language } : {}),
    ...(section ? { section } : {}),
    keywords,
    ...(image ? { image } : {}),
    notes,
  };
}
