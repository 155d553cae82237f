/**
 * Attribution: who said each quotation and claim. The speaker is read from the words next to the
 * quotation ("…,” said Tapper. / “…,” the official told CNN / Kerry said Sunday … “on the run.”);
 * a quotation with no words of its own takes the speaker of the quotation before it in the
 * paragraph, or of the paragraph it continues; "he"/"she" is the person named last before it.
 */
import type { Statement } from '@storykit/core';
import { VERB_PATTERN } from '../lexicon.js';
import { sentences } from '../sentences.js';
import type { ClaimCandidate, DraftBlock, QuoteCandidate } from '../types.js';
import {
  parseApposition,
  parseSpeaker,
  type SourceRegistry,
  type SpeakerPhrase,
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
  String.raw`^\s*[,—–-]?\s*(?<verb>${VERB_PATTERN})\s+(?<rest>.+)$`,
  'u',
);
const SPEAKER_FIRST = new RegExp(
  String.raw`^\s*[,—–-]?\s*(?<speaker>[^,.;“”"]{1,80}?)(?:,\s*(?<apposition>[^“”"]{2,160}?),)?\s+(?<verb>${VERB_PATTERN})\b(?<rest>.*)$`,
  'u',
);
const VERB_BEFORE = new RegExp(
  String.raw`(?<speaker>[^,;“”"]{1,80}?)(?:,\s*(?<apposition>[^“”"]{2,160}?),)?\s+(?<verb>${VERB_PATTERN})\b[^“”"]*$`,
  'u',
);

/** Words between a speaker and the verb that are not the speaker: "that on June 26", "Sunday". */
const TRAILING =
  /(?:\s+(?:that|who|which|also|later|earlier|then|recently|again|once|previously|yesterday|today|(?:on|last|this)\s+\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+day|on\s+\p{Lu}\p{Ll}+\s+\d{1,2}|in\s+(?:a|an)\s+\w+))+\s*$/u;

/** The longest end of `words` that reads as a speaker ("… and President Obama" → "President Obama"). */
function speakerAtEnd(text: string): { phrase: SpeakerPhrase; words: string } | undefined {
  const words = text.replace(TRAILING, '').trim().split(/\s+/);
  for (let take = Math.min(words.length, 10); take >= 1; take--) {
    const candidate = words.slice(-take).join(' ');
    const phrase = parseSpeaker(candidate);
    if (phrase) return { phrase, words: candidate };
  }
  return undefined;
}

/** Where a phrase ends: a comma, colon, quotation mark, or a full stop that is not an abbreviation's. */
const PHRASE_END =
  /[,;:“”"(]|(?<!\b(?:Mr|Ms|Mrs|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|\p{Lu}))\.(?=\s|$)/u;

/** The speaker phrase at the start of `text` ("Mr. Kerry, in an interview …" → "Mr. Kerry"). */
function speakerAtStart(text: string): { phrase: SpeakerPhrase; words: string } | undefined {
  const cut = PHRASE_END.exec(text);
  const head = cut ? text.slice(0, cut.index) : text;
  const words = head.trim().split(/\s+/);
  for (let take = Math.min(words.length, 12); take >= 1; take--) {
    const candidate = words.slice(0, take).join(' ');
    const phrase = parseSpeaker(candidate);
    if (phrase) return { phrase, words: candidate };
  }
  return undefined;
}

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

function attributeQuote(
  blocks: readonly DraftBlock[],
  quotes: readonly QuoteCandidate[],
  index: number,
): Attributed | undefined {
  const quote = quotes[index] as QuoteCandidate;
  const blockIndex = blocks.findIndex((b) => b.id === quote.block);
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
    const found = speakerAtEnd(speaker);
    if (found) {
      const recipient = recipientOf(verb, rest);
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
  const lead = before(block, quote, previous);
  const verbBefore = VERB_BEFORE.exec(lead);
  if (verbBefore?.groups) {
    const { speaker, apposition, verb } = verbBefore.groups as {
      speaker: string;
      apposition?: string;
      verb: string;
    };
    const found = speakerAtEnd(speaker);
    if (found) {
      return {
        phrase: found.phrase,
        verb,
        ...(apposition ? { apposition } : {}),
        at: { block: blockIndex, offset: block.text.indexOf(lead) + lead.indexOf(found.words) },
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
  /\b(\p{Lu}[\p{Ll}’'-]+\s+\p{Lu}[\p{Ll}’'-]+)(?=\s+(?:[\p{Ll}]+ed|said|says|told|tells|wrote|has|had|was|is|spoke|took|made|gave|went|came|saw|thinks|thought|believes|argues|warns|adds)\b)/gu;

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
    const blockIndex = blocks.findIndex((b) => b.id === claim.block);
    const found = speakerAtEnd(claim.speaker) ?? speakerAtStart(claim.speaker);
    if (!found) return undefined;
    const block = blocks[blockIndex] as DraftBlock;
    const afterSpeaker = block.text.slice(claim.speakerAt + claim.speaker.length);
    const apposition =
      claim.verb === 'according to' ? /^,\s*([^,.]+)/.exec(afterSpeaker)?.[1] : undefined;
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
  const resolve = (a: Attributed | undefined, id: string | undefined): string | undefined => {
    if (id || !a?.phrase || a.phrase.type !== 'pronoun') return id;
    const before = mentions.filter(
      (m) => m.block < a.at.block || (m.block === a.at.block && m.offset < a.at.offset),
    );
    const last = before.at(-1);
    if (!last) return undefined;
    return last.id ?? registry.person(last.name as string, {}, 0.6);
  };

  const statements: Statement[] = [];
  let lastSpeaker: string | undefined;
  let lastBlock = '';
  quotes.forEach((quote, i) => {
    const a = quoteAttributions[i];
    let speaker = resolve(a, quoteIds[i]);
    let confidence = a?.confidence ?? 0;
    if (!speaker) {
      // No words of its own: the quotation before it in the paragraph, the paragraph it continues,
      // or the next quotation in the paragraph that has a speaker.
      const sameBlock = lastBlock === quote.block ? lastSpeaker : undefined;
      const laterInBlock = quotes.findIndex(
        (q, j) => j > i && q.block === quote.block && quoteIds[j],
      );
      speaker =
        sameBlock ??
        (quote.continuation ? lastSpeaker : undefined) ??
        (laterInBlock >= 0
          ? resolve(quoteAttributions[laterInBlock], quoteIds[laterInBlock])
          : undefined) ??
        lastSpeaker;
      confidence = sameBlock || quote.continuation ? 0.75 : 0.45;
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
  const order = (s: Statement) =>
    blocks.findIndex((b) => b.id === s.span.block) * 1e7 + s.span.start;
  return statements.sort((a, b) => order(a) - order(b)).map((s, i) => ({ ...s, id: `s${i + 1}` }));
}
