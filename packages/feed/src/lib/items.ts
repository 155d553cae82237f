/**
 * From the model to feed items, once for all three formats: an item is what RSS calls `<item>`,
 * Atom `<entry>` and JSON Feed an element of `items`.
 */
import {
  DRAFT_NOTICE,
  type Media,
  type Source,
  type Story,
  sourceLabel,
  storyIndex,
  type Utterance,
  type UtteranceRelation,
  utteranceRelations,
  utterancesOf,
} from '@storykit/core';
import { bodyHtml } from './content-html.js';
import { type FeedDate, feedDate } from './dates.js';
import { FeedDuplicateIdError } from './errors.js';
import { absoluteUrl, storyLink, withFragment } from './links.js';
import type { FeedContext, Person } from './options.js';
import { htmlText } from './text.js';

/** A media item with a URL, and what is known about its file. */
export interface ItemMedia {
  readonly url: string;
  readonly kind: Media['kind'];
  readonly type: string | undefined;
  readonly size: number | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly caption: string | undefined;
  readonly credit: string | undefined;
  /** The credit's role in the EBU scheme Media RSS defaults to, when the creator is known. */
  readonly creditRole: string | undefined;
  readonly copyright: string | undefined;
  readonly alt: string | undefined;
}

/** One item of a feed, in terms all three formats share. */
export interface FeedItem {
  /** The item's permanent id: its link, or `options.itemId`'s value. */
  readonly id: string;
  /** Whether {@link FeedItem.id} is the item's link (RSS `isPermaLink`). */
  readonly isPermaLink: boolean;
  readonly link: string;
  readonly title: string;
  readonly summary: string | undefined;
  readonly contentHtml: string | undefined;
  readonly published: FeedDate | undefined;
  /** When the item last changed: the story's `modified`, else its `published`. */
  readonly updated: FeedDate | undefined;
  /** The story's `modified` date, when it names a day. */
  readonly modified: FeedDate | undefined;
  readonly authors: readonly Person[];
  readonly categories: readonly string[];
  readonly media: readonly ItemMedia[];
  readonly language: string;
  /** How errors name the item: `story "x"`, `statement "s" of story "x"`. */
  readonly what: string;
}

/**
 * MIME types of common media file extensions. A type is only given when the URL's extension says
 * it; an unknown extension leaves it out, never a guess.
 */
const TYPES: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
  m4v: 'video/mp4',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

/** The type of a file by the extension of its URL's path; `url` is a URL's `href`. */
function typeFromUrl(url: string): string | undefined {
  // An http(s) href is `scheme://authority/path?query#fragment`: the path runs from the first
  // slash after the authority to the query or fragment, and its last segment is after its last
  // slash.
  let end = url.length;
  const hash = url.indexOf('#');
  if (hash >= 0) end = hash;
  const query = url.indexOf('?');
  if (query >= 0 && query < end) end = query;
  const path = url.slice(url.indexOf('/', url.indexOf('//') + 2), end);
  const dot = path.lastIndexOf('.');
  return dot < 0 || path.indexOf('/', dot) >= 0
    ? undefined
    : TYPES[path.slice(dot + 1).toLowerCase()];
}

/** A story's sources by id (from its index, looked up once per item rather than per source). */
type Sources = ReadonlyMap<string, Source>;

function sourceOf(sources: Sources, id: string | null | undefined): Source | undefined {
  return id == null ? undefined : sources.get(id);
}

function person(source: Source): Person {
  // A source's first web sameAs (Wikidata, an official page) identifies them on the web.
  return { name: source.name, url: source.sameAs.find((url) => /^https?:/i.test(url)) };
}

/** The story's bylined authors; an unsigned story is credited to its publisher. */
function storyAuthors(story: Story, sources: Sources): Person[] {
  const authors: Person[] = [];
  for (const id of story.authors) {
    const source = sourceOf(sources, id);
    if (source) authors.push(person(source));
  }
  if (authors.length === 0) {
    const publisher = sourceOf(sources, story.publisher);
    if (publisher) authors.push(person(publisher));
  }
  return authors;
}

function storyMedia(story: Story, ctx: FeedContext, link: string, sources: Sources): ItemMedia[] {
  const media: ItemMedia[] = [];
  for (const m of story.media) {
    const info = ctx.options.media?.(m, story);
    const given = info?.url ?? m.url;
    if (given === undefined) continue; // Media RSS describes a file at a URL; no URL, no item.
    const url = absoluteUrl(given, link, `the url of media "${m.id}" of story "${story.id}"`);
    const creator = sourceOf(sources, m.creator);
    media.push({
      url,
      kind: m.kind,
      type: info?.type ?? typeFromUrl(url),
      size: info?.size,
      width: info?.width,
      height: info?.height,
      caption: m.caption,
      credit: m.credit ?? creator?.name,
      creditRole: creator && m.kind === 'image' ? 'photographer' : undefined,
      copyright: m.copyright,
      alt: m.alt,
    });
  }
  return media;
}

function figureHtml(media: readonly ItemMedia[]): string {
  let html = '';
  for (const m of media) {
    if (m.kind !== 'image') continue;
    html += `<figure><img src="${htmlText(m.url)}" alt="${htmlText(m.alt ?? '')}"/>`;
    if (m.caption || m.credit) {
      html += `<figcaption>${m.caption ? htmlText(m.caption) : ''}${
        m.credit ? `${m.caption ? ' ' : ''}<small>${htmlText(m.credit)}</small>` : ''
      }</figcaption>`;
    }
    html += '</figure>';
  }
  return html;
}

/**
 * The first paragraph of a draft's content (`draft: true`): none of the three formats has a field
 * for an item's editorial status, so the reader is told in the text itself.
 */
function draftHtml(story: Story): string {
  return story.draft ? `<p><strong>${DRAFT_NOTICE.label}</strong> — ${DRAFT_NOTICE.text}</p>` : '';
}

function storyDate(story: Story, field: 'published' | 'modified'): FeedDate | undefined {
  const value = story[field];
  return value === undefined ? undefined : feedDate(value, () => `story "${story.id}" ${field}`);
}

/** When a story last changed, as its item's updated date: `modified`, else `published`. */
export function storyUpdated(story: Story): FeedDate | undefined {
  return storyDate(story, 'modified') ?? storyDate(story, 'published');
}

function remember(ctx: FeedContext, item: FeedItem): FeedItem {
  const seen = ctx.seen;
  if (seen) {
    // One lookup an item: adding an id the set already holds leaves its size as it was.
    const size = seen.size;
    if (seen.add(item.id).size === size) {
      throw new FeedDuplicateIdError(
        `${item.what} has the id "${item.id}" of an earlier item; ids must be unique in a feed (RSS 2.0 guid, RFC 4287 §4.2.6)`,
      );
    }
  }
  return item;
}

/**
 * The items one story gives: itself, or one per utterance (`options.items: 'statements'`): a
 * quotation in pieces (core's `continues`) is one item, named by its first piece.
 */
export function storyItems(story: Story, ctx: FeedContext): FeedItem[] {
  const link = storyLink(story, ctx.options, ctx.baseUrl);
  const givenId = ctx.options.itemId?.(story);
  const id =
    givenId === undefined
      ? link
      : absoluteUrl(givenId, undefined, `the id of story "${story.id}"`, true);
  const published = storyDate(story, 'published');
  const modified = storyDate(story, 'modified');
  const updated = modified ?? published;
  const { sources } = storyIndex(story);
  if (ctx.options.items === 'statements') {
    const utterances = utterancesOf(story);
    const relations = ctx.include.content ? utteranceRelations(story, utterances) : undefined;
    return utterances.map((u) =>
      remember(
        ctx,
        statementItem(story, u, ctx, sources, {
          link,
          id,
          isPermaLink: givenId === undefined,
          published,
          updated,
          modified,
          relations: relations?.get(u.id) ?? [],
        }),
      ),
    );
  }
  const { include } = ctx;
  const media = include.media ? storyMedia(story, ctx, link, sources) : [];
  const categories: string[] = [];
  if (include.categories) {
    if (story.section) categories.push(story.section);
    for (const word of story.keywords) if (!categories.includes(word)) categories.push(word);
  }
  return [
    remember(ctx, {
      id,
      isPermaLink: givenId === undefined,
      link,
      title: story.headline,
      summary: include.summary ? story.dek : undefined,
      contentHtml: include.content
        ? draftHtml(story) + figureHtml(media) + bodyHtml(story, { sources })
        : undefined,
      published,
      updated,
      modified,
      authors: include.authors ? storyAuthors(story, sources) : [],
      categories,
      media,
      language: story.language,
      what: `story "${story.id}"`,
    }),
  ];
}

/** The relation words of the statements feed, from the utterance's side. */
const RELATION_WORDS = {
  outgoing: {
    disputes: 'disputes',
    supports: 'supports',
    'responds-to': 'responds to',
    cites: 'cites',
    // Pieces of one utterance are one item: `utteranceRelations` never gives a `continues`.
    continues: 'continues',
  },
  incoming: {
    disputes: 'disputed by',
    supports: 'supported by',
    'responds-to': 'answered by',
    cites: 'cited by',
    continues: 'continued by',
  },
} as const;

interface StoryPlace {
  readonly link: string;
  readonly id: string;
  readonly isPermaLink: boolean;
  readonly published: FeedDate | undefined;
  readonly updated: FeedDate | undefined;
  readonly modified: FeedDate | undefined;
  /** The relations of the utterance the item is made of. */
  readonly relations: readonly UtteranceRelation[];
}

/**
 * One utterance as an item: its text (a quotation in pieces joined, without the writer's words
 * between them) is the title, who said it and how the summary, the speaker the author; the
 * content quotes the paragraphs its pieces are in and lists the utterances it answers or is
 * answered by, each linked to its place in the article. Id and link name the first piece.
 */
function statementItem(
  story: Story,
  s: Utterance,
  ctx: FeedContext,
  sources: Sources,
  at: StoryPlace,
): FeedItem {
  const speaker = sourceOf(sources, s.speaker);
  const label = speaker
    ? sourceLabel(story, speaker)
    : (storyAuthors(story, sources)[0]?.name ?? story.headline);
  const how = [s.attribution.verb, s.attribution.venue, s.attribution.date]
    .filter(Boolean)
    .join(', ');
  const summary = how ? `${label} — ${how}` : label;
  const { include } = ctx;
  let contentHtml: string | undefined;
  if (include.content) {
    const link = withFragment(at.link, `statement-${s.id}`);
    const only = { only: s.pieces, blocks: s.pieces.map((p) => p.span.block), sources };
    contentHtml = `${draftHtml(story)}<blockquote cite="${htmlText(link)}">${bodyHtml(story, only)}</blockquote><p>${htmlText(summary)}</p>`;
    if (at.relations.length) {
      contentHtml += '<ul>';
      for (const { relation, direction, other } of at.relations) {
        const who = sourceOf(sources, other.speaker)?.name;
        const href = withFragment(at.link, `statement-${other.id}`);
        contentHtml += `<li>${RELATION_WORDS[direction][relation.kind]} <a href="${htmlText(href)}">${htmlText(
          who ? `${who}: ${other.text}` : other.text,
        )}</a></li>`;
      }
      contentHtml += '</ul>';
    }
  }
  return {
    id: withFragment(at.id, `statement-${s.id}`),
    isPermaLink: at.isPermaLink,
    link: withFragment(at.link, `statement-${s.id}`),
    title: s.text,
    summary: include.summary ? summary : undefined,
    contentHtml,
    published: at.published,
    updated: at.updated,
    modified: at.modified,
    authors: include.authors ? (speaker ? [person(speaker)] : storyAuthors(story, sources)) : [],
    categories: include.categories && s.topic ? [s.topic] : [],
    media: [],
    language: story.language,
    what: `statement "${s.id}" of story "${story.id}"`,
  };
}
