/**
 * What the brief says, worked out from the story before anything is drawn: the claim and who
 * stands on each side, the figures and the chart that compares them, how each source reached the
 * article. Pure functions of the model, so the wording can be tested without reading a PDF.
 */
import {
  type Attribution,
  centralClaim,
  type Figure,
  formatFigureValue,
  paragraphNumber,
  type Source,
  type Statement,
  type Story,
  sourceById,
  sourceLabel,
  statementById,
  statementsBy,
  type Utterance,
  utterancesOf,
} from '@storykit/core';
import { graphemes } from './graphemes.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** An ISO 8601 date, possibly partial, as a reader writes it: "17 July 2016", "July 2016". */
export function formatDate(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year ?? date;
}

/** Paragraph numbers as a compact list: `[1, 2, 3, 6]` → "¶1–3, 6"; empty for none. */
export function paragraphList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers.filter((n) => n > 0))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.length ? `¶${parts.join(', ')}` : '';
}

/**
 * A quotation shortened for the brief: at most `maxWords` words (and, for scripts written without
 * spaces, about eight characters a word), ending in " …" when cut.
 */
export function shortQuote(text: string, maxWords: number): { text: string; cut: boolean } {
  const clean = text.trim().replace(/\s+/g, ' ');
  const words = clean.split(' ');
  let out = words.length > maxWords ? words.slice(0, maxWords).join(' ') : clean;
  const maxChars = maxWords * 8;
  // Only as many clusters as may be kept are read: a quotation may be one enormous word.
  let kept = 0;
  for (const g of graphemes(out)) {
    if (kept === maxChars) {
      out = out.slice(0, g.index);
      break;
    }
    kept++;
  }
  const cut = out !== clean;
  return { text: cut ? `${out.replace(/[\s,;:]+$/, '')} …` : clean, cut };
}

const MEDIUM: Record<NonNullable<Attribution['medium']>, string> = {
  interview: 'interview',
  tv: 'TV',
  radio: 'radio',
  print: 'print',
  online: 'online',
  'press-conference': 'press conference',
  statement: 'statement',
  other: '',
};

/** A source's name with the organisation it belongs to: "Scott Peterson (The Christian Science Monitor)". */
function nameWithOrg(story: Story, id: string): string {
  const source = sourceById(story, id);
  if (!source) return id;
  const org = sourceById(story, source.affiliation);
  return org ? `${source.name} (${org.name})` : source.name;
}

/**
 * How a group of statements reached the article, from their attributions: the channel (interview,
 * TV …), the venue, to whom, and when — "TV/interview on CNN’s “State of the Union”, with Jake
 * Tapper, 17 July 2016". Without any of these it names the article's reporting verbs.
 */
export function channelOf(story: Story, attributions: readonly Attribution[]): string {
  const first = attributions[0];
  if (!first) return '';
  const media = [...new Set(attributions.map((a) => (a.medium ? MEDIUM[a.medium] : '')))].filter(
    Boolean,
  );
  const dates = [...new Set(attributions.map((a) => a.date).filter(Boolean))] as string[];
  const when = dates.length === 1 ? formatDate(dates[0] as string) : '';
  let text = media.join('/');
  if (first.venue) text += `${text ? ' ' : ''}on ${first.venue}`;
  if (first.recipient) {
    const who = nameWithOrg(story, first.recipient);
    text += text ? `${first.venue ? ',' : ''} with ${who}` : `told ${who}`;
  }
  if (!text) {
    const verbs = [...new Set(attributions.map((a) => a.verb).filter(Boolean))] as string[];
    text = `reported by the article${verbs.length ? ` (${verbs.map((v) => `“${v}”`).join(', ')})` : ''}`;
  }
  return when ? `${text}, ${when}` : text;
}

/**
 * Every way a source reached the article, one phrase per venue and recipient, from its utterances
 * (a quotation in pieces reached the article once, with the attribution of all its pieces).
 */
export function channelsOfSource(
  story: Story,
  sourceId: string,
  utterances: readonly Utterance[] = utterancesOf(story),
): string[] {
  const groups = new Map<string, Attribution[]>();
  for (const u of utterances) {
    if (u.speaker !== sourceId) continue;
    const key = `${u.attribution.venue ?? ''}\u0000${u.attribution.recipient ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(u.attribution);
    groups.set(key, list);
  }
  return [...groups.values()].map((list) => channelOf(story, list));
}

/** An utterance as the brief shows it: a statement, or a quotation in pieces shown once. */
export interface QuoteView {
  /** The first piece, which stands for the utterance (its kind and id). */
  readonly statement: Statement;
  /** The whole utterance: its pieces, their joined text, their merged attribution. */
  readonly utterance: Utterance;
  /** The text to print, shortened; quotations without their quotation marks. */
  readonly text: string;
  /** Whether the text was shortened. */
  readonly cut: boolean;
  /** The paragraph its first piece is in, from 1. */
  readonly paragraph: number;
  /** The paragraphs of all its pieces, as the brief prints them: "¶7", "¶7–8". */
  readonly paragraphs: string;
}

/** Statements of one speaker on one side of the debate. */
export interface SpeakerGroup {
  /** The speaker, or `undefined` for the article's own voice. */
  readonly speaker: Source | undefined;
  readonly quotes: readonly QuoteView[];
}

/** The central claim and both sides, grouped by speaker. */
export interface DebateView {
  readonly claim: QuoteView;
  readonly claimSpeaker: Source | undefined;
  readonly supports: readonly SpeakerGroup[];
  readonly disputes: readonly SpeakerGroup[];
}

function quoteView(story: Story, utterance: Utterance, maxWords: number): QuoteView {
  const short = shortQuote(utterance.text, maxWords);
  const numbers = utterance.pieces.map((p) => paragraphNumber(story, p.span.block));
  return {
    statement: utterance.pieces[0] as Statement,
    utterance,
    text: short.text,
    cut: short.cut,
    paragraph: numbers[0] ?? 0,
    paragraphs: paragraphList(numbers),
  };
}

function bySpeaker(story: Story, utterances: readonly Utterance[], maxWords: number) {
  const groups = new Map<string | null, QuoteView[]>();
  for (const u of utterances) {
    const list = groups.get(u.speaker) ?? [];
    list.push(quoteView(story, u, maxWords));
    groups.set(u.speaker, list);
  }
  return [...groups].map(([id, quotes]) => ({ speaker: sourceById(story, id), quotes }));
}

/**
 * The debate around the story's central claim ({@link centralClaim}), or `undefined`, worked out
 * between utterances: a relation to or from any piece of a quotation in pieces bears on the whole
 * quotation, and the quotation appears once, its pieces joined as `utterancesOf` joins them.
 */
export function debateView(story: Story, maxWords: number): DebateView | undefined {
  const utterances = utterancesOf(story);
  const byPiece = new Map<string, Utterance>();
  for (const u of utterances) for (const p of u.pieces) byPiece.set(p.id, u);
  const head = (id: string) => byPiece.get(id)?.id ?? id;
  const seen = new Set<string>();
  const relations: Story['relations'][number][] = [];
  for (const r of story.relations) {
    if (r.kind === 'continues') continue;
    const from = head(r.from);
    const to = head(r.to);
    const key = `${r.kind}\u0000${from}\u0000${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    relations.push({ ...r, from, to });
  }
  const debate = centralClaim({ ...story, relations });
  const claim = debate && byPiece.get(debate.claim.id);
  if (!debate || !claim) return undefined;
  const side = (statements: readonly Statement[]) =>
    statements.flatMap((s) => byPiece.get(s.id) ?? []);
  return {
    claim: quoteView(story, claim, maxWords),
    claimSpeaker: sourceById(story, claim.speaker),
    supports: bySpeaker(story, side(debate.supports), maxWords),
    disputes: bySpeaker(story, side(debate.disputes), maxWords),
  };
}

/** Who a figure comes from: its source, the speaker of its statement, or the article. */
export function figureSource(story: Story, figure: Figure): string {
  const id = figure.source ?? statementById(story, figure.statement)?.speaker ?? undefined;
  return id ? (sourceById(story, id)?.name ?? id) : 'the article';
}

/** One row of the key-figures table. */
export interface FigureRow {
  readonly figure: Figure;
  /** "at least 84 people". */
  readonly value: string;
  /** "Nice attack — killed". */
  readonly what: string;
  /** "Nice · 17 July 2016", or empty. */
  readonly where: string;
  readonly source: string;
  readonly paragraph: number;
}

/** The key-figures table, in article order. */
export function figureRows(story: Story): FigureRow[] {
  return story.figures.map((figure) => {
    const place = story.entities.find((e) => e.id === figure.place)?.name;
    return {
      figure,
      value: formatFigureValue(figure),
      what: `${figure.subject} — ${figure.measure}`,
      where: [place, figure.date ? formatDate(figure.date) : undefined].filter(Boolean).join(' · '),
      source: figureSource(story, figure),
      paragraph: paragraphNumber(story, figure.span.block),
    };
  });
}

/** A bar chart of figures that measure the same thing in the same unit. */
export interface ChartView {
  /** "People killed". */
  readonly title: string;
  readonly unit: string;
  readonly measure: string;
  /** The bars, in article order (at most `maxBars`). */
  readonly bars: readonly {
    readonly figure: Figure;
    readonly label: string;
    readonly value: string;
  }[];
  /** How many figures the group has in all. */
  readonly total: number;
}

/**
 * The largest group of figures that compare — the same measure in the same unit, two or more
 * different subjects — as a chart; `undefined` when no figures compare.
 */
export function chartView(story: Story, maxBars: number): ChartView | undefined {
  const groups = new Map<string, Figure[]>();
  for (const f of story.figures) {
    const key = `${f.unit}\u0000${f.measure}`;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  let best: Figure[] | undefined;
  for (const list of groups.values()) {
    if (new Set(list.map((f) => f.subject)).size < 2) continue;
    if (!best || list.length > best.length) best = list;
  }
  const first = best?.[0];
  if (!best || !first) return undefined;
  const unit = first.unit;
  return {
    title: `${unit.charAt(0).toUpperCase()}${unit.slice(1)} ${first.measure}`,
    unit,
    measure: first.measure,
    bars: best.slice(0, maxBars).map((figure) => ({
      figure,
      label: figure.subject,
      value: formatFigureValue(figure, { unit: false }),
    })),
    total: best.length,
  };
}

/** One row of the sources table. */
export interface SourceRow {
  readonly source: Source;
  /** Role and affiliation ("US Secretary of State · US Department of State"), or empty. */
  readonly role: string;
  /** How the article reached them, one phrase each; for sources never quoted, their part in it. */
  readonly reached: readonly string[];
  /** Paragraphs of their statements. */
  readonly paragraphs: string;
  /** Editor's notes about the source. */
  readonly notes: readonly string[];
}

/**
 * Every source, quoted ones first (in the order they first speak), then the others in the
 * story's order, each with role, affiliation and how the article reached them.
 */
export function sourceRows(story: Story): SourceRow[] {
  const firstSaid = new Map<string, number>();
  story.statements.forEach((s, i) => {
    if (s.speaker && !firstSaid.has(s.speaker)) firstSaid.set(s.speaker, i);
  });
  const ordered = [...story.sources].sort((a, b) => {
    const ia = firstSaid.get(a.id) ?? Number.POSITIVE_INFINITY;
    const ib = firstSaid.get(b.id) ?? Number.POSITIVE_INFINITY;
    return ia === ib ? story.sources.indexOf(a) - story.sources.indexOf(b) : ia - ib;
  });
  const utterances = utterancesOf(story);
  return ordered.map((source) => {
    const label = sourceLabel(story, source);
    const role = label.slice(source.name.length).replace(/^, /, '').replaceAll(', ', ' · ');
    const reached = channelsOfSource(story, source.id, utterances);
    if (reached.length === 0) reached.push(...partsOf(story, source, utterances));
    return {
      source,
      role: source.kind === 'anonymous' ? '' : role,
      reached,
      paragraphs: paragraphList(
        statementsBy(story, source.id).map((s) => paragraphNumber(story, s.span.block)),
      ),
      notes: story.notes
        .filter((n) => n.about === `sources.${source.id}`)
        .map((n) => n.text.replace(/\s+/g, ' ').trim()),
    };
  });
}

/** What a source that says nothing does in the story: publisher, photographer, interviewer … */
function partsOf(story: Story, source: Source, utterances: readonly Utterance[]): string[] {
  const parts: string[] = [];
  if (story.publisher === source.id) parts.push('publisher of the article');
  if (story.authors.includes(source.id)) parts.push('author of the article');
  if (story.media.some((m) => m.creator === source.id)) parts.push('made the photo');
  const received = utterances.filter((u) => u.attribution.recipient === source.id).length;
  if (received) parts.push(`received ${received} of the statements`);
  const members = story.sources.filter((s) => s.affiliation === source.id).map((s) => s.name);
  if (members.length) parts.push(`affiliation of ${members.join(', ')}`);
  const figures = story.figures.filter((f) => f.source === source.id).length;
  if (figures) parts.push(`source of ${figures} figure${figures > 1 ? 's' : ''}`);
  return [`not quoted${parts.length ? `; ${parts.join('; ')}` : ''}`];
}

/** The latest date any statement or figure carries, or `undefined`. */
export function latestEventDate(story: Story): string | undefined {
  const dates = [
    ...story.statements.map((s) => s.attribution.date),
    ...story.figures.map((f) => f.date),
  ].filter((d): d is string => Boolean(d));
  return dates.sort().at(-1);
}
