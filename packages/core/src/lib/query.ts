import { storyIndex } from './story-index.js';
import type { Block, Figure, Relation, Source, Span, Statement, Story } from './types.js';

/** The source with this id, or `undefined`. */
export function sourceById(story: Story, id: string | null | undefined): Source | undefined {
  return id == null ? undefined : storyIndex(story).sources.get(id);
}

/** The statement with this id, or `undefined`. */
export function statementById(story: Story, id: string | null | undefined): Statement | undefined {
  return id == null ? undefined : storyIndex(story).statements.get(id);
}

/** Every statement the source made, in article order; `null` gives the article's own voice. */
export function statementsBy(story: Story, speaker: string | null): Statement[] {
  return [...(storyIndex(story).bySpeaker.get(speaker) ?? [])];
}

/** A relation seen from one statement: the other end and which way the relation points. */
export interface RelationView {
  /** The relation itself. */
  readonly relation: Relation;
  /** `outgoing` when the statement is the relation's `from`, `incoming` when it is its `to`. */
  readonly direction: 'outgoing' | 'incoming';
  /** The statement at the other end. */
  readonly other: Statement;
}

/** The relations a statement takes part in, either end, in the order the story lists them. */
export function relationsOf(story: Story, statementId: string): RelationView[] {
  const views: RelationView[] = [];
  for (const relation of storyIndex(story).relations.get(statementId) ?? []) {
    const direction =
      relation.from === statementId
        ? 'outgoing'
        : relation.to === statementId
          ? 'incoming'
          : undefined;
    if (!direction) continue;
    const other = statementById(story, direction === 'outgoing' ? relation.to : relation.from);
    if (other) views.push({ relation, direction, other });
  }
  return views;
}

/** Options for {@link sourceLabel}. */
export interface SourceLabelOptions {
  /** Add the role ("John Kerry, US Secretary of State"); default `true`. */
  readonly role?: boolean;
  /** Add the affiliation's name when the role does not already say it; default `true`. */
  readonly affiliation?: boolean;
}

/**
 * A source's display name with its role and affiliation, as a reader wants it:
 * "Aaron Stein, analyst, Atlantic Council". Unknown ids give the id itself.
 */
export function sourceLabel(
  story: Story,
  source: Source | string,
  options: SourceLabelOptions = {},
): string {
  const resolved = typeof source === 'string' ? sourceById(story, source) : source;
  if (!resolved) return String(source);
  const parts = [resolved.name];
  if (options.role !== false && resolved.role) parts.push(resolved.role);
  const org = sourceById(story, resolved.affiliation);
  if (options.affiliation !== false && org && !(resolved.role ?? '').includes(org.name))
    parts.push(org.name);
  return parts.join(', ');
}

/** The block with this id, or `undefined`. */
export function blockById(story: Story, id: string): Block | undefined {
  return storyIndex(story).blocks.get(id);
}

/** The article text a span covers (empty when the span does not resolve). */
export function spanText(story: Story, span: Span): string {
  return blockById(story, span.block)?.text.slice(span.start, span.end) ?? '';
}

/** The 1-based paragraph number of a block, as printed in provenance marks ("¶7"); 0 if unknown. */
export function paragraphNumber(story: Story, blockId: string): number {
  return storyIndex(story).paragraphs.get(blockId) ?? 0;
}

/** A claim with the statements that support and dispute it. */
export interface ClaimDebate {
  /** The claim others respond to. */
  readonly claim: Statement;
  /** Statements that support the claim (directly, or by supporting one of its challengers' targets). */
  readonly supports: readonly Statement[];
  /** Statements that dispute the claim, or respond to it. */
  readonly disputes: readonly Statement[];
}

/**
 * The article's central claim: the statement most other statements dispute or support, with its
 * supporters and challengers. A statement that supports a challenger counts as a challenger, one that
 * disputes a challenger as a supporter. `undefined` when no statement is disputed or supported.
 */
export function centralClaim(story: Story): ClaimDebate | undefined {
  const weight = new Map<string, number>();
  for (const r of story.relations) {
    if (r.kind === 'disputes' || r.kind === 'supports')
      weight.set(r.to, (weight.get(r.to) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const s of story.statements) {
    if ((weight.get(s.id) ?? 0) > (best === undefined ? 0 : (weight.get(best) ?? 0))) best = s.id;
  }
  const claim = statementById(story, best);
  if (!claim) return undefined;
  // Side +1 stands with the claim, -1 against it; walk the relation graph from the claim outward.
  const side = new Map<string, 1 | -1>([[claim.id, 1]]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of story.relations) {
      if (r.kind !== 'disputes' && r.kind !== 'supports') continue;
      const target = side.get(r.to);
      if (target === undefined || side.has(r.from)) continue;
      side.set(r.from, (r.kind === 'supports' ? target : -target) as 1 | -1);
      grew = true;
    }
  }
  const pick = (want: 1 | -1) =>
    story.statements.filter((s) => s.id !== claim.id && side.get(s.id) === want);
  return { claim, supports: pick(1), disputes: pick(-1) };
}

/** Options for {@link formatFigureValue}. */
export interface FormatFigureOptions {
  /** Locale for number formatting; default `'en-US'`. */
  readonly locale?: string;
  /** Add the unit after the value; default `true`. */
  readonly unit?: boolean;
}

// Building an Intl.NumberFormat costs far more than formatting with one, and generators format
// every figure of a story, some twice: one formatter per locale for the process.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    if (numberFormats.size >= 64) numberFormats.clear();
    numberFormats.set(locale, format);
  }
  return format;
}

/** A figure's value as a reader sees it: "at least 84 people", "40–45 percent". */
export function formatFigureValue(figure: Figure, options: FormatFigureOptions = {}): string {
  const format = numberFormat(options.locale ?? 'en-US');
  const value =
    typeof figure.value === 'number'
      ? format.format(figure.value)
      : `${format.format(figure.value.low)}–${format.format(figure.value.high)}`;
  return [figure.qualifier, value, options.unit === false ? undefined : figure.unit]
    .filter(Boolean)
    .join(' ');
}

/** Figures that can be drawn side by side: same unit, same measure, different subjects. */
export interface FigureComparison {
  /** The shared unit ("people"). */
  readonly unit: string;
  /** The shared measure ("killed"). */
  readonly measure: string;
  /** The figures, in article order. */
  readonly figures: readonly Figure[];
}

/**
 * Groups of two or more figures that compare — the same `unit` and `measure` (compared without
 * case) — largest group first, ties in article order. The seed gives one: the people killed in the
 * Nice, Istanbul and Baghdad attacks. Use it to decide where a chart makes sense.
 */
export function comparableFigures(story: Story): FigureComparison[] {
  const groups = new Map<string, Figure[]>();
  for (const figure of story.figures) {
    const key = `${figure.unit.toLowerCase()}\u0000${figure.measure.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(figure);
    else groups.set(key, [figure]);
  }
  return [...groups.values()]
    .filter((figures) => figures.length >= 2)
    .map((figures) => ({
      unit: (figures[0] as Figure).unit,
      measure: (figures[0] as Figure).measure,
      figures,
    }))
    .sort((a, b) => b.figures.length - a.figures.length);
}
