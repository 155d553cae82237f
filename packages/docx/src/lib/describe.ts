import {
  type Source,
  type Statement,
  type Story,
  sourceById,
  type Utterance,
} from '@storykit/core';

const MEDIUM: Record<NonNullable<Statement['attribution']['medium']>, string> = {
  interview: 'interview',
  tv: 'television',
  radio: 'radio',
  print: 'print',
  online: 'online',
  'press-conference': 'press conference',
  statement: 'statement',
  other: 'other',
};

/** A partial ISO 8601 date as a reader writes it: "2016", "July 2016", "July 17, 2016". */
export function formatDate(date: string, locale: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  if (month === undefined) return String(year);
  const utc = new Date(Date.UTC(year as number, month - 1, day ?? 1));
  return dateFormat(locale, day !== undefined).format(utc);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a report formats a
// date per statement: keep one formatter per locale and precision for the process.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}\u0000${withDay}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      ...(withDay ? { day: 'numeric' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * How an utterance reached the article, in words: "said on CNN’s “State of the Union” (television),
 * to Jake Tapper, July 17, 2016". Empty when the article says nothing of it.
 */
export function attributionLine(story: Story, utterance: Utterance, locale: string): string {
  const { verb, venue, medium, recipient, date } = utterance.attribution;
  const parts: string[] = [];
  let head = verb ?? '';
  if (venue) head += `${head ? ' ' : ''}on ${venue}`;
  if (medium) head += head ? ` (${MEDIUM[medium]})` : MEDIUM[medium];
  if (head) parts.push(head);
  const to = sourceById(story, recipient);
  if (to) parts.push(`to ${to.name}`);
  if (date) parts.push(formatDate(date, locale));
  return parts.join(', ');
}

/**
 * How the article reached a source: the channels of the utterances it made (a quotation in
 * pieces with the attribution of all its pieces), and the parts it plays otherwise (publisher,
 * photo credit, the one statements were made to). Derived from the model, never guessed.
 */
export function howReached(
  story: Story,
  source: Source,
  utterances: readonly Utterance[],
): string[] {
  const ways = new Set<string>();
  for (const utterance of utterances) {
    if (utterance.speaker !== source.id) continue;
    const { medium, venue, recipient } = utterance.attribution;
    const to = sourceById(story, recipient);
    const way = [
      medium ? MEDIUM[medium] : undefined,
      venue ? `on ${venue}` : undefined,
      to ? `to ${to.name}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    ways.add(way || 'quoted, channel not given');
  }
  if (utterances.some((u) => u.attribution.recipient === source.id))
    ways.add('statements were made to them');
  if (story.publisher === source.id) ways.add('publisher of the article');
  if (story.authors.includes(source.id)) ways.add('author of the article');
  if (story.media.some((m) => m.creator === source.id)) ways.add('photo credit');
  return [...ways];
}

/** The kind of an utterance as the report names it: its first piece's kind. */
export function statementKindLabel(utterance: Pick<Utterance, 'kind'>): string {
  return { direct: 'direct quotation', partial: 'partial quotation', indirect: 'reported claim' }[
    utterance.kind
  ];
}
