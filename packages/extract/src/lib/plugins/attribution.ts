/**
 * Attribution: who said each quotation and claim. The speaker is read from the words next to the
 * quotation ("…,” said Tapper. / “…,” the official told CNN / Kerry said Sunday … “on the run.”);
 * a quotation with no words of its own takes the speaker of the quotation before it in the
 * paragraph, or of the paragraph it continues; "he"/"she" is the person named last before it.
 */
import type { Statement } from '@storykit/core';
import { QUOTE_VERB_PATTERN } from '../lexicon.js';
import { sentences } from '../sentences.js';
import type { ClaimCandidate, DraftBlock, QuoteCandidate } from '../types.js';
import {
  parseApposition,
  parseSpeaker,
  type SourceRegistry,
  type SpeakerPhrase,
  speakerAtEnd,
  speakerAtStart,
  surname,
} from './sources.js';

/** How a statement's speaker was found, from surest to least sure. */
interface Attributed {
  readonly phrase?: SpeakerPhrase;
  readonly verb?: string;
  readonly recipient?: SpeakerPhrase;
  readonly apposition?: string;
  /** Where the speaker's words are, for pronouns. */
  readonly at: { block: number; offset: number };
  readonly confidence: number;
}

const VERB_FIRST = new RegExp(
  String.raw`^\s*[,—–-]?\s*(?<verb>${QUOTE_VERB_PATTERN})\s+(?<rest>.+)$`,
  'u',
);
/** A character of a speaker's words: no punctuation but the full stop of "Dr." or "J.". */
const SPEAKER_CHAR = String.raw`(?:[^,.;“”"]|(?<=(?:\bMr|\bMs|\bMrs|\bDr|\bProf|\bGen|\bSen|\bRep|\bGov|\bLt|\bCol|\bSt|\b\p{Lu}))\.)`;
const SPEAKER_FIRST = new RegExp(
  String.raw`^\s*[,—–-]?\s*(?<speaker>${SPEAKER_CHAR}{1,80}?)(?:,\s*(?<apposition>[^“”"]{2,160}?),)?\s+(?<verb>${QUOTE_VERB_PATTERN})\b(?<rest>.*)$`,
  'u',
);
const VERB_BEFORE = new RegExp(
  String.raw`(?<speaker>[^,;“”"]{1,80}?)(?:,\s*(?<apposition>[^“”"]{2,160}?),)?\s+(?<verb>${QUOTE_VERB_PATTERN})\b[^“”"]*$`,
  'u',
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
  if (/^\s*(?:who|which|that)\s*$/.test(speaker)) {
    const at = text.lastIndexOf(speaker.trim());
    const head = text.slice(0, at).replace(/,\s*$/, '');
    const appositive = /,\s*([^,]+)$/.exec(head);
    const found = speakerAtEnd(appositive ? head.slice(0, appositive.index) : head);
    return found ? { found, ...(appositive?.[1] ? { apposition: appositive[1] } : {}) } : undefined;
  }
  const found = speakerAtEnd(speaker);
  return found ? { found, ...(apposition ? { apposition } : {}) } : undefined;
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
        at: { block: blockIndex, offset: quote.outerEnd + tail.indexOf(found.words) },
        confidence: 0.9,
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
        at: {
          block: blockIndex,
          offset: quote.outerEnd + Math.max(tail.indexOf(resolved.found.words), 0),
        },
        confidence: 0.9,
      };
    }
  }
  const lead = before(block, quote, previous);
  const verbBefore = VERB_BEFORE.exec(lead);
  if (verbBefore?.groups) {
    const { speaker, apposition, verb } = verbBefore.groups as {
      speaker: string;
      apposition?: string;
      verb: string;
    };
    const resolved = subject(lead, speaker, apposition);
    if (resolved) {
      return {
        phrase: resolved.found.phrase,
        verb,
        ...(resolved.apposition ? { apposition: resolved.apposition } : {}),
        at: {
          block: blockIndex,
          offset: block.text.indexOf(lead) + Math.max(lead.indexOf(resolved.found.words), 0),
        },
        confidence: 0.8,
      };
    }
  }
  return undefined;
}

/**
 * A person named as the subject of a sentence ("Ana Ruiz disagreed"): not a source yet, but the
 * one "she" may refer to next.
 */
const SUBJECT_NAME =
  /\b(\p{Lu}[\p{Ll}’'-]+\s+\p{Lu}[\p{Ll}’'-]+)(?=\s+(?:[\p{Ll}]+ed|said|says|told|tells|wrote|has|had|was|is|spoke|spent|took|made|gave|went|came|saw|thinks|thought|believes|argues|warns|adds)\b|,\s+(?:who|a|an|the|\d))/gu;

/** Occurrences of the organisations' names in the body, in reading order, for "the company". */
function organizationMentions(blocks: readonly DraftBlock[], registry: SourceRegistry) {
  const mentions: { block: number; offset: number; id: string }[] = [];
  for (const source of registry.sources) {
    if (source.kind !== 'organization') continue;
    const name = source.name.replace(/\s*\([^)]*\)$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`\\b${name}\\b`, 'gu');
    blocks.forEach((block, blockIndex) => {
      for (const match of block.text.matchAll(pattern))
        mentions.push({ block: blockIndex, offset: match.index, id: source.id });
    });
  }
  return mentions.sort((a, b) => a.block - b.block || a.offset - b.offset);
}

/** Occurrences of people's names in the body, in reading order, for resolving pronouns. */
function personMentions(
  blocks: readonly DraftBlock[],
  registry: SourceRegistry,
  quotes: readonly QuoteCandidate[],
) {
  const mentions: { block: number; offset: number; id?: string; name?: string }[] = [];
  blocks.forEach((block, blockIndex) => {
    for (const match of block.text.matchAll(SUBJECT_NAME)) {
      const name = match[1] as string;
      const phrase = parseSpeaker(name);
      const inQuote = quotes.some(
        (q) => q.block === block.id && match.index >= q.start && match.index < q.end,
      );
      if (phrase?.type === 'person' && !inQuote && !registry.findPerson(name)) {
        mentions.push({ block: blockIndex, offset: match.index, name });
      }
    }
  });
  for (const source of registry.sources) {
    if (source.kind !== 'person') continue;
    const names = [source.name, surname(source.name)].map((n) =>
      n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
    const pattern = new RegExp(`\\b(?:${names.join('|')})\\b`, 'gu');
    blocks.forEach((block, blockIndex) => {
      for (const match of block.text.matchAll(pattern)) {
        const inQuote = quotes.some(
          (q) => q.block === block.id && match.index >= q.start && match.index < q.end,
        );
        if (!inQuote) mentions.push({ block: blockIndex, offset: match.index, id: source.id });
      }
    });
  }
  return mentions.sort((a, b) => a.block - b.block || a.offset - b.offset);
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
): Statement[] {
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
    };
  });

  // Register named speakers first, so that pronouns and surnames can find them.
  const register = (a: Attributed | undefined) => {
    if (!a?.phrase || a.phrase.type === 'pronoun') return undefined;
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
  const mentions = personMentions(blocks, registry, quotes);
  const organizations = organizationMentions(blocks, registry);
  // The mentions of organisations whose name holds a word ("union"), per word, found once.
  const organizationNames = new Map(registry.sources.map((s) => [s.id, s.name.toLowerCase()]));
  const organizationsNamed = new Map<string, number[]>();
  const resolve = (a: Attributed | undefined, id: string | undefined): string | undefined => {
    if (id || !a?.phrase) return id;
    // "the union said": the organisation named last before it, one with "Union" in its name first.
    if (a.phrase.type === 'reference') {
      const kind = a.phrase.words.split(/\s+/).at(-1)?.toLowerCase() ?? '';
      const earlier = countBefore(organizations, a.at);
      let named = organizationsNamed.get(kind);
      if (!named) {
        named = [];
        for (const [i, m] of organizations.entries())
          if (organizationNames.get(m.id)?.includes(kind)) named.push(i);
        organizationsNamed.set(kind, named);
      }
      let lastNamed: number | undefined;
      for (let low = 0, high = named.length; low < high; ) {
        const mid = (low + high) >>> 1;
        if ((named[mid] as number) < earlier) {
          lastNamed = named[mid];
          low = mid + 1;
        } else high = mid;
      }
      return organizations[lastNamed ?? earlier - 1]?.id;
    }
    if (a.phrase.type !== 'pronoun') return id;
    const last = mentions[countBefore(mentions, a.at) - 1];
    if (!last) return undefined;
    return last.id ?? registry.person(last.name as string, {}, 0.6);
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
  let lastSpeaker: string | undefined;
  let lastBlock = '';
  quotes.forEach((quote, i) => {
    const a = quoteAttributions[i];
    let speaker = resolve(a, quoteIds[i]);
    let confidence = a?.confidence ?? 0;
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
      confidence = sameBlock || runsOn || quote.continuation ? 0.75 : 0.5;
    }
    if (!speaker) return;
    lastSpeaker = speaker;
    lastBlock = quote.block;
    const recipient = a?.recipient ? registry.add(a.recipient, 0.6) : undefined;
    statements.push({
      id: `q${statements.length + 1}`,
      kind: quote.kind,
      text: quote.text,
      speaker,
      attribution: {
        ...(a?.verb ? { verb: a.verb } : {}),
        ...(recipient ? { recipient } : {}),
      },
      span: { block: quote.block, start: quote.start, end: quote.end },
      confidence,
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
      confidence: a.confidence,
    });
  });

  // Reading order, then stable ids s1, s2, …
  const order = (s: Statement) => indexOfBlock(blocks, s.span.block) * 1e7 + s.span.start;
  return statements.sort((a, b) => order(a) - order(b)).map((s, i) => ({ ...s, id: `s${i + 1}` }));
}
