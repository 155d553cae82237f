/**
 * Attribution: who said each quotation and claim. The speaker is read from the words next to the
 * quotation ("…,” said Tapper. / “…,” the official told CNN / Kerry said Sunday … “on the run.”);
 * a quotation with no words of its own takes the speaker of the quotation before it in the
 * paragraph, or of the paragraph it continues; "he"/"she" is the person of that gender speaking or named nearby.
 */
import type { Relation, Source, Statement } from '@storykit/core';
import { pronounsAfter, titlesBefore } from '../gender-cues.js';
import { tagPhrase, verbWord } from '../language.js';
import {
  CUE_WORDS,
  GIVEN_NAME_GENDER,
  PARTICIPLES,
  PRONOUN_GENDER,
  QUOTE_VERB_PATTERN,
} from '../lexicon.js';
import { NameFinder, wordsBefore } from '../name-index.js';
import { sentences } from '../sentences.js';
import type { ClaimCandidate, DraftBlock, QuoteCandidate } from '../types.js';
import { opensOwnClause } from './quotes.js';
import {
  parseApposition,
  parseSpeaker,
  type SourceRegistry,
  type SpeakerPhrase,
  speakerAtEnd,
  speakerAtStart,
  surname,
} from './sources.js';

/** Which rule attributed a statement. */
type AttributionPath =
  | 'verb-then-speaker'
  | 'speaker-then-verb'
  | 'after-clause'
  | 'before'
  | 'lead'
  | 'claim'
  | 'reported'
  | 'inherited-near'
  | 'inherited-far';

/**
 * How often a statement is right (matched to an annotated attribution with the right speaker),
 * by the rule that attributed it and what the speaker's words were, measured on PolNeAR's train
 * split (README, "Confidence"): `[direct, partial]`, an indirect claim takes the first.
 */
const CALIBRATION: Readonly<
  Record<AttributionPath, Readonly<Record<string, readonly [number, number]>>>
> = {
  'verb-then-speaker': {
    person: [0.97, 0.93],
    organization: [0.6, 0.6],
    anonymous: [0.95, 0.9],
    pronoun: [0.6, 0.6],
    described: [0.5, 0.5],
    reference: [0.3, 0.3],
  },
  'speaker-then-verb': {
    person: [0.95, 0.84],
    organization: [0.93, 0.8],
    anonymous: [0.9, 0.6],
    pronoun: [0.65, 0.58],
    described: [0.66, 0.6],
    reference: [0.3, 0.3],
  },
  'after-clause': {
    person: [0.8, 0.8],
    organization: [0.6, 0.6],
    anonymous: [0.7, 0.7],
    pronoun: [0.6, 0.6],
    described: [0.5, 0.5],
    reference: [0.3, 0.3],
  },
  before: {
    person: [0.88, 0.93],
    organization: [0.82, 0.81],
    anonymous: [0.73, 0.59],
    pronoun: [0.65, 0.67],
    described: [0.75, 0.55],
    reference: [0.6, 0.6],
  },
  lead: {
    person: [0.7, 0.64],
    organization: [0.7, 0.64],
    anonymous: [0.7, 0.64],
    pronoun: [0.7, 0.64],
    described: [0.7, 0.64],
    reference: [0.7, 0.64],
  },
  claim: {
    person: [0.78, 0.78],
    organization: [0.69, 0.69],
    anonymous: [0.84, 0.84],
    pronoun: [0.58, 0.58],
    described: [0.6, 0.6],
    reference: [0.25, 0.25],
  },
  reported: {
    person: [0.69, 0.69],
    organization: [0.6, 0.6],
    anonymous: [0.69, 0.69],
    pronoun: [0.34, 0.34],
    described: [0.43, 0.43],
    reference: [0.3, 0.3],
  },
  'inherited-near': {},
  'inherited-far': {},
};
/** A quotation with no attributing words of its own is right about as often either way. */
const INHERITED: Readonly<Record<string, number>> = {
  'inherited-near': 0.38,
  'inherited-far': 0.37,
};

/** The confidence of a statement: how often statements found the same way are right. */
function calibrated(path: AttributionPath, type: string | undefined, kind: string): number {
  const row = CALIBRATION[path][type ?? ''];
  if (row) return kind === 'partial' ? row[1] : row[0];
  return INHERITED[path] ?? 0.5;
}

/** How a statement's speaker was found, from surest to least sure. */
interface Attributed {
  readonly phrase?: SpeakerPhrase;
  readonly verb?: string;
  readonly recipient?: SpeakerPhrase;
  readonly apposition?: string;
  /** Where the speaker's words are, for pronouns. */
  readonly at: { block: number; offset: number };
  readonly confidence: number;
  /** Which rule found the speaker, for calibrating the confidence. */
  readonly path: AttributionPath;
}

const VERB_FIRST = new RegExp(
  String.raw`^\s*[,—–-]?\s*(?<verb>${QUOTE_VERB_PATTERN})\s+(?<rest>.+)$`,
  'u',
);
/**
 * A character of a speaker's words: no punctuation but the full stop of "Dr." or "J.", and a
 * party and state in brackets as one ("Sen. Ana Ortiz (D-N.M.)").
 */
const SPEAKER_CHAR = String.raw`(?:\((?:[A-Z]-[^()“”"]{1,20}|[DRI])\)|[^,.;“”"]|(?<=(?:\bMr|\bMs|\bMrs|\bDr|\bProf|\bGen|\bSen|\bRep|\bGov|\bLt|\bCol|\bSt|\b\p{Lu}))\.)`;
const SPEAKER_FIRST = new RegExp(
  String.raw`^\s*[,—–-]?\s*(?<speaker>${SPEAKER_CHAR}{1,80}?)(?:,\s*(?<apposition>[^“”"]{2,160}?),)?\s+(?<verb>${QUOTE_VERB_PATTERN})\b(?<rest>.*)$`,
  'u',
);
/** "“…” ― Ana Quintero": a dash and the speaker's name after the quotation, and nothing else. */
const DASH_SPEAKER = /^\s*[―—–]\s*(?<rest>[^“”"]{2,160})$/u;
/**
 * "…, saying, “…”", "…, calling him “…”": a participle after a comma whose subject is the
 * subject of the sentence's main clause, not the words just before it.
 */
const PARTICIPLE_BEFORE = new RegExp(
  String.raw`,\s*(?<verb>${PARTICIPLES})\b(?:\s+(?:him|her|them|it|us|me|that|of\s+[^,“”"]{1,60}))?[\s,:]*$`,
  'u',
);
const VERB_BEFORE = new RegExp(
  String.raw`(?<speaker>[^,;“”"]{1,80}?)(?:,\s*(?<apposition>[^“”"]{2,160}?),)?\s+(?<verb>${QUOTE_VERB_PATTERN})\b[^“”"]*$`,
  'du',
);

/** The recipient of "told …": "told The Christian Science Monitor’s Scott Peterson". */
function recipientOf(verb: string, rest: string): SpeakerPhrase | undefined {
  if (verb !== 'told' && verb !== 'tells') return undefined;
  const found = speakerAtStart(rest.replace(/^\s+/, ''));
  return found && found.phrase.type !== 'pronoun' ? found.phrase : undefined;
}

/** The words after a quotation that attribute it, up to the next quotation or sentence end. */
function after(block: DraftBlock, quote: QuoteCandidate, next?: QuoteCandidate): string {
  const end = next?.outerStart ?? block.text.length;
  const segment = block.text.slice(quote.outerEnd, end);
  const stop =
    /[?!](?=\s|$)|(?<!\b(?:Mr|Ms|Mrs|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|\p{Lu}))\.(?=\s|$)/u.exec(
      segment,
    );
  return stop ? segment.slice(0, stop.index) : segment;
}

/** The writer's words before a quotation in its sentence. */
function before(block: DraftBlock, quote: QuoteCandidate, previous?: QuoteCandidate): string {
  const from = previous?.outerEnd ?? 0;
  const ranges = sentences(block.text.slice(from, quote.outerStart));
  const last = ranges.at(-1);
  return last ? block.text.slice(from + last.start, from + last.end) : '';
}

/** A relative pronoun as the subject, an auxiliary or adverb aside: "who", "who has often". */
const RELATIVE_SUBJECT =
  /^\s*(?:who|which|that)(?:\s+(?:has|have|had|would|will|also|later|once|repeatedly|often))*\s*$/;

/**
 * The speaker a subject phrase names, with two turns of news syntax: a role before the name
 * ("Varga’s spokeswoman, Dee Hollister, said" — the name is the apposition) and a relative clause
 * ("Marisol Eddings, a retired teacher, who told" — the speaker stands before "who").
 */
function subject(
  text: string,
  speaker: string,
  apposition: string | undefined,
): { found: { phrase: SpeakerPhrase; words: string }; apposition?: string } | undefined {
  if (apposition) {
    const named = parseSpeaker(apposition);
    const role = speakerAtEnd(speaker);
    if (named?.type === 'person' && (!role || role.phrase.type !== 'person')) {
      const roleText = speaker.trim().split(/,\s*/).at(-1) ?? speaker;
      return {
        found: { phrase: named, words: apposition.trim() },
        apposition: roleText.replace(/^(?:the|an?)\s+/i, ''),
      };
    }
  }
  if (RELATIVE_SUBJECT.test(speaker)) {
    const at = text.lastIndexOf(speaker.trim());
    const head = text.slice(0, at).replace(/,\s*$/, '');
    const appositive = /,\s*([^,]+)$/.exec(head);
    const found = speakerAtEnd(appositive ? head.slice(0, appositive.index) : head);
    return found ? { found, ...(appositive?.[1] ? { apposition: appositive[1] } : {}) } : undefined;
  }
  const found = speakerAtEnd(speaker);
  return found ? { found, ...(apposition ? { apposition } : {}) } : undefined;
}

/**
 * The subject of a sentence's main clause: the speaker its first words name, after an opening
 * phrase set off by a comma ("On Friday, Ana Ortiz shared …" → "Ana Ortiz").
 */
export function mainSubject(
  sentence: string,
): { phrase: SpeakerPhrase; words: string } | undefined {
  const found = speakerAtStart(sentence);
  if (found) return found;
  const opener = /^[^,“”"]{1,40},\s+/u.exec(sentence);
  return opener ? speakerAtStart(sentence.slice(opener[0].length)) : undefined;
}

/** Each block's index by its id, built once per body: a walk over the blocks per item is quadratic. */
const blockIndexes = new WeakMap<readonly DraftBlock[], Map<string, number>>();
function indexOfBlock(blocks: readonly DraftBlock[], id: string): number {
  let map = blockIndexes.get(blocks);
  if (!map || map.size > blocks.length || blocks[map.get(id) ?? 0]?.id !== id) {
    map = new Map();
    for (const [i, b] of blocks.entries()) if (!map.has(b.id)) map.set(b.id, i);
    blockIndexes.set(blocks, map);
  }
  return map.get(id) ?? -1;
}

/** The last of `items[from, to)` that `fits`, walking back from `to`. */
function lastOf<T>(
  items: readonly T[],
  from: number,
  to: number,
  fits: (item: T) => boolean,
): T | undefined {
  for (let i = to - 1; i >= from; i--) if (fits(items[i] as T)) return items[i];
  return undefined;
}

/**
 * A source of the registry by its id, without a walk over all of them: ids stay at their place
 * in the list (a source is replaced in place when it learns a role or a longer name), and a new
 * one is indexed when first asked for.
 */
function sourceLookup(registry: SourceRegistry): (id: string) => Source | undefined {
  const at = new Map<string, number>();
  let indexed = 0;
  return (id) => {
    const index = at.get(id);
    if (index !== undefined && registry.sources[index]?.id === id) return registry.sources[index];
    for (; indexed < registry.sources.length; indexed++) {
      const source = registry.sources[indexed] as Source;
      if (!at.has(source.id)) at.set(source.id, indexed);
      if (source.id === id) {
        indexed++;
        return source;
      }
    }
    return registry.sources.find((s) => s.id === id);
  };
}

/** How many of `items` (in reading order) come before `at`, by binary search. */
function countBefore(
  items: readonly { block: number; offset: number }[],
  at: { block: number; offset: number },
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const m = items[mid] as { block: number; offset: number };
    if (m.block < at.block || (m.block === at.block && m.offset < at.offset)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The speaker that words after a quotation name, verb first ("said Tapper") or speaker first
 * ("the official told CNN"); `base` is where `tail` starts in the block.
 */
function attributionAfter(
  tail: string,
  blockIndex: number,
  base: number,
  clause: boolean,
): Attributed | undefined {
  const verbFirst = VERB_FIRST.exec(tail);
  if (verbFirst?.groups) {
    const { verb, rest } = verbFirst.groups as { verb: string; rest: string };
    const found = speakerAtStart(rest);
    if (found) {
      const afterName = rest.slice(rest.indexOf(found.words) + found.words.length);
      const apposition = /^,\s*([^,]+?)(?:,|$)/.exec(afterName)?.[1];
      const recipient = recipientOf(verb, afterName.replace(/^,[^,]*,/, ''));
      return {
        phrase: found.phrase,
        verb,
        ...(recipient ? { recipient } : {}),
        ...(apposition ? { apposition } : {}),
        at: { block: blockIndex, offset: base + tail.indexOf(found.words) },
        confidence: 0.9,
        path: clause ? 'after-clause' : 'verb-then-speaker',
      };
    }
  }
  const speakerFirst = SPEAKER_FIRST.exec(tail);
  if (speakerFirst?.groups) {
    const { speaker, apposition, verb, rest } = speakerFirst.groups as {
      speaker: string;
      apposition?: string;
      verb: string;
      rest: string;
    };
    const resolved = subject(tail, speaker, apposition);
    if (resolved) {
      const recipient = recipientOf(verb, rest);
      return {
        phrase: resolved.found.phrase,
        verb,
        ...(recipient ? { recipient } : {}),
        ...(resolved.apposition ? { apposition: resolved.apposition } : {}),
        at: { block: blockIndex, offset: base + Math.max(tail.indexOf(resolved.found.words), 0) },
        confidence: 0.9,
        path: clause ? 'after-clause' : 'speaker-then-verb',
      };
    }
  }
  return undefined;
}

/**
 * The speaker of a quotation that the writer's words introduce without a reporting verb the rules
 * know ("And Mr. Christie gloated: “…”", "Or, as Tom Ridge put it: “…”", "Said Ana Ortiz, who
 * grew up there, “…”"): the subject of the words before it, when they end in a comma or colon.
 */
function leadSubject(
  block: DraftBlock,
  blockIndex: number,
  lead: string,
  partial: boolean,
): Attributed | undefined {
  // Quoted words inside the writer's sentence are the words of its subject ("Merkel condemned
  // “such a murderous attack”"); a whole quotation needs the comma or colon that introduces it.
  if (partial ? /[.?!]\s*$|^\s*$/.test(lead) : !/[,:]\s*$/.test(lead)) return undefined;
  // Words that follow another quotation in the sentence ("“…” who became …") open no sentence.
  const at = block.text.lastIndexOf(lead);
  if (at > 0 && !/[.?!:][”"’')\]]*\s*$/u.test(block.text.slice(0, at))) return undefined;
  const text = lead
    .replace(/[,:]\s*$/, '')
    .replace(/^(?:and|but|or|so|then|yet)\b[,\s]*/i, '')
    .replace(/^as\s+/i, '')
    .replace(/^(?:said|says)\s+/i, '')
    .replace(/^(?:here(?:’|')s|more from)\s+/i, '');
  const found = mainSubject(text);
  if (!found) return undefined;
  // The verb as written after the subject: a known attributing word, else the first verb.
  const rest = text.slice(text.indexOf(found.words) + found.words.length);
  const verb =
    [...rest.matchAll(ANY_CUE)][0]?.[0] ??
    tagPhrase(rest.split(/\s+/).slice(0, 12).join(' '))?.find((w) => w.pos === 'VERB')?.text;
  return {
    phrase: found.phrase,
    ...(verb ? { verb } : {}),
    at: { block: blockIndex, offset: Math.max(block.text.indexOf(found.words), 0) },
    confidence: 0.6,
    path: 'lead',
  };
}

function attributeQuote(
  blocks: readonly DraftBlock[],
  quotes: readonly QuoteCandidate[],
  index: number,
): Attributed | undefined {
  const quote = quotes[index] as QuoteCandidate;
  const blockIndex = indexOfBlock(blocks, quote.block);
  const block = blocks[blockIndex] as DraftBlock;
  const next = quotes[index + 1]?.block === quote.block ? quotes[index + 1] : undefined;
  const previous = quotes[index - 1]?.block === quote.block ? quotes[index - 1] : undefined;
  const tail = after(block, quote, next);
  const own = attributionAfter(tail, blockIndex, quote.outerEnd, false);
  if (own) return own;
  // "“…” about fixing it, said Ana Ortiz.", "“…” income, he said, rather than …": the
  // attributing words close a clause that goes on after the quotation.
  const comma = /^[^“”"]{1,100}?,(?=\s)/u.exec(tail);
  if (comma && !/^\s*[,—–-]/u.test(tail)) {
    const later = attributionAfter(
      tail.slice(comma[0].length),
      blockIndex,
      quote.outerEnd + comma[0].length,
      true,
    );
    if (later) return later;
  }
  const dash = DASH_SPEAKER.exec(tail);
  if (dash?.groups) {
    const rest = dash.groups.rest as string;
    const found = speakerAtStart(rest);
    // The name is all there is after the dash, an apposition aside ("― Ana Quintero, a nurse").
    if (
      found &&
      found.phrase.type !== 'pronoun' &&
      /^\s*(?:,[^,]*)?\s*$/u.test(rest.slice(rest.indexOf(found.words) + found.words.length))
    ) {
      return {
        phrase: found.phrase,
        at: { block: blockIndex, offset: quote.outerEnd + tail.indexOf(found.words) },
        confidence: 0.9,
        path: 'verb-then-speaker',
      };
    }
  }
  let lead = before(block, quote, previous);
  let leadIndex = blockIndex;
  // A paragraph that opens with an excerpt the paragraph before introduces ("Bo Lee wrote:").
  if (!lead.trim() && quote.outerStart === 0 && blockIndex > 0) {
    const prior = (blocks[blockIndex - 1] as DraftBlock).text;
    const last = /:\s*$/.test(prior) ? sentences(prior).at(-1) : undefined;
    if (last) {
      lead = prior.slice(last.start, last.end);
      leadIndex = blockIndex - 1;
    }
  }
  const leadBlock = blocks[leadIndex] as DraftBlock;
  const leadEnd = leadIndex === blockIndex ? quote.outerStart : leadBlock.text.length;
  const participle = PARTICIPLE_BEFORE.exec(lead);
  if (participle?.groups) {
    const found =
      mainSubject(lead.slice(0, participle.index)) ??
      (previous ? mainSubject(before(block, quote)) : undefined);
    if (found) {
      return {
        phrase: found.phrase,
        verb: participle.groups.verb as string,
        at: {
          block: leadIndex,
          offset: Math.max(leadBlock.text.lastIndexOf(found.words, leadEnd), 0),
        },
        confidence: 0.8,
        path: 'before',
      };
    }
  }
  const viaLead = () => leadSubject(block, blockIndex, lead, quote.kind === 'partial');
  // "In a turn that called to mind …, Ana Ortiz pledged “…”": a verb whose words before it name
  // no speaker is not the attributing one; the search goes on after it.
  for (let from = 0, tries = 0; tries < 8; tries++) {
    const verbBefore = VERB_BEFORE.exec(lead.slice(from));
    if (!verbBefore?.groups) break;
    const { speaker, apposition, verb } = verbBefore.groups as {
      speaker: string;
      apposition?: string;
      verb: string;
    };
    const resolved = subject(lead, speaker, apposition);
    from += verbBefore.indices?.groups?.verb?.[1] ?? lead.length;
    if (resolved) {
      return {
        phrase: resolved.found.phrase,
        verb,
        ...(resolved.apposition ? { apposition: resolved.apposition } : {}),
        at: {
          block: leadIndex,
          offset: leadBlock.text.indexOf(lead) + Math.max(lead.indexOf(resolved.found.words), 0),
        },
        confidence: 0.8,
        path: 'before',
      };
    }
  }
  return viaLead();
}

/** Any word that attributes a quotation, longest first: the cue when no speaker rule read one. */
const ANY_CUE = new RegExp(
  String.raw`(?<![\p{L}’'-])(?:${[...new Set([...QUOTE_VERB_PATTERN.split('|'), ...CUE_WORDS])]
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\p{L}’'-])`,
  'giu',
);

/**
 * The attributing word written next to a quotation whose speaker the rules did not read from its
 * own words ("… ,” one of the founders yelled", "Said Ortiz: “…”"): the nearest in the words
 * after it in its sentence, else the last in the words before it (a verb by the language layer
 * when no attributing word is there), else none.
 */
function cueNear(
  blocks: readonly DraftBlock[],
  quotes: readonly QuoteCandidate[],
  index: number,
): string | undefined {
  const quote = quotes[index] as QuoteCandidate;
  const block = blocks[indexOfBlock(blocks, quote.block)] as DraftBlock;
  const next = quotes[index + 1]?.block === quote.block ? quotes[index + 1] : undefined;
  const previous = quotes[index - 1]?.block === quote.block ? quotes[index - 1] : undefined;
  const tail = after(block, quote, next);
  const later = [...tail.matchAll(ANY_CUE)][0]?.[0];
  // Only the words that open the tail belong to this quotation; a verb far on is another clause's.
  if (later && tail.indexOf(later) < 60) return later;
  // Words before it that end a sentence of their own ("… said Ann Lee. “…”") attribute another.
  const lead = before(block, quote, previous);
  if (/[.?!]\s*$/.test(lead)) return later;
  // "She also referenced the “…”": the last verb of the words before it, as written.
  const earlier =
    [...lead.matchAll(ANY_CUE)].at(-1)?.[0] ??
    tagPhrase(lead.split(/\s+/).slice(-12).join(' '))?.findLast((w) => w.pos === 'VERB')?.text;
  return earlier ?? later;
}

/**
 * A person named as the subject of a sentence ("Ana Ruiz disagreed"): not a source yet, but the
 * one "she" may refer to next.
 */
const SUBJECT_NAME =
  /\b(\p{Lu}[\p{Ll}’'-]+\s+\p{Lu}[\p{Ll}’'-]+)(?=\s+(?:[\p{Ll}]+ed|said|says|told|tells|wrote|has|had|was|is|spoke|spent|took|made|gave|went|came|saw|thinks|thought|believes|argues|warns|adds)\b|,\s+(?:who|a|an|the|\d))/gu;

/** The name an organisation is mentioned by: without a trailing acronym in brackets. */
const organizationName = (name: string) => name.replace(/\s*\([^)]*\)$/, '');

/** Occurrences of the organisations' names in the body, in reading order, for "the company". */
function organizationMentions(
  blocks: readonly DraftBlock[],
  registry: SourceRegistry,
  names: NameFinder,
) {
  const mentions: { block: number; offset: number; id: string }[] = [];
  for (const source of registry.sources) {
    if (source.kind !== 'organization') continue;
    for (const at of names.matches([organizationName(source.name)]))
      mentions.push({ block: at.text, offset: at.start, id: source.id });
  }
  return mentions.sort((a, b) => a.block - b.block || a.offset - b.offset);
}

/** Occurrences of people's names in the body, in reading order, for resolving pronouns. */
function personMentions(
  blocks: readonly DraftBlock[],
  registry: SourceRegistry,
  quoted: (block: string, offset: number) => boolean,
  names: NameFinder,
) {
  const mentions: { block: number; offset: number; id?: string; name?: string }[] = [];
  blocks.forEach((block, blockIndex) => {
    for (const match of block.text.matchAll(SUBJECT_NAME)) {
      const name = match[1] as string;
      const phrase = parseSpeaker(name);
      const inQuote = quoted(block.id, match.index);
      if (phrase?.type === 'person' && !inQuote && !registry.findPerson(name)) {
        mentions.push({ block: blockIndex, offset: match.index, name });
      }
    }
  });
  for (const source of registry.sources) {
    if (source.kind !== 'person') continue;
    for (const at of names.matches([source.name, surname(source.name)]))
      if (!quoted((blocks[at.text] as DraftBlock).id, at.start))
        mentions.push({ block: at.text, offset: at.start, id: source.id });
  }
  return mentions.sort((a, b) => a.block - b.block || a.offset - b.offset);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The quotations of one block, in the order found. */
function quotesIn(quotes: readonly QuoteCandidate[], block: string): QuoteCandidate[] {
  let byBlock = quotesByBlock.get(quotes);
  if (!byBlock) {
    byBlock = new Map();
    for (const q of quotes) {
      const list = byBlock.get(q.block);
      if (list) list.push(q);
      else byBlock.set(q.block, [q]);
    }
    quotesByBlock.set(quotes, byBlock);
  }
  return byBlock.get(block) ?? [];
}
const quotesByBlock = new WeakMap<readonly QuoteCandidate[], Map<string, QuoteCandidate[]>>();

/** The text with the inside of each quotation blanked out (same length, offsets kept). */
function blankQuoted(text: string, quotes: readonly QuoteCandidate[]): string {
  if (quotes.length === 0) return text;
  const ranges = quotes
    .map((q) => [Math.max(0, q.start), Math.min(text.length, q.end)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + ' '.repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Whether an offset of a block lies inside one of its quotations, by binary search over the
 * quotations' merged ranges rather than a walk over every quotation.
 */
function insideQuotes(
  quotes: readonly QuoteCandidate[],
): (block: string, offset: number) => boolean {
  const merged = new Map<string, number[]>();
  for (const block of new Set(quotes.map((q) => q.block))) {
    const ranges = quotesIn(quotes, block)
      .filter((q) => q.start < q.end)
      .map((q) => [q.start, q.end] as const)
      .sort((a, b) => a[0] - b[0]);
    // Flat [start, end, start, end, …] of the union, in order.
    const flat: number[] = [];
    for (const [start, end] of ranges) {
      const last = flat.length - 1;
      if (last > 0 && start <= (flat[last] as number))
        flat[last] = Math.max(flat[last] as number, end);
      else flat.push(start, end);
    }
    merged.set(block, flat);
  }
  return (block, offset) => {
    const flat = merged.get(block);
    if (!flat) return false;
    // The last range starting at or before the offset.
    let low = 0;
    let high = flat.length / 2;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((flat[2 * mid] as number) <= offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 && offset < (flat[2 * (low - 1) + 1] as number);
  };
}

/**
 * The grammatical gender the article gives each person, from its own words: "Mr."/"Mrs."/"Ms."
 * before the surname, and the first "he"/"his" or "she"/"her" after a mention in the same
 * sentence. `undefined` when the text does not tell (or tells both).
 */
function genders(
  blocks: readonly DraftBlock[],
  registry: SourceRegistry,
  quotes: readonly QuoteCandidate[],
  surnames: Iterable<string>,
): (name: string) => 'male' | 'female' | undefined {
  const known = new Map<string, 'male' | 'female' | undefined>();
  const counts = new Map<string, { male: number; female: number }>();
  // The writer's words only: a pronoun inside a quotation is the speaker's, not the writer's.
  const outside = blocks.map((block) => blankQuoted(block.text, quotesIn(quotes, block.id)));
  // The blocks each surname occurs in, found for all of them in one pass.
  const names = new NameFinder(outside, surnames);
  return (name: string) => {
    if (!name) return undefined;
    if (known.has(name)) return known.get(name);
    const last = surname(name);
    // Two people with one surname ("Bill Clinton", "Hillary Clinton"): the full name only.
    const shared = registry.peopleWithSurname(last) > 1;
    const key = escapeRegExp(shared && /\s/.test(name) ? name : last);
    // "Tapper", "Jake Tapper" and "Mr. Tapper" read the same places with the same patterns.
    const counted = `${last}\u0000${key}`;
    let votes = counts.get(counted);
    if (!votes) {
      votes = { male: 0, female: 0 };
      const mention = new RegExp(`\\b${key}\\b`, 'giu');
      let previous = -1;
      for (const { text: index } of names.placesOf(last)) {
        if (index === previous) continue;
        previous = index;
        const text = outside[index] as string;
        // The courtesy title is written as is ("Mr", "Mrs", "Ms"): a text without one has none.
        if (text.includes('Mr') || text.includes('Ms'))
          for (const title of titlesBefore(text, last)) {
            if (title === 'Mr') votes.male += 3;
            else votes.female += 3;
          }
        for (const pronoun of pronounsAfter(text, mention)) {
          if (/^(he|his|him|himself)$/i.test(pronoun)) votes.male++;
          else votes.female++;
        }
      }
      counts.set(counted, votes);
    }
    const { male, female } = votes;
    // The text does not tell: a common given name does ("Ana Ruiz", "Tom Reyes").
    const given = male === female ? GIVEN_NAME_GENDER.get(name.split(/\s+/)[0] ?? '') : undefined;
    const found = male > female ? 'male' : female > male ? 'female' : given;
    known.set(name, found);
    return found;
  };
}

/** Words before a name that make it an object: prepositions, and verbs that take a person. */
const OBJECT_BEFORE =
  /\b(?:of|for|with|to|by|at|against|from|about|on|into|than|like|between|toward|towards|under|over|after|before|behind|including|via|versus|beat|beats|defeated|endorsed|endorsing|attacked|attacking|criticized|criticizing|praised|praising|asked|asking|told|telling|called|calling|met|meeting|join|joined|joining|interviewed|supports|supported|supporting|backs|backed|backing|named|hired|replace|replaced|replacing|than)\s+$/iu;

/**
 * Whether the name at `offset` stands as an object or an owner: after a preposition or a verb
 * that takes a person ("with Mr. Obama", "endorsed Ana Ruiz"), or before "’s".
 */
function objectPosition(text: string, offset: number): boolean {
  // The words before the name, without the given names and titles written with it.
  const before = text
    .slice(Math.max(0, offset - 60), offset)
    .replace(/(?:\b[\p{Lu}][\p{L}’'.-]*\s+)+$/u, '');
  if (OBJECT_BEFORE.test(before)) return true;
  const name = /^[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]*)*/u.exec(text.slice(offset, offset + 80));
  const rest = text.slice(offset + (name?.[0].length ?? 0), offset + (name?.[0].length ?? 0) + 2);
  return /^[’']s/u.test(rest) || /[’']s$/u.test(name?.[0] ?? '');
}

/**
 * Attributes every quotation and claim and turns them into statements, registering their
 * speakers, recipients and the roles their appositions give as sources.
 */
export function attribute(
  blocks: readonly DraftBlock[],
  quotes: readonly QuoteCandidate[],
  claims: readonly ClaimCandidate[],
  registry: SourceRegistry,
): { statements: Statement[]; relations: Relation[] } {
  const quoteAttributions = quotes.map((_, i) => attributeQuote(blocks, quotes, i));
  const claimAttributions: (Attributed | undefined)[] = claims.map((claim) => {
    const blockIndex = indexOfBlock(blocks, claim.block);
    const found = speakerAtEnd(claim.speaker) ?? speakerAtStart(claim.speaker);
    if (!found) return undefined;
    const block = blocks[blockIndex] as DraftBlock;
    const afterSpeaker = block.text.slice(claim.speakerAt + claim.speaker.length);
    const apposition =
      claim.apposition ??
      (claim.verb === 'according to' ? /^,\s*([^,.]+)/.exec(afterSpeaker)?.[1] : undefined);
    return {
      phrase: found.phrase,
      verb: claim.verb,
      ...(apposition ? { apposition } : {}),
      at: { block: blockIndex, offset: claim.speakerAt },
      confidence: 0.6,
      path: claim.rule ?? 'claim',
    };
  });

  // "Speaking to reporters, …", "Entering the race, …": a one-word "name" that reads as a verb
  // opens a clause, unless the text writes it after a given name somewhere ("Paul Denning").
  const verbs = [...quoteAttributions, ...claimAttributions].flatMap((a) =>
    a?.phrase?.type === 'person' && !/\s/.test(a.phrase.name) && verbWord(a.phrase.name)
      ? [a.phrase.name]
      : [],
  );
  const given = verbs.length
    ? wordsBefore(
        blocks.map((b) => b.text),
        verbs,
      )
    : new Map<string, unknown[]>();
  const clauseOpener = (phrase: SpeakerPhrase) =>
    phrase.type === 'person' && verbs.includes(phrase.name) && !given.get(phrase.name)?.length;
  // Register named speakers first, so that pronouns and surnames can find them.
  const register = (a: Attributed | undefined) => {
    if (!a?.phrase || a.phrase.type === 'pronoun' || clauseOpener(a.phrase)) return undefined;
    const id = registry.add(a.phrase, a.confidence);
    if (id && a.apposition) {
      const described = parseApposition(a.apposition);
      if (described) registry.describe(id, described.role, described.organization);
    }
    if (a.recipient) registry.add(a.recipient, 0.6);
    return id;
  };
  const quoteIds = quoteAttributions.map(register);
  const claimIds = claimAttributions.map(register);
  // Every name and surname the registry knows, found in the body in one pass.
  const known = registry.sources.flatMap((s) =>
    s.kind === 'person'
      ? [s.name, surname(s.name)]
      : s.kind === 'organization'
        ? [organizationName(s.name)]
        : [],
  );
  const names = new NameFinder(
    blocks.map((b) => b.text),
    known,
  );
  const quoted = insideQuotes(quotes);
  const mentions = personMentions(blocks, registry, quoted, names);
  const organizations = organizationMentions(blocks, registry, names);
  const gender = genders(blocks, registry, quotes, [
    ...known,
    ...mentions.flatMap((m) => (m.name ? [surname(m.name)] : [])),
  ]);
  // Who spoke where, among the named speakers: "he said" most often means the one speaking.
  const speakers = [
    ...quoteAttributions.map((a, i) => ({ a, id: quoteIds[i] })),
    ...claimAttributions.map((a, i) => ({ a, id: claimIds[i] })),
  ]
    .filter((x): x is { a: Attributed; id: string } => Boolean(x.a && x.id))
    .map(({ a, id }) => ({ block: a.at.block, offset: a.at.offset, id }))
    .sort((x, y) => x.block - y.block || x.offset - y.offset);
  const sourceOf = sourceLookup(registry);
  const kindOf = (id: string) => sourceOf(id)?.kind;
  const resolve = (a: Attributed | undefined, id: string | undefined): string | undefined => {
    if (id || !a?.phrase) return id;
    // The mentions and speakers before it: a prefix of each list (both are in reading order).
    // The last one that fits is found walking back from its end, not by filtering all of them.
    // "the union said": the organisation named last before it, one with "Union" in its name first.
    if (a.phrase.type === 'reference') {
      const kind = a.phrase.words.split(/\s+/).at(-1)?.toLowerCase() ?? '';
      const earlier = countBefore(organizations, a.at);
      // "the company", "the drugmaker": a business by the words of its name.
      const business = /^(?:company|firm|drugmaker|manufacturer|airline|bank|utility)$/.test(kind)
        ? /\b(?:inc|corp|co|company|biologics|pharma|pharmaceuticals|therapeutics|technologies|holdings|motors|airlines|energy|labs|bank|group)\b/i
        : undefined;
      const named = lastOf(organizations, 0, earlier, (m) => {
        const name = sourceOf(m.id)?.name.toLowerCase() ?? '';
        return name.includes(kind) || (business?.test(name) ?? false);
      });
      return (named ?? organizations[earlier - 1])?.id;
    }
    // The ones at most two blocks before it are a suffix of the earlier ones.
    const nearFrom = <T extends { block: number; offset: number }>(items: readonly T[]) =>
      countBefore(items, { block: a.at.block - 2, offset: Number.NEGATIVE_INFINITY });
    const earlierMentions = countBefore(mentions, a.at);
    const earlierSpeakers = countBefore(speakers, a.at);
    const idOf = (m: { id?: string; name?: string }) =>
      m.id ?? registry.person(m.name as string, {}, 0.6);
    if (a.phrase.type === 'described') {
      // "the Indiana governor": a person whose role says so; else the one speaking; else the
      // person named last.
      const head = a.phrase.head;
      const byRole = lastOf(mentions, 0, earlierMentions, (m) => {
        const role = (m.id ? sourceOf(m.id)?.role?.toLowerCase() : undefined) ?? '';
        return role.includes(head) || role.includes(head.slice(0, 3));
      });
      const speaking = lastOf(
        speakers,
        nearFrom(speakers),
        earlierSpeakers,
        (m) => kindOf(m.id) === 'person',
      );
      const pick = byRole ?? speaking ?? mentions[earlierMentions - 1];
      return pick ? idOf(pick) : undefined;
    }
    if (a.phrase.type !== 'pronoun') return id;
    // A pronoun agrees in gender with the one it stands for (as far as the article tells): the
    // person speaking nearby; else the last person who fits named nearby as a subject, else as
    // anything; else the one of that gender speaking earlier.
    const wanted = PRONOUN_GENDER[a.phrase.word];
    if (wanted === 'male' || wanted === 'female') {
      const genderOf = (m: { id?: string; name?: string }) =>
        gender(m.id ? (sourceOf(m.id)?.name ?? '') : (m.name ?? ''));
      const fits = (m: { id?: string; name?: string }) => (genderOf(m) ?? wanted) === wanted;
      const named = lastOf(mentions, nearFrom(mentions), earlierMentions, fits);
      // The one a sentence is about: a mention that is not an object or an owner ("lit into
      // Marco Rubio", "a man of Mr. Trump's wealth").
      const subjectNamed = lastOf(
        mentions,
        nearFrom(mentions),
        earlierMentions,
        (m) => fits(m) && !objectPosition(blocks[m.block]?.text ?? '', m.offset),
      );
      // "“She is a disgrace,” he said": the man speaking nearby, not the last man named; when the
      // article does not tell the speaker's gender, only if no sentence since is about another
      // who may fit.
      const talking = lastOf(
        speakers,
        nearFrom(speakers),
        earlierSpeakers,
        (m) => kindOf(m.id) === 'person' && fits(m),
      );
      const since = (
        m: { block: number; offset: number } | undefined,
        t: { block: number; offset: number },
      ) => m !== undefined && (m.block > t.block || (m.block === t.block && m.offset > t.offset));
      if (talking && (genderOf(talking) === wanted || !since(subjectNamed, talking)))
        return talking.id;
      if (subjectNamed) return idOf(subjectNamed);
      if (named) return idOf(named);
      const speaking = lastOf(
        speakers,
        0,
        earlierSpeakers,
        (m) => (genderOf(m) ?? wanted) === wanted,
      );
      if (speaking) return speaking.id;
    }
    const last = mentions[earlierMentions - 1];
    if (!last) return undefined;
    return idOf(last);
  };

  // Where each claim sits, so that a quotation without a speaker can take the speaker of the
  // statement just before it, quotation or claim.
  const claimSpeakers = claims.map((claim, i) => ({
    block: indexOfBlock(blocks, claim.block),
    offset: claim.start,
    speaker: resolve(claimAttributions[i], claimIds[i]),
  }));
  // The claims with a speaker, in reading order: the last before a quotation in its block, else
  // the last of the block before, by binary search.
  const spoken = claimSpeakers.filter((c) => c.speaker);
  const previousClaimSpeaker = (quote: QuoteCandidate) => {
    const at = indexOfBlock(blocks, quote.block);
    const last = spoken[countBefore(spoken, { block: at, offset: quote.start }) - 1];
    return last && (last.block === at || last.block === at - 1) ? last.speaker : undefined;
  };
  // For each quotation, the next one in its block whose words name a speaker.
  const nextNamed: number[] = new Array(quotes.length).fill(-1);
  for (let j = quotes.length - 2; j >= 0; j--) {
    const next = quotes[j + 1] as QuoteCandidate;
    if (next.block !== quotes[j]?.block) continue;
    nextNamed[j] = quoteIds[j + 1] ? j + 1 : (nextNamed[j + 1] as number);
  }
  // What a quotation running on into the next paragraphs takes from there, remembered per
  // quotation so that a long run is walked once.
  const runsOnFrom = new Map<number, string | undefined>();
  const runsOnAt = (i: number): string | undefined => {
    const walked: number[] = [];
    let found: string | undefined;
    let j = i;
    for (; quotes[j]?.continues && quotes[j + 1]?.continuation; j++) {
      if (runsOnFrom.has(j)) {
        found = runsOnFrom.get(j);
        break;
      }
      walked.push(j);
      found = resolve(quoteAttributions[j + 1], quoteIds[j + 1]);
      if (found) break;
    }
    for (const k of walked) runsOnFrom.set(k, found);
    return found;
  };

  const statements: Statement[] = [];
  /** For each quotation's statement (by its index here): its quotation, and whether words of its own attribute it. */
  const quoteOf = new Map<number, { quote: QuoteCandidate; own: boolean }>();
  let previous: { at: number; offset: number } | undefined;
  let lastSpeaker: string | undefined;
  let lastBlock = '';
  quotes.forEach((quote, i) => {
    const a = quoteAttributions[i];
    let speaker = resolve(a, quoteIds[i]);
    let path: AttributionPath = a?.path ?? 'inherited-far';
    // A paragraph that opens an excerpt and never closes it, with nothing before or after that
    // continues or attributes it: whose words they are is anyone's guess, so no statement.
    const orphan =
      !speaker &&
      quote.outerStart === 0 &&
      quote.continues &&
      !quote.continuation &&
      !quotes[i + 1]?.continuation;
    if (orphan) return;
    if (!speaker) {
      // No words of its own: the quotation before it in the paragraph; for a quotation running on
      // into the next paragraph, the words that attribute it there; the statement just before it;
      // the next quotation in the paragraph that has a speaker.
      const sameBlock = lastBlock === quote.block ? lastSpeaker : undefined;
      const laterInBlock = nextNamed[i] as number;
      const runsOn = runsOnAt(i);
      speaker =
        sameBlock ??
        runsOn ??
        (quote.continuation ? lastSpeaker : undefined) ??
        previousClaimSpeaker(quote) ??
        (laterInBlock >= 0
          ? resolve(quoteAttributions[laterInBlock], quoteIds[laterInBlock])
          : undefined) ??
        lastSpeaker;
      path = sameBlock || runsOn || quote.continuation ? 'inherited-near' : 'inherited-far';
    }
    if (!speaker) return;
    lastSpeaker = speaker;
    lastBlock = quote.block;
    const recipient = a?.recipient ? registry.add(a.recipient, 0.6) : undefined;
    const cue = a?.verb ? undefined : cueNear(blocks, quotes, i);
    // Words between two quotations can attribute both ("“A,” Trump said. “B.”"): they count once.
    const own =
      a !== undefined &&
      !(previous && a.at.block === previous.at && a.at.offset === previous.offset);
    quoteOf.set(statements.length, { quote, own });
    previous = a ? { at: a.at.block, offset: a.at.offset } : undefined;
    statements.push({
      id: `q${statements.length + 1}`,
      kind: quote.kind,
      text: quote.text,
      speaker,
      attribution: {
        ...(a?.verb ? { verb: a.verb } : cue ? { verb: cue } : {}),
        ...(recipient ? { recipient } : {}),
      },
      span: { block: quote.block, start: quote.start, end: quote.end },
      confidence: calibrated(path, a?.phrase?.type, quote.kind),
    });
  });

  claims.forEach((claim, i) => {
    const a = claimAttributions[i];
    const speaker = resolve(a, claimIds[i]);
    if (!speaker || !a) return;
    statements.push({
      id: `c${i + 1}`,
      kind: 'indirect',
      text: claim.text,
      speaker,
      attribution: { verb: claim.verb },
      span: { block: claim.block, start: claim.start, end: claim.end },
      confidence: calibrated(a.path, a.phrase?.type, 'indirect'),
    });
  });

  // Reading order, then stable ids s1, s2, …
  const blockAt = new Map(blocks.map((b, i) => [b.id, i]));
  const order = (s: Statement) => (blockAt.get(s.span.block) ?? 0) * 1e7 + s.span.start;
  const sorted = statements
    .map((statement, index) => ({ statement, index }))
    .sort((a, b) => order(a.statement) - order(b.statement));
  const out = sorted.map(({ statement }, i) => ({ ...statement, id: `s${i + 1}` }));
  const relations = pieces(
    sorted.map(({ index }) => quoteOf.get(index)),
    out,
    new Map(blocks.map((b) => [b.id, b.text])),
  );
  // The pieces of one utterance are attributed by the same words: one confidence, the surest.
  // Relations run from a later piece to the one before, in reading order: back, then forward.
  const byId = new Map(out.map((s) => [s.id, s]));
  const surest = (a?: Statement, b?: Statement) => Math.max(a?.confidence ?? 0, b?.confidence ?? 0);
  for (const r of [...relations].reverse()) {
    const to = byId.get(r.to);
    if (to) to.confidence = surest(byId.get(r.from), to);
  }
  for (const r of relations) {
    const from = byId.get(r.from);
    if (from) from.confidence = byId.get(r.to)?.confidence ?? from.confidence ?? 0;
  }
  return { statements: out, relations };
}

/**
 * The pieces of split quotations: a quotation continues the one just before it when both have
 * one speaker, at most one of them has attributing words of its own (`“A,” he said, “B.”`), and
 * it is in the same paragraph (and the words between do not open a clause of their own for it)
 * or runs on from the paragraph before.
 */
function pieces(
  quotations: readonly ({ quote: QuoteCandidate; own: boolean } | undefined)[],
  statements: readonly Statement[],
  texts: ReadonlyMap<string, string>,
): Relation[] {
  const relations: Relation[] = [];
  // Whether the utterance being built already has its attributing words.
  let own = quotations[0]?.own ?? false;
  for (let i = 1; i < statements.length; i++) {
    const before = quotations[i - 1];
    const now = quotations[i];
    const previous = statements[i - 1] as Statement;
    const current = statements[i] as Statement;
    const together =
      before !== undefined &&
      now !== undefined &&
      previous.speaker === current.speaker &&
      ((before.quote.block === now.quote.block &&
        !opensOwnClause(texts.get(now.quote.block) ?? '', before.quote, now.quote)) ||
        (before.quote.continues && now.quote.continuation)) &&
      !(own && now.own);
    if (together) {
      relations.push({ kind: 'continues', from: current.id, to: previous.id });
      own ||= now.own;
    } else own = now?.own ?? false;
  }
  return relations;
}
