import {
  checkInvariants,
  deepFreeze,
  type Figure,
  type Note,
  type Relation,
  type Source,
  type Statement,
  type Story,
  StoryValidationError,
  storySchema,
  validateStory,
} from '@storykit/core';
import { loadLanguage } from './language.js';
import { type ParsedArticle, parseHtml, parseMarkdown, parseText } from './parse.js';
import { attribute } from './plugins/attribution.js';
import { creditOf } from './plugins/boilerplate.js';
import { findFigures } from './plugins/figures.js';
import { findClaims, findQuotes } from './plugins/quotes.js';
import { parseSpeaker, SourceRegistry, slug } from './plugins/sources.js';

/** Options for {@link fromText}, {@link fromMarkdown} and {@link fromHtml}. */
export interface ExtractOptions {
  /** The story id; default a slug of the headline. */
  readonly id?: string;
  /** The article's language as a BCP 47 tag; default `'en'` (the rules read English). */
  readonly language?: string;
  /** The file the text came from, named in notes and errors; default none. */
  readonly file?: string;
}

/** The input formats {@link extract} reads. */
export type ExtractFormat = 'txt' | 'md' | 'html';

/**
 * A draft story from plain text: paragraphs split at blank lines, the headline and standfirst
 * taken from the first lines when they look like them, boilerplate and photo credits set apart,
 * then quotations and claims with their speakers, sources and figures. Every item carries a
 * `confidence` (0–1); the draft passes `validateStory` (quotes verbatim, every span resolved).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { fromText } from '@storykit/extract';
 *
 * const draft = await fromText(readFileSync('fixtures/kerry-on-the-run/article.txt', 'utf8'));
 * draft.statements[0]; // { kind: 'partial', text: 'on the run.', speaker: 'john-kerry', … }
 * ```
 */
export async function fromText(text: string, options: ExtractOptions = {}): Promise<Story> {
  await loadLanguage();
  return draftFrom(await parseText(text), options);
}

/** A draft story from Markdown (CommonMark); a `#` heading is the headline, an emphasised first paragraph the standfirst. */
export async function fromMarkdown(markdown: string, options: ExtractOptions = {}): Promise<Story> {
  await loadLanguage();
  return draftFrom(await parseMarkdown(markdown), options);
}

/** A draft story from an HTML page: `<h1>`, the standfirst, `<figure>`s and the `<article>` body. */
export async function fromHtml(html: string, options: ExtractOptions = {}): Promise<Story> {
  await loadLanguage();
  return draftFrom(await parseHtml(html), options);
}

/** A draft from text in the given format. */
export function extract(
  input: string,
  format: ExtractFormat,
  options: ExtractOptions = {},
): Promise<Story> {
  return format === 'md'
    ? fromMarkdown(input, options)
    : format === 'html'
      ? fromHtml(input, options)
      : fromText(input, options);
}

function draftFrom(parsed: ParsedArticle, options: ExtractOptions): Story {
  const notes: Note[] = [];
  if (parsed.blocks.length === 0) {
    // A story needs a body; say plainly that there was none rather than return a hollow draft.
    throw new StoryValidationError([
      {
        ...(options.file ? { file: options.file } : {}),
        path: 'body',
        message:
          'no article text found: every paragraph was empty or boilerplate; expected at least one paragraph',
      },
    ]);
  }
  let headline = parsed.headline;
  if (!headline) {
    headline = (parsed.blocks[0]?.text ?? '').split(/\s+/).slice(0, 12).join(' ');
    notes.push({
      id: 'headline-from-body',
      about: 'headline',
      text: 'The input marks no headline; the draft takes the first words of the body. Replace it.',
    });
  }
  const registry = new SourceRegistry();
  const media = parsed.media.map((m) => {
    // "Alexander Zemlianichenko/AP": the photographer, and the agency as their affiliation.
    const credit = m.credit ?? (m.caption ? creditOf(m.caption) : undefined);
    const [person, agency] = (credit ?? '').split('/').map((s) => s.trim());
    if (!person) return m;
    const phrase = parseSpeaker(person);
    if (phrase?.type !== 'person') return m;
    const creator = registry.person(
      phrase.name,
      { role: 'photographer', ...(agency ? { organization: agency } : {}) },
      0.7,
    );
    return { ...m, creator };
  });

  // The byline: the authors, the organisation they write for (taken as the publisher) and the date.
  const authors = (parsed.byline?.authors ?? [])
    .map((name) => parseSpeaker(name))
    .filter((p) => p?.type === 'person')
    .map((p) => registry.add(p as NonNullable<typeof p>, 0.8) as string);
  const publisher = parsed.byline?.organization
    ? registry.organization(parsed.byline.organization, 0.7)
    : undefined;
  for (const id of authors)
    if (publisher) registry.describe(id, 'reporter', parsed.byline?.organization);

  const quotes = findQuotes(parsed.blocks);
  const claims = findClaims(parsed.blocks, quotes);
  const { statements, relations } = attribute(parsed.blocks, quotes, claims, registry);
  registry.completeNames(parsed.blocks.map((b) => b.text));
  const figures = findFigures(parsed.blocks).map((figure) => linkFigure(figure, statements));

  const referenced = new Set<string>();
  for (const s of statements) {
    if (s.speaker) referenced.add(s.speaker);
    if (s.attribution.recipient) referenced.add(s.attribution.recipient);
  }
  for (const m of media) if (m.creator) referenced.add(m.creator);
  for (const id of authors) referenced.add(id);
  if (publisher) referenced.add(publisher);
  // Keep the sources the draft uses, and the organisations they belong to.
  const all = registry.withConfidence();
  const affiliationOf = new Map(all.map((s) => [s.id, s.affiliation]));
  for (const id of referenced) {
    // A set visits what is added while it is walked: affiliations of affiliations come along.
    const affiliation = affiliationOf.get(id);
    if (affiliation) referenced.add(affiliation);
  }
  const sources: Source[] = all.filter((s) => referenced.has(s.id));

  const draft = {
    id: options.id ?? (slug(headline) || 'draft'),
    headline,
    ...(parsed.dek ? { dek: parsed.dek } : {}),
    language: options.language ?? 'en',
    ...(publisher ? { publisher } : {}),
    ...(parsed.byline?.date ? { published: parsed.byline.date } : {}),
    authors,
    keywords: [],
    media,
    body: parsed.blocks,
    sources,
    entities: [],
    statements,
    figures,
    relations,
    notes,
  };
  const story = storySchema.parse(dropInvalid(draft)) as Story;
  // The rules make only what the model accepts; should one still slip, fail loudly, not quietly.
  const issues = validateStory(story, options.file ? { file: options.file } : {});
  if (issues.length > 0) throw new StoryValidationError(issues);
  return deepFreeze(story);
}

/** Links a figure said inside a statement to it ("the territory … has decreased 40 to 45 percent"). */
function linkFigure(figure: Figure, statements: readonly Statement[]): Figure {
  const inside = statements.find(
    (s) =>
      s.span.block === figure.span.block &&
      s.span.start <= figure.span.start &&
      s.span.end >= figure.span.end,
  );
  return inside
    ? { ...figure, statement: inside.id, ...(inside.speaker ? { source: inside.speaker } : {}) }
    : figure;
}

/**
 * The draft without the statements and figures that break an invariant: a rule that misfires
 * loses one item, not the whole draft.
 */
function dropInvalid<
  T extends { statements: Statement[]; figures: Figure[]; relations: Relation[] },
>(draft: T): T {
  const story = storySchema.parse(draft) as Story;
  const issues = checkInvariants(story, undefined, new Set());
  const bad = (kind: 'statements' | 'figures') =>
    new Set(
      issues
        .map((issue) => new RegExp(`^${kind}\\[(\\d+)\\]`).exec(issue.path)?.[1])
        .filter((i): i is string => i !== undefined)
        .map(Number),
    );
  const badStatements = bad('statements');
  const badFigures = bad('figures');
  const statements = draft.statements.filter((_, i) => !badStatements.has(i));
  const kept = new Set(statements.map((s) => s.id));
  const figures = draft.figures
    .filter((_, i) => !badFigures.has(i))
    .map((f) => {
      if (f.statement === undefined || kept.has(f.statement)) return f;
      const { statement: _statement, ...rest } = f;
      return rest;
    });
  // A piece whose neighbour was dropped no longer continues anything.
  const relations = draft.relations.filter((r) => kept.has(r.from) && kept.has(r.to));
  return { ...draft, statements, figures, relations };
}
