/**
 * The storykit model, defined once with zod so that the static types, the runtime
 * checks and the JSON Schema of the curated file format cannot drift apart.
 *
 * Two shapes share most of their parts:
 * - the *resolved* {@link storySchema} (what `loadStory` returns and `story.json` holds), whose
 *   statements and figures point into the body with `{ block, start, end }` spans;
 * - the *curated* {@link storyFileSchema} (what editors write in `story.yaml`), whose statements
 *   and figures are anchored by the text they quote, never by hand-written offsets.
 */
import * as z from 'zod/mini';

// zod's functional build (`zod/mini`): a bundle keeps only the schema kinds and checks used here,
// and no locale is loaded — `zod`'s classic entry configures the English messages and pulls every
// locale into a browser bundle. The messages readers see are written in zod-issues.ts.

/** `schema` with a description, which the JSON Schema of the file format carries. */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}

/** An identifier: lowercase letters, digits and dashes, starting with a letter or digit. */
export const idSchema = described(
  z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and dashes')),
  'An identifier: lowercase letters, digits and dashes, unique within its kind.',
);

/**
 * An ISO 8601 date, possibly partial: `2016`, `2016-07`, `2016-07-17`, or a full date-time with
 * an offset (`2016-07-18T09:30:00-04:00`). A day must exist in the calendar (`2024-02-30` does not;
 * `2024-02-29` does), since every generator reads the date as a day of the proleptic Gregorian
 * calendar (ISO 8601 §4.3.2).
 */
export const partialDateSchema = described(
  z
    .string()
    .check(
      z.regex(
        /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?)?)?$/,
        'an ISO 8601 date such as 2016, 2016-07, 2016-07-17 or 2016-07-17T10:00:00Z',
      ),
      z.refine(isCalendarDay, 'a day that exists in the calendar (2024-02-29, not 2024-02-30)'),
    ),
  'An ISO 8601 date, possibly partial (2016, 2016-07, 2016-07-17) or a date-time.',
);

/** Whether the day of an ISO 8601 date (if it names one) exists: 30 February does not. */
function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return true;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * The address of a page or file readers open: an absolute `http:` or `https:` URL. Other schemes
 * (`javascript:`, `data:`, `file:`) would reach `<link rel="canonical">`, feed links and JSON-LD
 * `url`, where a reader's click runs or reads them; the feeds accept only these two.
 */
const webUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'an absolute http: or https: URL',
});

/** An address that identifies someone elsewhere: `http:`, `https:` or `mailto:`, nothing else. */
const linkUrlSchema = z.url({
  protocol: /^(https?|mailto)$/,
  error: 'an absolute http:, https: or mailto: URL',
});

const text = z.string().check(z.minLength(1, 'a non-empty text'));

/** A character offset: a whole number, zero or more. */
const offset = z.number().check(z.int(), z.nonnegative());

/** How sure an extractor is, from 0 to 1. */
const confidence = z.number().check(z.gte(0), z.lte(1));

/** Where a statement or figure sits: character offsets into one body block's plain text. */
export const spanSchema = described(
  z.strictObject({
    block: described(idSchema, 'The id of the body block the span lies in.'),
    start: described(offset, 'Offset of the first character (UTF-16 units).'),
    end: described(offset, 'Offset just past the last character.'),
  }),
  'Character offsets into one body block, end exclusive.',
);

/**
 * A text-quote anchor (the W3C Web Annotation TextQuoteSelector idea): the exact text, and when it
 * repeats, the text just before or after it, an occurrence number, or the block to look in.
 */
export const anchorSchema = z.union([
  described(text, 'The exact text to find in the body; it must occur once.'),
  z.strictObject({
    exact: described(text, 'The exact text to find in the body.'),
    prefix: described(z.optional(z.string()), 'Text that must come right before `exact`.'),
    suffix: described(z.optional(z.string()), 'Text that must come right after `exact`.'),
    occurrence: described(
      z.optional(z.number().check(z.int(), z.positive())),
      'Which match to take, counting from 1, when the text repeats.',
    ),
    block: described(z.optional(idSchema), 'Only look in this block (p1, p2, …).'),
  }),
]);

/** One block of the article body, with a stable id and its plain text. */
export const blockSchema = z.strictObject({
  id: described(idSchema, 'The stable id of the block: p1, p2, … in reading order.'),
  kind: described(
    z.enum(['paragraph', 'heading', 'quote']),
    'What the block is: a paragraph, a heading or a block quotation.',
  ),
  text: described(text, 'The plain text of the block; spans point into it.'),
  depth: described(
    z.optional(z.number().check(z.int(), z.gte(1), z.lte(6))),
    'The heading level, for headings only.',
  ),
});

/** A picture or other media item that ships with the article. */
export const mediaSchema = z.strictObject({
  id: idSchema,
  kind: described(z.enum(['image', 'video', 'audio']), 'What the media item is.'),
  url: described(z.optional(webUrlSchema), 'Where the published media item lives.'),
  path: described(
    z.optional(z.string()),
    'A local file of the media item, relative to the story folder.',
  ),
  caption: described(z.optional(z.string()), 'The caption as printed with the media item.'),
  credit: described(z.optional(z.string()), 'The credit line as printed ("Jane Doe/AP").'),
  creator: described(z.optional(idSchema), 'The source id of who made it (the photographer).'),
  copyright: described(z.optional(z.string()), 'The copyright notice, when the article gives one.'),
  alt: described(z.optional(z.string()), 'A text alternative describing what it shows.'),
});

/** Someone (or some body) the article quotes, cites or names as the origin of information. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  kind: described(
    z.enum(['person', 'organization', 'anonymous']),
    'A named person, a named organisation, or a source the article does not name.',
  ),
  name: described(
    text,
    'The name as the article gives it, or for an anonymous source a description ("an intelligence official in Washington").',
  ),
  role: described(
    z.optional(z.string()),
    'The role or title the article gives ("US Secretary of State").',
  ),
  affiliation: described(z.optional(idSchema), 'The source id of the organisation they belong to.'),
  sameAs: described(
    z._default(z.array(linkUrlSchema), []),
    'URLs that identify the same source elsewhere (Wikidata, an official page).',
  ),
  confidence: described(z.optional(confidence), 'How sure an extractor is (0–1).'),
});

/** A place, organisation, group, person or event the article is about but does not quote. */
export const entitySchema = z.strictObject({
  id: idSchema,
  kind: described(
    z.enum(['place', 'organization', 'group', 'person', 'event']),
    'What the entity is.',
  ),
  name: described(text, 'The name as the article gives it.'),
  sameAs: described(
    z._default(z.array(linkUrlSchema), []),
    'URLs that identify the same entity elsewhere.',
  ),
});

/** How a statement reached the article: the reporting verb, where, to whom, when. */
export const attributionSchema = z.strictObject({
  verb: described(
    z.optional(z.string()),
    'The reporting verb as written ("said", "told", "noted").',
  ),
  venue: described(
    z.optional(z.string()),
    'Where it was said, as the article names it ("CNN\'s “State of the Union”").',
  ),
  medium: described(
    z.optional(
      z.enum([
        'interview',
        'tv',
        'radio',
        'print',
        'online',
        'press-conference',
        'statement',
        'other',
      ]),
    ),
    'The channel the statement went through.',
  ),
  recipient: described(
    z.optional(idSchema),
    'The source id of whom it was said to ("told the Monitor\'s Scott Peterson").',
  ),
  date: described(z.optional(partialDateSchema), 'When it was said, when the article says so.'),
});

const statementFields = {
  id: idSchema,
  kind: described(
    z.enum(['direct', 'partial', 'indirect']),
    'A direct quotation, a partial quotation, or an indirect (paraphrased) claim.',
  ),
  text: described(
    text,
    'For quotations the quoted words verbatim; for indirect claims the words of the article that carry the claim.',
  ),
  speaker: described(
    z.nullable(idSchema),
    'The source id of who said it, or null for the article’s own voice.',
  ),
  attribution: z._default(attributionSchema, {}),
  topic: described(z.optional(z.string()), 'What the statement is about, in a few words.'),
  confidence: described(z.optional(confidence), 'How sure an extractor is (0–1).'),
};

/** A range of values, as in "40 to 45 percent". */
export const rangeSchema = z.strictObject({
  low: described(z.number(), 'The lower end of the range.'),
  high: described(z.number(), 'The upper end of the range.'),
});

const figureFields = {
  id: idSchema,
  value: described(z.union([z.number(), rangeSchema]), 'The number, or a { low, high } range.'),
  qualifier: described(
    z.optional(
      z.enum(['at least', 'about', 'more than', 'less than', 'up to', 'at most', 'nearly']),
    ),
    'How the article hedges the number.',
  ),
  unit: described(text, 'What the number is measured in ("people", "percent", "miles", "troops").'),
  measure: described(text, 'What is counted or measured ("killed", "territory lost").'),
  subject: described(text, 'What the number is about ("Nice attack").'),
  date: described(
    z.optional(partialDateSchema),
    'When the number holds, when the article says so.',
  ),
  place: described(z.optional(idSchema), 'The entity id of the place the number is about.'),
  statement: described(
    z.optional(idSchema),
    'The statement id, when the number is said inside one.',
  ),
  source: described(z.optional(idSchema), 'The source id the number comes from.'),
  confidence: described(z.optional(confidence), 'How sure an extractor is (0–1).'),
};

/** A typed link between two statements. */
export const relationSchema = z.strictObject({
  kind: described(
    z.enum(['disputes', 'supports', 'responds-to', 'cites', 'continues']),
    'How the first statement bears on the second; `continues`: it is a later piece of the same utterance (“A,” he said, “B.”).',
  ),
  from: described(idSchema, 'The statement id that disputes, supports, responds or cites.'),
  to: described(idSchema, 'The statement id it bears on.'),
  note: described(z.optional(z.string()), 'Why the editor links the two, in a sentence.'),
});

/** An editor's assertion that the article text does not carry, kept apart from what it says. */
export const noteSchema = z.strictObject({
  id: idSchema,
  about: described(
    z.optional(z.string()),
    'The field the note explains, as a path ("published", "statements.s1.attribution.date").',
  ),
  text: described(text, 'What the editor asserts, and on what grounds.'),
});

const storyFields = {
  id: described(idSchema, 'The story slug.'),
  headline: described(text, 'The headline as published.'),
  dek: described(z.optional(z.string()), 'The standfirst under the headline.'),
  language: described(
    z
      .string()
      .check(
        z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or en-US'),
      ),
    'The language of the article, as a BCP 47 tag.',
  ),
  url: described(z.optional(webUrlSchema), 'Where the article is published.'),
  publisher: described(z.optional(idSchema), 'The source id of the publishing organisation.'),
  authors: described(z._default(z.array(idSchema), []), 'The source ids of the bylined authors.'),
  published: described(z.optional(partialDateSchema), 'When the article was first published.'),
  modified: described(z.optional(partialDateSchema), 'When the article was last changed.'),
  section: described(z.optional(z.string()), 'The section it ran in.'),
  keywords: described(z._default(z.array(text), []), 'Subject keywords.'),
  media: z._default(z.array(mediaSchema), []),
  sources: z._default(z.array(sourceSchema), []),
  entities: z._default(z.array(entitySchema), []),
  relations: z._default(z.array(relationSchema), []),
  notes: z._default(z.array(noteSchema), []),
  draft: described(
    z.optional(z.boolean()),
    'True while the model is an unreviewed draft (as an extractor makes it); outputs then say so. An editor removes it once the model is reviewed.',
  ),
};

/** A statement of the resolved model, located by a span. */
export const statementSchema = z.strictObject({ ...statementFields, span: spanSchema });

/** A figure of the resolved model, located by a span. */
export const figureSchema = z.strictObject({ ...figureFields, span: spanSchema });

/** The resolved story: body blocks, and spans instead of anchors. */
export const storySchema = z.strictObject({
  ...storyFields,
  body: z.array(blockSchema).check(z.minLength(1, 'at least one body block')),
  statements: z._default(z.array(statementSchema), []),
  figures: z._default(z.array(figureSchema), []),
});

/** Where the curated file takes its body from: a text file, cut to the article proper. */
export const bodyFromFileSchema = z.strictObject({
  file: described(text, 'The text file, relative to the story file (usually article.txt).'),
  first: described(
    text,
    'The start of the first body paragraph; paragraphs before it are not body.',
  ),
  last: described(
    text,
    'The end of the last body paragraph; what follows (paywall lines, offers) is boilerplate.',
  ),
});

/** The curated story file (`story.yaml`): like the resolved story, anchored by quoted text. */
export const storyFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  ...storyFields,
  body: z.union([
    z.array(z.partial(blockSchema, { id: true, kind: true })).check(z.minLength(1)),
    bodyFromFileSchema,
  ]),
  statements: z._default(
    z.array(
      z.strictObject({
        ...statementFields,
        anchor: described(
          z.optional(anchorSchema),
          'Where the statement is; quotations default to their own text.',
        ),
      }),
    ),
    [],
  ),
  figures: z._default(
    z.array(
      z.strictObject({
        ...figureFields,
        anchor: described(anchorSchema, 'Where the number is written, e.g. "at least 84".'),
      }),
    ),
    [],
  ),
});
