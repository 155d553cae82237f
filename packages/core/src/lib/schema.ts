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
import { z } from 'zod';

/** An identifier: lowercase letters, digits and dashes, starting with a letter or digit. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and dashes')
  .describe('An identifier: lowercase letters, digits and dashes, unique within its kind.');

/**
 * An ISO 8601 date, possibly partial: `2016`, `2016-07`, `2016-07-17`, or a full date-time with
 * an offset (`2016-07-18T09:30:00-04:00`). A day must exist in the calendar (`2024-02-30` does not;
 * `2024-02-29` does), since every generator reads the date as a day of the proleptic Gregorian
 * calendar (ISO 8601 §4.3.2).
 */
export const partialDateSchema = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?)?)?$/,
    'an ISO 8601 date such as 2016, 2016-07, 2016-07-17 or 2016-07-17T10:00:00Z',
  )
  .refine(isCalendarDay, 'a day that exists in the calendar (2024-02-29, not 2024-02-30)')
  .describe('An ISO 8601 date, possibly partial (2016, 2016-07, 2016-07-17) or a date-time.');

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

const text = z.string().min(1, 'a non-empty text');

/** Where a statement or figure sits: character offsets into one body block's plain text. */
export const spanSchema = z
  .object({
    block: idSchema.describe('The id of the body block the span lies in.'),
    start: z.number().int().nonnegative().describe('Offset of the first character (UTF-16 units).'),
    end: z.number().int().nonnegative().describe('Offset just past the last character.'),
  })
  .strict()
  .describe('Character offsets into one body block, end exclusive.');

/**
 * A text-quote anchor (the W3C Web Annotation TextQuoteSelector idea): the exact text, and when it
 * repeats, the text just before or after it, an occurrence number, or the block to look in.
 */
export const anchorSchema = z.union([
  text.describe('The exact text to find in the body; it must occur once.'),
  z
    .object({
      exact: text.describe('The exact text to find in the body.'),
      prefix: z.string().optional().describe('Text that must come right before `exact`.'),
      suffix: z.string().optional().describe('Text that must come right after `exact`.'),
      occurrence: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('Which match to take, counting from 1, when the text repeats.'),
      block: idSchema.optional().describe('Only look in this block (p1, p2, …).'),
    })
    .strict(),
]);

/** One block of the article body, with a stable id and its plain text. */
export const blockSchema = z
  .object({
    id: idSchema.describe('The stable id of the block: p1, p2, … in reading order.'),
    kind: z
      .enum(['paragraph', 'heading', 'quote'])
      .describe('What the block is: a paragraph, a heading or a block quotation.'),
    text: text.describe('The plain text of the block; spans point into it.'),
    depth: z
      .number()
      .int()
      .min(1)
      .max(6)
      .optional()
      .describe('The heading level, for headings only.'),
  })
  .strict();

/** A picture or other media item that ships with the article. */
export const mediaSchema = z
  .object({
    id: idSchema,
    kind: z.enum(['image', 'video', 'audio']).describe('What the media item is.'),
    url: webUrlSchema.optional().describe('Where the published media item lives.'),
    path: z
      .string()
      .optional()
      .describe('A local file of the media item, relative to the story folder.'),
    caption: z.string().optional().describe('The caption as printed with the media item.'),
    credit: z.string().optional().describe('The credit line as printed ("Jane Doe/AP").'),
    creator: idSchema.optional().describe('The source id of who made it (the photographer).'),
    copyright: z.string().optional().describe('The copyright notice, when the article gives one.'),
    alt: z.string().optional().describe('A text alternative describing what it shows.'),
  })
  .strict();

/** Someone (or some body) the article quotes, cites or names as the origin of information. */
export const sourceSchema = z
  .object({
    id: idSchema,
    kind: z
      .enum(['person', 'organization', 'anonymous'])
      .describe('A named person, a named organisation, or a source the article does not name.'),
    name: text.describe(
      'The name as the article gives it, or for an anonymous source a description ("an intelligence official in Washington").',
    ),
    role: z
      .string()
      .optional()
      .describe('The role or title the article gives ("US Secretary of State").'),
    affiliation: idSchema.optional().describe('The source id of the organisation they belong to.'),
    sameAs: z
      .array(linkUrlSchema)
      .default([])
      .describe('URLs that identify the same source elsewhere (Wikidata, an official page).'),
    confidence: z.number().min(0).max(1).optional().describe('How sure an extractor is (0–1).'),
  })
  .strict();

/** A place, organisation, group, person or event the article is about but does not quote. */
export const entitySchema = z
  .object({
    id: idSchema,
    kind: z
      .enum(['place', 'organization', 'group', 'person', 'event'])
      .describe('What the entity is.'),
    name: text.describe('The name as the article gives it.'),
    sameAs: z
      .array(linkUrlSchema)
      .default([])
      .describe('URLs that identify the same entity elsewhere.'),
  })
  .strict();

/** How a statement reached the article: the reporting verb, where, to whom, when. */
export const attributionSchema = z
  .object({
    verb: z
      .string()
      .optional()
      .describe('The reporting verb as written ("said", "told", "noted").'),
    venue: z
      .string()
      .optional()
      .describe('Where it was said, as the article names it ("CNN\'s “State of the Union”").'),
    medium: z
      .enum([
        'interview',
        'tv',
        'radio',
        'print',
        'online',
        'press-conference',
        'statement',
        'other',
      ])
      .optional()
      .describe('The channel the statement went through.'),
    recipient: idSchema
      .optional()
      .describe('The source id of whom it was said to ("told the Monitor\'s Scott Peterson").'),
    date: partialDateSchema.optional().describe('When it was said, when the article says so.'),
  })
  .strict();

const statementFields = {
  id: idSchema,
  kind: z
    .enum(['direct', 'partial', 'indirect'])
    .describe('A direct quotation, a partial quotation, or an indirect (paraphrased) claim.'),
  text: text.describe(
    'For quotations the quoted words verbatim; for indirect claims the words of the article that carry the claim.',
  ),
  speaker: idSchema
    .nullable()
    .describe('The source id of who said it, or null for the article’s own voice.'),
  attribution: attributionSchema.default({}),
  topic: z.string().optional().describe('What the statement is about, in a few words.'),
  confidence: z.number().min(0).max(1).optional().describe('How sure an extractor is (0–1).'),
};

/** A range of values, as in "40 to 45 percent". */
export const rangeSchema = z
  .object({
    low: z.number().describe('The lower end of the range.'),
    high: z.number().describe('The upper end of the range.'),
  })
  .strict();

const figureFields = {
  id: idSchema,
  value: z.union([z.number(), rangeSchema]).describe('The number, or a { low, high } range.'),
  qualifier: z
    .enum(['at least', 'about', 'more than', 'less than', 'up to', 'at most', 'nearly'])
    .optional()
    .describe('How the article hedges the number.'),
  unit: text.describe('What the number is measured in ("people", "percent", "miles", "troops").'),
  measure: text.describe('What is counted or measured ("killed", "territory lost").'),
  subject: text.describe('What the number is about ("Nice attack").'),
  date: partialDateSchema.optional().describe('When the number holds, when the article says so.'),
  place: idSchema.optional().describe('The entity id of the place the number is about.'),
  statement: idSchema.optional().describe('The statement id, when the number is said inside one.'),
  source: idSchema.optional().describe('The source id the number comes from.'),
  confidence: z.number().min(0).max(1).optional().describe('How sure an extractor is (0–1).'),
};

/** A typed link between two statements. */
export const relationSchema = z
  .object({
    kind: z
      .enum(['disputes', 'supports', 'responds-to', 'cites', 'continues'])
      .describe(
        'How the first statement bears on the second; `continues`: it is a later piece of the same utterance (“A,” he said, “B.”).',
      ),
    from: idSchema.describe('The statement id that disputes, supports, responds or cites.'),
    to: idSchema.describe('The statement id it bears on.'),
    note: z.string().optional().describe('Why the editor links the two, in a sentence.'),
  })
  .strict();

/** An editor's assertion that the article text does not carry, kept apart from what it says. */
export const noteSchema = z
  .object({
    id: idSchema,
    about: z
      .string()
      .optional()
      .describe(
        'The field the note explains, as a path ("published", "statements.s1.attribution.date").',
      ),
    text: text.describe('What the editor asserts, and on what grounds.'),
  })
  .strict();

const storyFields = {
  id: idSchema.describe('The story slug.'),
  headline: text.describe('The headline as published.'),
  dek: z.string().optional().describe('The standfirst under the headline.'),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or en-US')
    .describe('The language of the article, as a BCP 47 tag.'),
  url: webUrlSchema.optional().describe('Where the article is published.'),
  publisher: idSchema.optional().describe('The source id of the publishing organisation.'),
  authors: z.array(idSchema).default([]).describe('The source ids of the bylined authors.'),
  published: partialDateSchema.optional().describe('When the article was first published.'),
  modified: partialDateSchema.optional().describe('When the article was last changed.'),
  section: z.string().optional().describe('The section it ran in.'),
  keywords: z.array(text).default([]).describe('Subject keywords.'),
  media: z.array(mediaSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  entities: z.array(entitySchema).default([]),
  relations: z.array(relationSchema).default([]),
  notes: z.array(noteSchema).default([]),
  draft: z
    .boolean()
    .optional()
    .describe(
      'True while the model is an unreviewed draft (as an extractor makes it); outputs then say so. An editor removes it once the model is reviewed.',
    ),
};

/** A statement of the resolved model, located by a span. */
export const statementSchema = z.object({ ...statementFields, span: spanSchema }).strict();

/** A figure of the resolved model, located by a span. */
export const figureSchema = z.object({ ...figureFields, span: spanSchema }).strict();

/** The resolved story: body blocks, and spans instead of anchors. */
export const storySchema = z
  .object({
    ...storyFields,
    body: z.array(blockSchema).min(1, 'at least one body block'),
    statements: z.array(statementSchema).default([]),
    figures: z.array(figureSchema).default([]),
  })
  .strict();

/** Where the curated file takes its body from: a text file, cut to the article proper. */
export const bodyFromFileSchema = z
  .object({
    file: text.describe('The text file, relative to the story file (usually article.txt).'),
    first: text.describe(
      'The start of the first body paragraph; paragraphs before it are not body.',
    ),
    last: text.describe(
      'The end of the last body paragraph; what follows (paywall lines, offers) is boilerplate.',
    ),
  })
  .strict();

/** The curated story file (`story.yaml`): like the resolved story, anchored by quoted text. */
export const storyFileSchema = z
  .object({
    $schema: z.string().optional(),
    ...storyFields,
    body: z.union([
      z.array(blockSchema.partial({ id: true, kind: true })).min(1),
      bodyFromFileSchema,
    ]),
    statements: z
      .array(
        z
          .object({
            ...statementFields,
            anchor: anchorSchema
              .optional()
              .describe('Where the statement is; quotations default to their own text.'),
          })
          .strict(),
      )
      .default([]),
    figures: z
      .array(
        z
          .object({
            ...figureFields,
            anchor: anchorSchema.describe('Where the number is written, e.g. "at least 84".'),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
