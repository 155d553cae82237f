import {
  assertStory,
  type Entity,
  type Figure,
  formatFigureValue,
  type Media,
  type Note,
  type Source,
  type Story,
  sourceById,
  storyIndex,
  type Utterance,
  utterancesOf,
} from '@storykit/core';
import { checkJsonLdOptions } from './check-options.js';

/** A JSON value as it appears in the graph. */
export type JsonLdValue =
  | string
  | number
  | boolean
  | JsonLdReference
  | JsonLdNode
  | readonly JsonLdValue[];

/** A reference to another node of the graph, by its `@id`. */
export interface JsonLdReference {
  /** The IRI of the node referred to. */
  readonly '@id': string;
}

/** One node of the graph: a typed thing with an `@id` and schema.org properties. */
export interface JsonLdNode {
  /** The node's IRI, stable across builds (derived from the story and the item ids). */
  readonly '@id'?: string;
  /** The schema.org type (`NewsArticle`, `Quotation`, …). */
  readonly '@type': string;
  /** schema.org properties of the node. */
  readonly [property: string]: JsonLdValue | undefined;
}

/** The document {@link toJsonLd} returns: the schema.org context and one connected `@graph`. */
export interface JsonLdDocument {
  /** Always `https://schema.org`, so that plain schema.org names are used as keys. */
  readonly '@context': 'https://schema.org';
  /** Every node: the article first, then sources, entities, media, statements, figures, notes. */
  readonly '@graph': readonly JsonLdNode[];
}

/** Options for {@link toJsonLd} and {@link toJsonLdScript}. */
export interface JsonLdOptions {
  /**
   * The IRI the node ids are built on, when the story has no `url`: the article becomes
   * `${baseUrl}#article`, the source `kerry` `${baseUrl}#source-kerry`. Default: the story's `url`,
   * else `urn:storykit:<story id>`.
   */
  readonly baseUrl?: string;
  /**
   * The paywall, when the published page hides part of the article from non-subscribers: the
   * article gets `isAccessibleForFree: false` and a `WebPageElement` part with this CSS selector, as
   * search engines ask for paywalled content. Default: none (the model does not say whether the
   * published page is paywalled, so nothing is claimed).
   */
  readonly paywall?: { readonly cssSelector: string };
  /** Express the editor's notes as `Comment` nodes of the article; default `true`. */
  readonly notes?: boolean;
}

const SOURCE_TYPE = {
  person: 'Person',
  organization: 'Organization',
  anonymous: 'Person',
} as const;
const ENTITY_TYPE = {
  place: 'Place',
  organization: 'Organization',
  group: 'Organization',
  person: 'Person',
  event: 'Event',
} as const;
const MEDIA_TYPE = { image: 'ImageObject', video: 'VideoObject', audio: 'AudioObject' } as const;

/** Qualifiers that make the number a lower bound ("at least 84": `minValue` 84). */
const LOWER_BOUND = new Set(['at least', 'more than']);
/** Qualifiers that make the number an upper bound ("up to 40": `maxValue` 40). */
const UPPER_BOUND = new Set(['up to', 'at most', 'less than', 'nearly']);

/**
 * The story as one connected schema.org graph: a `NewsArticle` with its publisher and authors,
 * every source as a `Person` or `Organization`, every entity it mentions, the media as
 * `ImageObject`s, each quotation as a `Quotation` (one for a quotation in pieces, its texts joined)
 * and each indirect claim as a `Claim`, each figure as an `Observation`, and the editor's notes as
 * `Comment`s. Nodes refer to each other by stable `@id`s; fields the story does not hold are left
 * out, never filled with guesses. Sync: it only builds an object, with no I/O and nothing to wait
 * for.
 *
 * @throws {StoryValidationError} when the story breaks the schema or an invariant (checked with
 * `assertStory`, once per story).
 * @throws {JsonLdOptionsError} for an option it does not take (a `baseUrl` that is not absolute).
 * @example
 * ```ts
 * import { loadStory } from '@storykit/core/node';
 * import { toJsonLd } from '@storykit/jsonld';
 *
 * const doc = toJsonLd(loadStory('fixtures/kerry-on-the-run'));
 * doc['@graph'][0]; // { '@id': 'urn:storykit:kerry-on-the-run#article', '@type': 'NewsArticle', … }
 * ```
 */
export function toJsonLd(input: Story, options: JsonLdOptions = {}): JsonLdDocument {
  // Checked once (a story from loadStory or readStory is not checked again), before any field is read.
  const story = assertStory(input);
  checkJsonLdOptions(options);
  const base = story.url ?? options.baseUrl ?? `urn:storykit:${story.id}`;
  const id = (kind: string, itemId?: string): JsonLdReference => ({
    '@id': `${withoutFragment(base)}#${itemId === undefined ? kind : `${kind}-${itemId}`}`,
  });
  const article = id('article');
  const source = (sourceId: string | null | undefined) =>
    sourceId == null ? undefined : id('source', sourceId);
  const entity = (entityId: string | undefined) =>
    entityId === undefined ? undefined : id('entity', entityId);

  const notes = options.notes === false ? [] : story.notes;
  // A quotation in pieces (core's `continues`) is one utterance, so one node: the first piece's id
  // names it, and whatever points at a later piece points at that node.
  const utterances = utterancesOf(story);
  const utteranceOfPiece = new Map<string, string>();
  for (const u of utterances) for (const p of u.pieces) utteranceOfPiece.set(p.id, u.id);
  const statement = (statementId: string) =>
    id('statement', utteranceOfPiece.get(statementId) ?? statementId);
  const statementNodes = utterances.map((u) =>
    statementNode(story, u, { article, source, statement, id }),
  );
  const figureNodes = story.figures.map((figure) => figureNode(figure, { id, article, entity }));

  const articleNode = compact({
    '@id': article['@id'],
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.dek,
    url: story.url,
    inLanguage: story.language,
    datePublished: story.published,
    dateModified: story.modified,
    author: list(story.authors.map((author) => id('source', author))),
    publisher: source(story.publisher),
    articleSection: story.section,
    keywords: list(story.keywords),
    image: list(story.media.filter((m) => m.kind === 'image').map((m) => id('media', m.id))),
    associatedMedia: list(
      story.media.filter((m) => m.kind !== 'image').map((m) => id('media', m.id)),
    ),
    mentions: list([
      ...story.entities.map((e) => id('entity', e.id)),
      ...story.figures.filter((f) => f.statement === undefined).map((f) => id('figure', f.id)),
    ]),
    isAccessibleForFree: options.paywall ? false : undefined,
    hasPart: options.paywall
      ? {
          '@type': 'WebPageElement',
          isAccessibleForFree: false,
          cssSelector: options.paywall.cssSelector,
        }
      : undefined,
    comment: list(notes.map((note) => id('note', note.id))),
    // schema.org creativeWorkStatus: "The status of a creative work in terms of its stage in a
    // lifecycle. Example terms include Incomplete, Draft, Published, Obsolete."
    creativeWorkStatus: story.draft ? 'Draft' : undefined,
  });

  return {
    '@context': 'https://schema.org',
    '@graph': [
      articleNode,
      ...story.sources.map((s) => sourceNode(s, source)),
      ...story.entities.map((e) => entityNode(e, id)),
      ...story.media.map((m) => mediaNode(m, { id, article, source })),
      ...statementNodes,
      ...figureNodes,
      ...notes.map((note) => noteNode(story, note, { id, article, statement })),
    ],
  };
}

type IdOf = (kind: string, itemId?: string) => JsonLdReference;

function sourceNode(
  s: Source,
  source: (id: string | undefined) => JsonLdReference | undefined,
): JsonLdNode {
  const type = SOURCE_TYPE[s.kind];
  return compact({
    '@id': source(s.id)?.['@id'],
    '@type': type,
    // An anonymous source has no name: the article describes it ("an intelligence official in
    // Washington"), and a name would be invented.
    name: s.kind === 'anonymous' ? undefined : s.name,
    description: s.kind === 'anonymous' ? s.name : undefined,
    // schema.org: jobTitle and affiliation are Person properties; an organisation belongs to
    // another through parentOrganization.
    jobTitle: type === 'Person' ? s.role : undefined,
    affiliation: type === 'Person' ? source(s.affiliation) : undefined,
    parentOrganization: type === 'Organization' ? source(s.affiliation) : undefined,
    sameAs: list(s.sameAs),
  });
}

function entityNode(e: Entity, id: IdOf): JsonLdNode {
  return compact({
    '@id': id('entity', e.id)['@id'],
    '@type': ENTITY_TYPE[e.kind],
    name: e.name,
    sameAs: list(e.sameAs),
  });
}

function mediaNode(
  m: Media,
  ctx: {
    id: IdOf;
    article: JsonLdReference;
    source: (id: string | undefined) => JsonLdReference | undefined;
  },
): JsonLdNode {
  return compact({
    '@id': ctx.id('media', m.id)['@id'],
    '@type': MEDIA_TYPE[m.kind],
    contentUrl: m.url,
    url: m.url,
    caption: m.caption,
    description: m.alt,
    creditText: m.credit,
    creator: ctx.source(m.creator),
    copyrightNotice: m.copyright,
    isPartOf: ctx.article,
  });
}

/** The node of an utterance: a statement, or every piece of a quotation in pieces, as one. */
function statementNode(
  story: Story,
  utterance: Utterance,
  ctx: {
    id: IdOf;
    article: JsonLdReference;
    source: (id: string | null | undefined) => JsonLdReference | undefined;
    statement: (id: string) => JsonLdReference;
  },
): JsonLdNode {
  const { attribution } = utterance;
  const speaker = ctx.source(utterance.speaker);
  const quotation = utterance.kind !== 'indirect';
  const index = storyIndex(story);
  const cited = new Set<string>();
  const figures: JsonLdReference[] = [];
  for (const piece of utterance.pieces) {
    for (const r of index.relations.get(piece.id) ?? []) {
      const to = ctx.statement(r.to)['@id'];
      if (r.kind === 'cites' && r.from === piece.id && to !== ctx.statement(piece.id)['@id'])
        cited.add(to);
    }
    for (const f of index.figuresByStatement.get(piece.id) ?? [])
      figures.push(ctx.id('figure', f.id));
  }
  return compact({
    '@id': ctx.id('statement', utterance.id)['@id'],
    // schema.org: a Quotation is a creative work quoted from its creator; a Claim is a factual
    // assertion that appears in a work, which is what a reported (indirect) statement is.
    '@type': quotation ? 'Quotation' : 'Claim',
    // The pieces' texts joined as core joins them, without the writer's words between them.
    text: utterance.text,
    creator: quotation ? speaker : undefined,
    author: quotation ? undefined : speaker,
    isPartOf: quotation ? ctx.article : undefined,
    appearance: quotation ? undefined : ctx.article,
    dateCreated: attribution.date,
    description: attributionText(story, utterance),
    // The topic is free text; schema.org's `about` takes a Thing, so it becomes a named Thing.
    about: utterance.topic === undefined ? undefined : { '@type': 'Thing', name: utterance.topic },
    citation: list([...cited].map((to) => ({ '@id': to }))),
    mentions: list(figures),
  });
}

/**
 * The attribution as a phrase: "partial quotation: said on CNN’s “State of the Union” to Jake
 * Tapper". schema.org has no property for the reporting verb, venue or recipient of a quotation.
 */
function attributionText(story: Story, statement: Utterance): string | undefined {
  const { verb, venue, recipient } = statement.attribution;
  const to = recipient ? sourceById(story, recipient)?.name : undefined;
  let phrase = verb ?? '';
  if (venue) phrase += ` on ${venue}`;
  // "told" takes its hearer directly ("told Jake Tapper"); other verbs take "to".
  if (to) phrase += verb === 'told' ? ` ${to}` : ` to ${to}`;
  phrase = phrase.trim();
  if (statement.kind === 'partial')
    return phrase ? `partial quotation: ${phrase}` : 'partial quotation';
  return phrase || undefined;
}

function figureNode(
  figure: Figure,
  ctx: {
    id: IdOf;
    article: JsonLdReference;
    entity: (id: string | undefined) => JsonLdReference | undefined;
  },
): JsonLdNode {
  const bounds = figureBounds(figure);
  return compact({
    '@id': ctx.id('figure', figure.id)['@id'],
    // schema.org: an Observation is a QuantitativeValue about an entity at a time.
    '@type': 'Observation',
    name: figure.subject,
    description: `${formatFigureValue(figure)} ${figure.measure} (${figure.subject})`,
    ...bounds,
    unitText: figure.unit,
    variableMeasured: figure.measure,
    observationDate: figure.date,
    observationAbout: ctx.entity(figure.place),
  });
}

/**
 * The value of a figure in schema.org's QuantitativeValue terms: a plain or approximate number is
 * `value`; "at least"/"more than" make it a lower bound (`minValue`), "up to"/"at most"/"less
 * than"/"nearly" an upper bound (`maxValue`); a range gives both ends.
 */
function figureBounds(figure: Figure): {
  value?: number;
  minValue?: number;
  maxValue?: number;
} {
  const { value, qualifier } = figure;
  if (typeof value !== 'number') {
    if (qualifier && LOWER_BOUND.has(qualifier)) return { minValue: value.low };
    if (qualifier && UPPER_BOUND.has(qualifier)) return { maxValue: value.high };
    return { minValue: value.low, maxValue: value.high };
  }
  if (qualifier && LOWER_BOUND.has(qualifier)) return { minValue: value };
  if (qualifier && UPPER_BOUND.has(qualifier)) return { maxValue: value };
  return { value };
}

function noteNode(
  story: Story,
  note: Note,
  ctx: { id: IdOf; article: JsonLdReference; statement: (id: string) => JsonLdReference },
): JsonLdNode {
  return compact({
    '@id': ctx.id('note', note.id)['@id'],
    // schema.org has no "editor's note" type; a Comment on the article, about the node the note
    // explains, is the closest and keeps the assertion apart from what the article says.
    '@type': 'Comment',
    text: note.text,
    about: noteTarget(story, note, ctx) ?? ctx.article,
  });
}

/** The node a note is about, from its `about` path ("statements.kerry-on-the-run.attribution"). */
function noteTarget(
  story: Story,
  note: Note,
  ctx: { id: IdOf; statement: (id: string) => JsonLdReference },
): JsonLdReference | undefined {
  const [collection, itemId] = (note.about ?? '').split('.');
  const kinds = {
    statements: ['statement', story.statements],
    figures: ['figure', story.figures],
    sources: ['source', story.sources],
    media: ['media', story.media],
    entities: ['entity', story.entities],
  } as const;
  const target = collection ? kinds[collection as keyof typeof kinds] : undefined;
  if (!target || !itemId) return undefined;
  const [kind, items] = target;
  if (!items.some((item) => item.id === itemId)) return undefined;
  // A note about a later piece of a quotation is about the one node of the whole quotation.
  return kind === 'statement' ? ctx.statement(itemId) : ctx.id(kind, itemId);
}

function withoutFragment(iri: string): string {
  const hash = iri.indexOf('#');
  return hash === -1 ? iri : iri.slice(0, hash);
}

/** A repeatable property's value: absent when empty, otherwise always an array. */
function list<T extends JsonLdValue>(items: readonly T[]): readonly T[] | undefined {
  return items.length === 0 ? undefined : items;
}

/** The node without its `undefined` properties, so that absent fields do not appear at all. */
function compact(node: Record<string, JsonLdValue | undefined>): JsonLdNode {
  return Object.fromEntries(
    Object.entries(node).filter(([, value]) => value !== undefined),
  ) as unknown as JsonLdNode;
}
