/**
 * Quotations and reported claims. Quotations: text between double quotation marks, straight or
 * curly (or guillemets), with single marks inside them kept as quotes within the quote; a
 * quotation left open at the end of a paragraph runs on into the next (the convention for
 * multi-paragraph quotes); quoted titles ("State of the Union"), single quoted words and repeats
 * of an earlier quotation are not statements. Reported claims: what follows a reporting verb
 * ("he said the territory … has decreased"), or what precedes "according to …".
 */
import { QUOTE_VERB_PATTERN, VERB_PATTERN } from '../lexicon.js';
import { type Range, sentences } from '../sentences.js';
import type { ClaimCandidate, DraftBlock, QuoteCandidate } from '../types.js';
import { matchReported, subordinateEnd } from './reported.js';
import { speakerAtEnd, speakerAtStart } from './sources.js';

const OPEN_DOUBLE = new Set(['“', '«', '„']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const SMALL_WORDS = new Set([
  'of',
  'the',
  'and',
  'a',
  'an',
  'in',
  'on',
  'for',
  'to',
  'at',
  'by',
  'with',
  'or',
]);

interface Mark {
  open: number;
  close?: number;
  /** How many characters the marks take: 2 for the two apostrophes some papers write (''). */
  width: number;
}

/**
 * Where the double quotation marks of a block open and close. A quotation inside a quotation
 * (`“He called it “a mistake” twice,” she said`, straight marks alike) does not end the outer
 * one. When the marks inside never balance (a stray mark, a typo), or nesting leaves open a
 * quotation that a plain reading closes, the block is read without nesting: the first closing
 * mark closes the quotation.
 */
function quoteMarks(text: string): Mark[] {
  const nested = readMarks(text, true);
  if (nested.inner === 0 && !nested.open) return nested.marks;
  const flat = readMarks(text, false);
  return nested.inner === 0 && flat.open ? nested.marks : flat.marks;
}

/** Whether a straight mark at `i` (of `width` characters) opens: a space or the block's start before it, a word after it. */
const opensHere = (text: string, i: number, width: number) =>
  (i === 0 || /[\s([{—–-]/u.test(text[i - 1] as string)) &&
  /[^\s.,;:!?]/u.test(text[i + width] ?? ' ');

/** Whether a mark at `i` closes by its place: a word or punctuation before it, a space, punctuation or the block's end after it. */
const closesHere = (text: string, i: number, width: number) =>
  i > 0 &&
  !/\s/u.test(text[i - 1] as string) &&
  /^(?:$|[\s.,;:!?)\]—–-])/u.test(text.slice(i + width, i + width + 1));

/**
 * The marks of a block, quotations inside quotations counted when `nest` is set; with how many
 * quotations inside the last one are still open at the block's end, and whether it is.
 */
function readMarks(text: string, nest: boolean): { marks: Mark[]; inner: number; open: boolean } {
  const marks: Mark[] = [];
  let current: Mark | undefined;
  // How many quotations are open inside the current one.
  let inner = 0;
  for (let i = 0; i < text.length; i++) {
    let char = text[i] as string;
    let width = 1;
    // The New York Times writes a double quotation mark as two apostrophes, opening and closing
    // alike (''We are ready,'' she said): read them as one straight mark.
    if (char === "'" && text[i + 1] === "'") {
      char = '"';
      width = 2;
    }
    if (OPEN_DOUBLE.has(char)) {
      if (!current) {
        current = { open: i, width: 1 };
        marks.push(current);
      } else if (closesHere(text, i, width)) {
        // An opening mark written where a closing one belongs ("… the Arab states“ with …").
        if (inner > 0) inner--;
        else {
          current.close = i;
          current = undefined;
        }
      } else if (nest) inner++;
      // Without nesting, a second opener inside an open quotation is a stray mark.
    } else if (CLOSE_DOUBLE.has(char)) {
      if (current) {
        if (inner > 0) inner--;
        else {
          current.close = i;
          current = undefined;
        }
      } else if (marks.length === 0 && i > 0) {
        // A closing mark with no opening one: the block continues a quotation from the block
        // before, which the writer did not reopen.
        marks.push({ open: -1, close: i, width: 1 });
      }
    } else if (char === '"') {
      if (!current) {
        current = { open: i, width };
        marks.push(current);
      } else if (nest && opensHere(text, i, width)) inner++;
      else if (inner > 0) inner--;
      else {
        current.close = i;
        current = undefined;
      }
      i += width - 1;
    }
  }
  return { marks, inner, open: current !== undefined };
}

/**
 * The words just before a quotation that make it something said whatever its form: a chant
 * ("chanting “Lock her up!”", "chants of “…”") or a name someone gave ("called him “weak”",
 * "dubbed the plan “a fraud”").
 */
const SAID_BEFORE =
  /(?:\b(?:chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|cr(?:y|ies|ied)|roar(?:s|ed)?)(?:\s+of)?|\b(?:call(?:s|ed|ing)?|dubb(?:ed|ing)|dubs|labell?(?:ed|ing)|labels|brand(?:s|ed|ing)|termed)(?:\s+[\p{L}’'.-]+){0,4})[,:]?\s*$/u;

/** A reporting verb earlier in the sentence: "said the probe is “ongoing”", "says he voted “uncommitted”". */
const REPORTED_BEFORE = new RegExp(String.raw`\b(?:${QUOTE_VERB_PATTERN})\b`, 'u');

/** Whether a quoted phrase is a title or a name ("State of the Union", "Operation Desert Storm"). */
function isTitle(text: string): boolean {
  const words = text.replace(/[.,!?]+$/, '').split(/\s+/);
  if (words.length > 8) return false;
  return words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && SMALL_WORDS.has(w)));
}

const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The quotations of the body, block by block. A quotation with a single word ("awakening"), a
 * title, or the words of an earlier quotation repeated is left out: it is the writer's word choice
 * or a reference, not a new statement.
 */
export function findQuotes(blocks: readonly DraftBlock[]): QuoteCandidate[] {
  const found: QuoteCandidate[] = [];
  const seen = new Set<string>();
  let runningOn = false;
  for (const block of blocks) {
    const { text } = block;
    const marks = quoteMarks(text);
    const startsWithMark = /^(?:[“"«„]|'')/.test(text);
    const continuation = runningOn && startsWithMark;
    runningOn = false;
    for (const [index, mark] of marks.entries()) {
      const open = mark.open;
      const close = mark.close ?? text.length;
      let start = open + (open < 0 ? 1 : mark.width);
      let end = close;
      while (start < end && /\s/.test(text[start] as string)) start++;
      while (end > start && /\s/.test(text[end - 1] as string)) end--;
      const quoted = text.slice(start, end);
      if (mark.close === undefined) runningOn = true;
      // A chanted slogan ("Trump! Trump!") or what someone called someone ("called it “reckless”")
      // is said, even as a single word or in capitals.
      const lead = text.slice(Math.max(0, open - 120), Math.max(open, 0));
      const named = SAID_BEFORE.test(lead.slice(-60));
      // One word that ends the clause a reporting verb opens ("said the search was “ongoing.”"),
      // or comes a few words after the verb ("voted “no” on the bill"); one deep inside a long
      // clause ("… troops and Sunni “awakening” allies") is the writer's word choice.
      const endsClause =
        /[.?!,;:]$/.test(quoted) ||
        /^(?:$|[.?!,;:)—–])/u.test(text.slice(close + mark.width, close + mark.width + 1));
      const clause = lead.replace(/^.*[.?!]["”'’)]*\s/su, '');
      const reported = REPORTED_BEFORE.test(endsClause ? clause : clause.slice(-40));
      if (!/[\p{L}\p{N}]/u.test(quoted)) continue;
      if (!named && (isTitle(quoted) || (!reported && !/\s/.test(quoted)))) continue;
      const key = normalized(quoted);
      if (seen.has(key)) continue;
      seen.add(key);
      // A quoted sentence opens with a capital (or continues one); quoted words inside the
      // writer's sentence open in lower case or with an ellipsis.
      const kind = /^[\p{Lu}\d'‘"]/u.test(quoted) ? 'direct' : 'partial';
      found.push({
        block: block.id,
        start,
        end,
        outerStart: Math.max(open, 0),
        outerEnd: mark.close === undefined ? text.length : close + mark.width,
        text: quoted,
        kind,
        continues: mark.close === undefined,
        continuation: index === 0 && (continuation || mark.open === -1),
      });
    }
  }
  return found;
}

/** Words that open a reported clause besides the reporting verbs ("citing a report that …"). */
const CLAUSE_OPENER = /\b(?:citing|urging|accusing|accused)\b/u;

/**
 * Whether the writer's words between two quotations of one paragraph open a new reported clause
 * for the second, so that it is an utterance of its own rather than a later piece of the first:
 * `“A.” He said the plan was “B.”` or `“A,” she said, adding that it was “B.”` — but not
 * `“A,” he said, “B.”`, `“A.” He said: “B.”`, nor quoted words the writer's sentence joins
 * (`“A” and “B”`).
 */
export function opensOwnClause(text: string, before: QuoteCandidate, now: QuoteCandidate): boolean {
  const gap = text.slice(before.outerEnd, now.outerStart);
  // The words right before the second quotation run into it (no comma or colon introduces it).
  if (!/[\p{L}\p{N}]\s*$/u.test(gap)) return false;
  // A sentence ends inside the first quotation or in the words after it.
  const sentenceEnds = /[.?!]$/.test(before.text) || /[.?!]["”'’)]*\s+\S/u.test(gap);
  if (sentenceEnds) return true;
  // "…,” she said, adding that …” / "… and called the plan “…"": a reporting verb of its own.
  return REPORTED_BEFORE.test(gap) || CLAUSE_OPENER.test(gap);
}

const V = VERB_PATTERN;
/** "Kerry, on Sunday, referred to …", "Teodora Malik, chief economist at X, a group in Y, warned that …" */
const CLAIM_VERB = new RegExp(
  String.raw`(?<speaker>[^,;—–]{1,120}?)(?<apposition>,[^,]{1,80},(?:[^,]{1,80},)?)?\s+(?<verb>${V})(?:\s+(?:on|in)\s+\p{Lu}[\p{L}]+day)?(?:\s+(?<recipient>reporters|(?:the\s+)?\p{Lu}[\p{L}’'.\-]*(?:\s+\p{Lu}[\p{L}’'.\-]*)*))?,?\s+(?:that\s+|how\s+)?(?<claim>.+)$`,
  'dgu',
);
/**
 * White space, a reporting verb, then white space or a comma and white space: where
 * {@link CLAIM_VERB}'s verb can be (after it, each of its parts opens with white space).
 */
const SPACE_VERB = new RegExp(String.raw`\s(?:${V})(?=,?\s)`, 'gu');
/**
 * The most UTF-16 code units {@link CLAIM_VERB} reads before the white space ahead of its verb:
 * 120 characters of speaker and an apposition of at most three commas and 80 + 80 other
 * characters, each character at most two code units.
 */
const CLAIM_VERB_REACH = 2 * (120 + 80 + 80) + 3;

/** The last of the characters a speaker cannot hold (`,;—–`) before `at`; -1 when none is. */
function lastSeparator(text: string, at: number): number {
  return Math.max(
    text.lastIndexOf(',', at - 1),
    text.lastIndexOf(';', at - 1),
    text.lastIndexOf('—', at - 1),
    text.lastIndexOf('–', at - 1),
  );
}

/**
 * Where a match of {@link CLAIM_VERB} whose verb begins at `verb` can start at the earliest: its
 * speaker holds none of `,;—–`, and when an apposition follows it (`, X,` or `, X, Y,`, with the
 * white space ahead of the verb right after its last comma) the apposition opens at the second
 * or third comma back; and the speaker and apposition are at most {@link CLAIM_VERB_REACH} long.
 */
function earliestStart(sentence: string, verb: number): number {
  let space = verb;
  while (space > 0 && /\s/u.test(sentence[space - 1] as string)) space--;
  let opening = verb;
  if (sentence[space - 1] === ',') {
    const second = sentence.lastIndexOf(',', space - 2);
    const third = second > 0 ? sentence.lastIndexOf(',', second - 1) : -1;
    if (second >= 0) opening = third >= 0 ? third : second;
  }
  return Math.max(lastSeparator(sentence, opening) + 1, space - CLAIM_VERB_REACH, 0);
}

/**
 * {@link CLAIM_VERB}'s first match in a sentence, the same as an `exec` from the start, without
 * trying offsets where no match can start: before the earliest start of a match with each verb it
 * can use ({@link earliestStart}); a sentence with none ("…, officials said.") is not searched.
 * Trying every offset, each reading up to 120 characters, cost a tenth of an extraction.
 */
function claimVerb(sentence: string): RegExpExecArray | null {
  let from = Number.POSITIVE_INFINITY;
  SPACE_VERB.lastIndex = 0;
  for (let verb = SPACE_VERB.exec(sentence); verb; verb = SPACE_VERB.exec(sentence))
    from = Math.min(from, earliestStart(sentence, verb.index + 1));
  if (from === Number.POSITIVE_INFINITY) return null;
  CLAIM_VERB.lastIndex = from;
  return CLAIM_VERB.exec(sentence);
}
/** Verbs whose object is a person told something ("told reporters", "warned the Senate"). */
const TO_SOMEONE = /^(?:told|tells|asked|asks|warned|warns|urged|urges|assured|informed|reminded)$/;
/** "It is designed to hold back water, Paul Denning, a spokesman for X, told the Courier." */
const CLAIM_AFTER_APPOSITION = new RegExp(
  String.raw`^(?<claim>.{15,}?),\s+(?<speaker>[^,]{2,60}?),\s*(?<apposition>[^,]{2,120}(?:,[^,]{2,80})?),\s+(?<verb>${V})(?:\s+[^\s,.]+){0,6}\.?$`,
  'u',
);
/** "… compared with 131 in the placebo group, the company said." */
const CLAIM_AFTER = new RegExp(
  String.raw`^(?<claim>.{15,}),\s+(?<speaker>[^,]{2,80}?)\s+(?<verb>${V})(?:\s+[^\s,.]+){0,6}\.?$`,
  'u',
);
const ACCORDING_TO = /(?:^|[—–(]\s*)(?<claim>[^—–(]+?),\s+according to\s+(?<speaker>[^,.;—–)]+)/u;
const ACCORDING_TO_FIRST = /^According to\s+(?<speaker>[^,]+),\s+(?<claim>.+)$/u;
const NOUN_CLAIM =
  /\b(?:a|the)\s+(?<verb>warning|claim|assertion|statement|prediction|estimate)\s+(?:by|from)\s+(?<speaker>[^,;]+?)\s+that\s+(?<claim>.+)$/u;
/** After the last quotation of a sentence: "… “no immediate threat,” and noted that crews had …" */
const TRAILING_CLAIM = new RegExp(
  String.raw`(?:,\s*|\s+)(?:and|but)\s+(?<verb>${V})\s+(?:that\s+)?(?<claim>[^“”"«»]{15,})$`,
  'u',
);

const ANY_VERB = new RegExp(`\\b(?:${V})\\b`, 'u');

/** Verbs whose object is the claim itself, kept in its text as the article writes it. */
const VERB_IN_TEXT = new Set(['referred to', 'objected', 'pointed out', 'disputed', 'rejected']);

/**
 * Reported claims in the writer's sentences (outside quotation marks): "He said the territory …",
 * "…, the company said.", "Others in Washington agree, according to Aaron Stein", "a warning by
 * some officials that …", and a claim after the quotations of a sentence ("… and noted that …").
 */
export function findClaims(
  blocks: readonly DraftBlock[],
  quotes: readonly QuoteCandidate[],
): ClaimCandidate[] {
  const claims: ClaimCandidate[] = [];
  // The quotations of each block, found once rather than by a walk over all of them per block.
  const byBlock = new Map<string, QuoteCandidate[]>();
  for (const q of quotes) {
    const list = byBlock.get(q.block);
    if (list) list.push(q);
    else byBlock.set(q.block, [q]);
  }
  for (const block of blocks) {
    const inBlock = byBlock.get(block.id) ?? [];
    const protect: Range[] = inBlock.map((q) => ({ start: q.outerStart, end: q.outerEnd }));
    for (const sentence of sentences(block.text, protect)) {
      const text = block.text.slice(sentence.start, sentence.end);
      const quoted = overlapping(protect, sentence);
      let claim: ClaimMatch | undefined;
      const found: ClaimMatch[] = [];
      if (quoted.length === 0) {
        claim = matchClaim(text);
        // The verbs of the sentence the claim rules did not read, each with its own claim.
        // The claim rules read a speaker and verb before the claim, or (a claim that opens the
        // sentence) everything after the claim: the verbs there are theirs.
        const read = claim && {
          from: Math.min(claim.speakerAt, claim.claimAt),
          to: claim.claimAt > claim.speakerAt ? claim.claimAt : text.length,
          speaker: claim.speaker,
          speakerAt: claim.speakerAt,
        };
        for (const reported of matchReported(text, read)) {
          // "…, saying …": the claim before it ends at the participle's comma.
          if (claim && reported.claimAt > claim.claimAt && /ing$/.test(reported.verb)) {
            const comma = text.lastIndexOf(',', reported.claimAt);
            if (comma > claim.claimAt && comma < claim.claimAt + claim.claim.length)
              claim = { ...claim, claim: text.slice(claim.claimAt, comma) };
          }
          if (reported.claim !== claim?.claim) found.push({ ...reported, rule: 'reported' });
        }
      } else {
        // A sentence with a quotation reports that quotation (attribution handles it); the
        // writer's words before it may report a claim of their own ("Ana argued that the plan
        // had failed, calling it “a mess”"), and a claim may follow its last quotation.
        const firstStart = Math.min(...quoted.map((q) => q.start)) - sentence.start;
        for (const reported of matchReported(text.slice(0, Math.max(firstStart, 0)))) {
          // Only a clause closed before the quotation: "…, said that X" goes on into the quotation.
          if (!/[,;—–]\s*$/u.test(reported.claim)) continue;
          const claimText = reported.claim.replace(/[\s,:;—–-]+$/u, '');
          if (claimText.split(/\s+/).length >= 5)
            found.push({ ...reported, claim: claimText, rule: 'reported' });
        }
        const lastEnd = Math.max(...quoted.map((q) => q.end)) - sentence.start;
        const trailing = TRAILING_CLAIM.exec(text.slice(lastEnd));
        const subject = speakerAtStart(text) ?? speakerAtEnd(text.slice(0, text.search(ANY_VERB)));
        if (trailing?.groups && subject) {
          const claimText = trailing.groups.claim as string;
          claim = {
            claim: claimText,
            claimAt: lastEnd + trailing.index + trailing[0].length - claimText.length,
            verb: trailing.groups.verb as string,
            speaker: subject.words,
            speakerAt: text.indexOf(subject.words),
          };
        }
      }
      if (claim) found.unshift(claim);
      for (const c of found) {
        const end = c.claimAt + c.claim.replace(/[.\s]+$/, '').length;
        if (end <= c.claimAt) continue;
        claims.push({
          block: block.id,
          start: sentence.start + c.claimAt,
          end: sentence.start + end,
          text: block.text.slice(sentence.start + c.claimAt, sentence.start + end),
          verb: c.verb,
          speaker: c.speaker,
          speakerAt: sentence.start + Math.max(c.speakerAt, 0),
          ...(c.apposition ? { apposition: c.apposition } : {}),
          ...(c.rule ? { rule: c.rule } : {}),
        });
      }
    }
  }
  return claims;
}

/**
 * The ranges that overlap `span`, from ranges in reading order that do not overlap each other
 * (a block's quotations): a binary search for the first that ends after the span starts, then
 * those that start before it ends.
 */
function overlapping(ranges: readonly Range[], span: Range): Range[] {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ranges[mid] as Range).end > span.start) high = mid;
    else low = mid + 1;
  }
  const out: Range[] = [];
  for (let i = low; i < ranges.length && (ranges[i] as Range).start < span.end; i++)
    out.push(ranges[i] as Range);
  return out;
}

interface ClaimMatch {
  claim: string;
  claimAt: number;
  verb: string;
  speaker: string;
  speakerAt: number;
  apposition?: string;
  /** The rule that found it, when it is not the claim rules of this file. */
  rule?: 'reported';
}

const parses = (speaker: string) => speakerAtEnd(speaker) !== undefined;

/** The claim of one sentence, if it reports one whose speaker the words name. */
export function matchClaim(sentence: string): ClaimMatch | undefined {
  const according = ACCORDING_TO.exec(sentence);
  if (according?.groups) {
    const { claim, speaker } = according.groups as { claim: string; speaker: string };
    const claimAt = according.index + according[0].indexOf(claim);
    return {
      claim: claim.trim(),
      claimAt,
      verb: 'according to',
      speaker: speaker.trim(),
      speakerAt: sentence.indexOf(speaker, claimAt),
    };
  }
  const first = ACCORDING_TO_FIRST.exec(sentence);
  if (first?.groups) {
    const { claim, speaker } = first.groups as { claim: string; speaker: string };
    return {
      claim,
      claimAt: sentence.lastIndexOf(claim),
      verb: 'according to',
      speaker,
      speakerAt: 'According to '.length,
    };
  }
  const noun = NOUN_CLAIM.exec(sentence);
  if (noun?.groups) {
    const { claim, speaker, verb } = noun.groups as {
      claim: string;
      speaker: string;
      verb: string;
    };
    return {
      claim,
      claimAt: sentence.lastIndexOf(claim),
      verb,
      speaker,
      speakerAt: sentence.indexOf(speaker),
    };
  }
  for (const pattern of [CLAIM_AFTER_APPOSITION, CLAIM_AFTER]) {
    const after = pattern.exec(sentence);
    if (
      after?.groups &&
      parses(after.groups.speaker as string) &&
      (after.groups.claim as string).split(/\s+/).length >= 4
    ) {
      const { claim, speaker, verb } = after.groups as {
        claim: string;
        speaker: string;
        verb: string;
      };
      return {
        claim,
        claimAt: 0,
        verb,
        speaker,
        speakerAt: sentence.indexOf(speaker, claim.length),
      };
    }
  }
  const match = claimVerb(sentence);
  if (!match?.groups) return undefined;
  const { verb, claim } = match.groups as { verb: string; claim: string };
  // "Jeb Bush states in the Midwest": "states" reports only with "that" or a comma after it.
  if (verb === 'states' && !/\bstates(?:,|\s+that\b)/.test(sentence)) return undefined;
  let speaker = (match.groups.speaker as string).trim();
  let speakerAt = match.index + match[0].indexOf(speaker);
  // "The association, which bargains for …, has offered 15 percent and says …": the speaker of a
  // coordinated verb is the sentence's subject.
  // "an analysis …, which found that …": the relative pronoun stands for a phrase the rules do
  // not read; guessing the sentence's subject would give the claim to the wrong speaker.
  if (/^(?:which|that)$|\b(?:which|that)$/.test(speaker)) return undefined;
  // "…, former Gov. Martin Omalley, who noted that …": "who" stands for the name before it.
  if (/^who$/i.test(speaker)) {
    const head = sentence.slice(0, speakerAt).replace(/,\s*$/, '');
    const named = speakerAtEnd(head.slice(Math.max(head.lastIndexOf(','), 0)).replace(/^,/, ''));
    if (!named || named.phrase.type === 'pronoun') return undefined;
    speaker = named.words;
    speakerAt = head.lastIndexOf(named.words);
  }
  if (/\b(?:and|but)$/.test(speaker) || !parses(speaker)) {
    const subject = speakerAtStart(sentence);
    if (!subject) return undefined;
    speaker = subject.words;
    speakerAt = sentence.indexOf(subject.words);
  }
  // "claimed responsibility", "said in a statement": not a reported claim.
  if (/^(responsibility|credit)\b/.test(claim)) return undefined;
  let claimAt = match.index + match[0].length - claim.length;
  // "said Ben Okafor wants …": after a verb that takes no person, the name opens the claim.
  const recipientAt = match.indices?.groups?.recipient?.[0];
  if (recipientAt !== undefined && !TO_SOMEONE.test(verb)) claimAt = recipientAt;
  if (VERB_IN_TEXT.has(verb)) claimAt = sentence.indexOf(verb, speakerAt);
  // "Fares will rise, the authority said on Tuesday, blaming fuel": the claim is the clause
  // before the speaker (the rules of reported.ts read it), not the words after the comma.
  const before = sentence.slice(0, speakerAt);
  if (
    /,\s*$/.test(before) &&
    before.trim().split(/\s+/).length >= 5 &&
    sentence.slice(speakerAt + speaker.length, claimAt).includes(',')
  )
    return undefined;
  const text = sentence.slice(claimAt, subordinateEnd(sentence, match.index, claimAt));
  // The claim must be a clause of some length, not "said Tuesday." or "told reporters."
  if (text.split(/\s+/).length < (VERB_IN_TEXT.has(verb) ? 3 : 4)) return undefined;
  const apposition = match.groups.apposition?.replace(/^,\s*/, '').split(',')[0]?.trim();
  return { claim: text, claimAt, verb, speaker, speakerAt, ...(apposition ? { apposition } : {}) };
}
