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
import { detectLanguage, isEnglish, languageName } from './detect-language.js';
import type { DocumentParser } from './html/document.js';
import { parseHtml } from './html/parse-page.js';
import { loadLanguage } from './language.js';
import { assertText } from './not-text.js';
import { type ParsedArticle, parseMarkdown, parseText } from './parse.js';
import { attribute } from './plugins/attribution.js';
import { creditOf } from './plugins/boilerplate.js';
import { findFigures } from './plugins/figures.js';
import { findClaims, findQuotes } from './plugins/quotes.js';
import { parseSpeaker, SourceRegistry, slug } from './plugins/sources.js';

/** Options for {@link fromText}, {@link fromMarkdown} and {@link fromHtml}. */
export interface ExtractOptions {
  /** The story id; default a slug of the headline. */
  readonly id?: string;
  /**
   * The article's language as a BCP 47 tag; default the page's (`<html lang>`, its metadata),
   * else what a check of the text's script and commonest words finds, else `'en'`. The rules
   * read English: in another language the draft has its body and metadata, no statements or
   * figures, and a note saying why.
   */
  readonly language?: string;
  /** The file the text came from, named in notes and errors; default none. */
  readonly file?: string;
  /**
   * Makes the DOM an HTML page is read with; default the platform's `DOMParser` where there is
   * one (browsers), else linkedom (Node.js). Pass jsdom's, or any other, to use that instead.
   */
  readonly parseDocument?: DocumentParser;
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
  assertText(text, options.file);
  await loadLanguage();
  return draftFrom(await parseText(text), options);
}

/** A draft story from Markdown (CommonMark); a `#` heading is the headline, an emphasised first paragraph the standfirst. */
export async function fromMarkdown(markdown: string, options: ExtractOptions = {}): Promise<Story> {
  assertText(markdown, options.file);
  await loadLanguage();
  return draftFrom(await parseMarkdown(markdown), options);
}

/**
 * A draft story from an HTML page, as text or as its bytes (then decoded by the page's BOM or
 * `<meta charset>`, else as UTF-8, else windows-1252): the article by Mozilla Readability, the
 * headline, standfirst, authors, publisher, dates, canonical URL, language, section, keywords and
 * lead image from the page's metadata (JSON-LD, OpenGraph, Dublin Core, markup), `<figure>`s as
 * media; where the metadata disagree, a note.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { fromHtml } from '@storykit/extract';
 *
 * const draft = await fromHtml(readFileSync('fixtures/flood-warning/article.html'));
 * draft.headline; // 'Kessel River flood warning: 1,800 told to leave as crest nears 27.5 feet'
 * ```
 */
export async function fromHtml(
  html: string | Uint8Array,
  options: ExtractOptions = {},
): Promise<Story> {
  if (typeof html === 'string') assertText(html, options.file);
  await loadLanguage();
  return draftFrom(await parseHtml(html, options.parseDocument, options.file), options);
}

/** A draft from text in the given format. */
export function extract(
  input: string | Uint8Array,
  format: ExtractFormat,
  options: ExtractOptions = {},
): Promise<Story> {
  if (format === 'html') return fromHtml(input, options);
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  return format === 'md' ? fromMarkdown(text, options) : fromText(text, options);
}

function draftFrom(parsed: ParsedArticle, options: ExtractOptions): Story {
  const notes: Note[] = [...(parsed.page?.notes ?? []), ...(parsed.page?.metadata.notes ?? [])];
  const page = parsed.page?.metadata;
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
  // A page's metadata names them first; the names are taken as the page writes them.
  const authors = page?.authors.length
    ? page.authors.map((a) =>
        a.kind === 'organization'
          ? registry.organization(a.name, 0.8)
          : registry.person(a.name, {}, 0.8),
      )
    : (parsed.byline?.authors ?? [])
        .map((name) => parseSpeaker(name))
        .filter((p) => p?.type === 'person')
        .map((p) => registry.add(p as NonNullable<typeof p>, 0.8) as string);
  const publisherName = page?.publisher ?? parsed.byline?.organization;
  const publisher = publisherName ? registry.organization(publisherName, 0.7) : undefined;
  for (const id of authors)
    if (publisher) registry.describe(id, 'reporter', parsed.byline?.organization);

  // The rules read English: over another language they would find false quotations and miss
  // the real ones, so a text in another language gets its body and metadata only.
  const declared = options.language ?? page?.language;
  const detected = detectLanguage(parsed.blocks.map((b) => b.text).join('\n'));
  const language = declared ?? detected ?? 'en';
  const english = isEnglish(language) && (detected === undefined || isEnglish(detected));
  if (!english)
    notes.push({
      id: 'language',
      about: 'statements',
      text: `The article reads as ${languageName(detected && !isEnglish(detected) ? detected : language)} (${declared && !isEnglish(declared) ? `the page says ${declared}` : 'by the words it uses'}); the extraction rules read English only, so statements and figures are left for an editor.`,
    });
  const quotes = english ? findQuotes(parsed.blocks) : [];
  const claims = english ? findClaims(parsed.blocks, quotes) : [];
  const { statements, relations } = attribute(parsed.blocks, quotes, claims, registry);
  registry.completeNames(parsed.blocks.map((b) => b.text));
  const inside = statementAround(statements);
  const figures = english
    ? findFigures(parsed.blocks).map((figure) => linkFigure(figure, inside(figure)))
    : [];

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
    language,
    ...(page?.url ? { url: page.url } : {}),
    ...(publisher ? { publisher } : {}),
    ...((page?.published ?? parsed.byline?.date)
      ? { published: page?.published ?? parsed.byline?.date }
      : {}),
    ...(page?.modified ? { modified: page.modified } : {}),
    ...(page?.section ? { section: page.section } : {}),
    authors,
    keywords: page?.keywords ?? [],
    media,
    body: parsed.blocks,
    sources,
    entities: [],
    statements,
    figures,
    relations,
    notes,
    // Until an editor reviews it, the model says it is a draft and every output repeats it.
    draft: true,
  };
  const story = dropInvalid(draft);
  // The rules make only what the model accepts; should one still slip, fail loudly, not quietly.
  const issues = validateStory(story, options.file ? { file: options.file } : {});
  if (issues.length > 0) throw new StoryValidationError(issues);
  return deepFreeze(story);
}

/**
 * A lookup of the first statement (in reading order) whose span holds a figure's span. The
 * statements of a block, sorted by start, with the running maximum of their ends: the first one
 * that reaches past the figure's end is found by binary search, and it holds the figure when it
 * starts at or before it — a constant number of steps per figure, not a walk over every statement.
 */
function statementAround(
  statements: readonly Statement[],
): (figure: Figure) => Statement | undefined {
  const byBlock = new Map<string, { list: Statement[]; reach: number[] }>();
  for (const s of statements) {
    let entry = byBlock.get(s.span.block);
    if (!entry) {
      entry = { list: [], reach: [] };
      byBlock.set(s.span.block, entry);
    }
    entry.list.push(s);
  }
  for (const entry of byBlock.values()) {
    // `attribute` returns reading order; sort again so the lookup does not depend on it.
    entry.list.sort((a, b) => a.span.start - b.span.start);
    let reach = -1;
    for (const s of entry.list) {
      reach = Math.max(reach, s.span.end);
      entry.reach.push(reach);
    }
  }
  return (figure) => {
    const entry = byBlock.get(figure.span.block);
    if (!entry) return undefined;
    let low = 0;
    let high = entry.reach.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((entry.reach[mid] as number) >= figure.span.end) high = mid;
      else low = mid + 1;
    }
    const found = entry.list[low];
    return found && found.span.start <= figure.span.start ? found : undefined;
  };
}

/** Links a figure said inside a statement to it ("the territory … has decreased 40 to 45 percent"). */
function linkFigure(figure: Figure, inside: Statement | undefined): Figure {
  return inside
    ? { ...figure, statement: inside.id, ...(inside.speaker ? { source: inside.speaker } : {}) }
    : figure;
}

/**
 * The draft, parsed by the model's schema, without the statements and figures that break an
 * invariant: a rule that misfires loses one item, not the whole draft. Parsed once when nothing
 * is dropped (a parse of a 1 MB text's draft takes 5 % of its extraction).
 */
function dropInvalid<
  T extends { statements: Statement[]; figures: Figure[]; relations: Relation[] },
>(draft: T): Story {
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
  const unchanged =
    statements.length === draft.statements.length &&
    relations.length === draft.relations.length &&
    figures.length === draft.figures.length &&
    figures.every((f, i) => f === draft.figures[i]);
  return unchanged
    ? story
    : (storySchema.parse({ ...draft, statements, figures, relations }) as Story);
}
