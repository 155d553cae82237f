import type { z } from 'zod';
import type {
  anchorSchema,
  attributionSchema,
  blockSchema,
  entitySchema,
  figureSchema,
  mediaSchema,
  noteSchema,
  rangeSchema,
  relationSchema,
  sourceSchema,
  spanSchema,
  statementSchema,
  storyFileSchema,
  storySchema,
} from './schema.js';

/** Makes every property and array of `T` read-only, all the way down. */
export type Immutable<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyArray<infer U>
    ? ReadonlyArray<Immutable<U>>
    : T extends object
      ? { readonly [K in keyof T]: Immutable<T[K]> }
      : T;

/** Character offsets `[start, end)` into the plain text of one {@link Block}. */
export type Span = Immutable<z.output<typeof spanSchema>>;
/** A text-quote anchor in the curated file: the exact text, or `{ exact, prefix, suffix, occurrence, block }`. */
export type Anchor = Immutable<z.output<typeof anchorSchema>>;
/** One block of the body (`p1`, `p2`, …): a paragraph, heading or block quotation. */
export type Block = Immutable<z.output<typeof blockSchema>>;
/** A picture (or other media item) with its caption and credit. */
export type Media = Immutable<z.output<typeof mediaSchema>>;
/** A person, organisation or anonymous source, with role and affiliation. */
export type Source = Immutable<z.output<typeof sourceSchema>>;
/** A place, organisation, group, person or event the article is about. */
export type Entity = Immutable<z.output<typeof entitySchema>>;
/** How a {@link Statement} reached the article: verb, venue, medium, recipient, date. */
export type Attribution = Immutable<z.output<typeof attributionSchema>>;
/** Who said what: a direct or partial quotation, or an indirect claim, located by a {@link Span}. */
export type Statement = Immutable<z.output<typeof statementSchema>>;
/** A `{ low, high }` range of values. */
export type Range = Immutable<z.output<typeof rangeSchema>>;
/** A number the article gives, with its unit and what it counts, located by a {@link Span}. */
export type Figure = Immutable<z.output<typeof figureSchema>>;
/** A typed link between two statements (`disputes`, `supports`, `responds-to`, `cites`). */
export type Relation = Immutable<z.output<typeof relationSchema>>;
/** An editor's assertion the text does not carry. */
export type Note = Immutable<z.output<typeof noteSchema>>;
/** The resolved, validated model of one article: what every generator takes. */
export type Story = Immutable<z.output<typeof storySchema>>;
/** The curated file as an editor writes it (`story.yaml`), before anchors are resolved. */
export type StoryFile = z.input<typeof storyFileSchema>;

/** The kind of a {@link Statement}. */
export type StatementKind = Statement['kind'];
/** The kind of a {@link Source}. */
export type SourceKind = Source['kind'];
/** The kind of a {@link Relation}. */
export type RelationKind = Relation['kind'];
/** The hedge on a {@link Figure}'s value ("at least", "about", …). */
export type Qualifier = NonNullable<Figure['qualifier']>;
