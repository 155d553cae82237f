/**
 * Reported speech the claim rules of `quotes.ts` do not read: every verb of a sentence that
 * reports what its subject said, thinks or wants, without quotation marks ("The senator has
 * argued that the bill goes too far", "Officials warned of delays", "…, saying the rate will
 * rise", "…, who believes the vote was lost"). The content is the clause after the verb, to the
 * end of the sentence; a verb inside that clause gives a claim of its own ("Ana said Ben wants
 * …": Ana's claim, and Ben's within it).
 */
import { STANCE_VERB_PATTERN } from '../lexicon.js';
import { mainSubject } from './attribution.js';
import { speakerAtEnd } from './sources.js';

/** A reported clause found in one sentence, by offsets into that sentence. */
export interface ReportedMatch {
  readonly claim: string;
  readonly claimAt: number;
  readonly verb: string;
  readonly speaker: string;
  readonly speakerAt: number;
  readonly apposition?: string;
}

/** Words between the subject and the verb: auxiliaries, negation, adverbs of time and manner. */
const BETWEEN_WORDS =
  'also|has|have|had|will|would|could|may|might|did|does|do|not|never|already|long|repeatedly|openly|publicly|privately|previously|recently|now|still|often|strongly|firmly|reportedly|widely|generally|largely|again|later|earlier|then|once|clearly|both|all|too|even|quickly|flatly|sharply|loudly|vehemently|consistently|initially|has\\s+long|had\\s+long';
/** A stance verb with the words that may stand between it and its subject, and what follows it. */
const VERB = new RegExp(
  String.raw`(?<=^|\s)(?<between>(?:(?:${BETWEEN_WORDS})\s+){0,3})(?<verb>${STANCE_VERB_PATTERN})(?<after>,?\s+(?:that\s+|about\s+|of\s+)?)(?=\S)`,
  'gu',
);
/** Passive and copular forms ("was criticized by", "is expected to"): the subject is not the speaker. */
const PASSIVE = /\b(?:is|are|was|were|be|been|being|get|got)\s+(?:\w+\s+)?$/;
/** A participle after a comma speaks for the sentence's subject: "…, saying the talks failed". */
const PARTICIPLE = /ing$/;
/** The longest sentence read, in characters; news sentences stay well below it. */
const MAX_SENTENCE = 1500;
/** The most claims read in one sentence. */
const MAX_CLAIMS = 8;
/** Subjects that are not speakers however they parse: clauses, times, dummy subjects. */
const NOT_SUBJECT =
  /^(?:it|this|that|these|those|there|what|which|who|one|i|we|you|me|us|here|some|many|most|all|few|both|others?)$/i;

/**
 * The speaker a subject names: all of its words, or all but a determiner and modifiers ("the
 * borough council" → "council"); "the price of oil" names none.
 */
function namesSpeaker(words: string): ReturnType<typeof speakerAtEnd> {
  const found = speakerAtEnd(words);
  if (!found || !words.endsWith(found.words)) return undefined;
  const rest = words.slice(0, words.length - found.words.length).trim();
  if (!rest) return found;
  if (!/^(?:the|a|an|its|his|her|their)(?:\s+\p{Ll}[\p{L}-]*)*$/iu.test(rest)) return undefined;
  if (/\s(?:of|for|in|on|at|by|with|from|to|about|and|or)\s/.test(` ${rest} `)) return undefined;
  return found;
}

/** The words of a sentence before a verb that name its subject, if they name a speaker. */
function subjectBefore(
  sentence: string,
  at: number,
  from: number,
): { words: string; at: number; apposition?: string } | undefined {
  const head = sentence.slice(0, at).replace(/\s+$/, '');
  // "Ana Ortiz, a nurse at the clinic, said": the name before the apposition.
  const apposition =
    /(?:^|[,;]\s*|\s(?:and|but)\s+)([^,;“”"—–]{2,80}),\s+([^,;“”"]{2,120}),$/u.exec(head);
  if (apposition) {
    const name = (apposition[1] as string).trim();
    const found = namesSpeaker(name);
    if (found && found.phrase.type !== 'pronoun') {
      return {
        words: name,
        at: head.lastIndexOf(name, apposition.index + apposition[0].length),
        apposition: (apposition[2] as string).trim(),
      };
    }
    return undefined;
  }
  // "…, who believes …": the name before "who".
  const who = /,\s+who$/u.exec(head);
  if (who) {
    const before = head.slice(0, who.index);
    const found = speakerAtEnd(before.slice(before.lastIndexOf(',') + 1));
    if (!found || found.phrase.type === 'pronoun') return undefined;
    return { words: found.words, at: before.lastIndexOf(found.words) };
  }
  // The subject runs back to the start of the sentence or of its clause.
  const cut = Math.max(
    from - 1,
    head.lastIndexOf(','),
    head.lastIndexOf(';'),
    head.lastIndexOf(':'),
    head.lastIndexOf('—'),
    head.lastIndexOf('–'),
    head.lastIndexOf('”'),
    head.lastIndexOf('"'),
  );
  let segment = head.slice(cut + 1);
  const opener =
    /^\s*(?:(?:and|but|yet|so|still|now|meanwhile|however|instead|also|then|indeed|or|because|while|although|though|as|when|after|since|if|whereas|where|that)\s+)+/i.exec(
      segment,
    );
  if (opener) segment = segment.slice(opener[0].length);
  const words = segment.trim();
  if (!words || NOT_SUBJECT.test(words)) return undefined;
  const found = namesSpeaker(words);
  if (!found) return undefined;
  // "they" in a clause is as often the people of the sentence before as anyone named.
  if (found.phrase.type === 'pronoun' && found.phrase.word === 'they') return undefined;
  return { words, at: head.lastIndexOf(words) };
}

/** A sentence that opens with a subordinate clause ("While …, ", "Although …, "). */
const SUBORDINATE = /^\s*(?:while|although|though|whereas|even as|even though)\s/i;

/**
 * Where the claim of a verb ends when the verb is in a subordinate clause that opens the sentence
 * ("While Ben Vance pledged A, Ana Ortiz insisted B"): at that clause's comma, where the main
 * clause and its own speaker begin; else at the end of the sentence.
 */
export function subordinateEnd(sentence: string, verbAt: number, claimAt: number): number {
  if (!SUBORDINATE.test(sentence) || sentence.slice(0, verbAt).includes(','))
    return sentence.length;
  const comma = sentence.indexOf(',', claimAt);
  return comma > claimAt ? comma : sentence.length;
}

/**
 * The reported clauses of a sentence with no quotation: one for every stance verb whose subject
 * names a speaker, skipping the words another rule has read as a claim's speaker and verb
 * (`read`, offsets into the sentence); a clause reported by a verb before opens a new subject
 * ("said Ben wants …").
 */
export function matchReported(
  sentence: string,
  read?: {
    readonly from: number;
    readonly to: number;
    readonly speaker: string;
    readonly speakerAt: number;
  },
): ReportedMatch[] {
  const out: ReportedMatch[] = [];
  // A "sentence" longer than news prose writes (a paragraph without punctuation) is not read:
  // every verb would carry the rest of it as its claim.
  if (sentence.length > MAX_SENTENCE) return out;
  let clause = 0;
  let last = read ? { words: read.speaker, at: read.speakerAt } : undefined;
  for (const m of sentence.matchAll(VERB)) {
    const groups = m.groups as { between: string; verb: string; after: string };
    const verbAt = m.index + groups.between.length;
    const verbEnd = verbAt + groups.verb.length;
    if (read && verbAt >= read.from && verbAt < read.to) continue;
    if (read && verbAt >= read.to) clause = Math.max(clause, read.to);
    const head = sentence.slice(0, m.index);
    if (PASSIVE.test(head) && !groups.between) continue;
    if (/^\s*by\b/.test(sentence.slice(verbEnd, verbEnd + 4))) continue;
    let claimAt = m.index + m[0].length;
    let claimEnd = sentence.length;
    let speaker: { words: string; at: number; apposition?: string } | undefined;
    if (PARTICIPLE.test(groups.verb)) {
      // "…, saying the rate will rise": after a comma, for the speaker of the clause before, or
      // the sentence's subject.
      if (!/,\s*$/.test(head)) continue;
      const found = last ?? mainSubject(sentence);
      if (!found || NOT_SUBJECT.test(found.words)) continue;
      speaker = { words: found.words, at: sentence.indexOf(found.words) };
    } else {
      speaker = subjectBefore(sentence, m.index, clause);
      // "She said A and argued B": a second verb of the same subject.
      if (!speaker && clause === 0 && /(?:^|[^,])\s+(?:and|but)\s+$/u.test(head)) {
        const found = mainSubject(sentence);
        if (found && !NOT_SUBJECT.test(found.words) && sentence.indexOf(found.words) < m.index)
          speaker = { words: found.words, at: sentence.indexOf(found.words) };
      }
      // "Fares will rise, the authority said on Tuesday, blaming fuel": the clause before the
      // subject is the claim when little but a time follows the verb.
      const comma = speaker ? sentence.lastIndexOf(',', speaker.at) : -1;
      if (
        speaker &&
        comma > clause &&
        /^(?:\s+[^\s,;]+){0,5}\s*(?:,|$)/u.test(sentence.slice(verbEnd).replace(/[.\s]+$/, '')) &&
        sentence.slice(clause, comma).trim().split(/\s+/).length >= 5
      ) {
        // "PORT AVELIN — Fares …": the dateline is not part of the claim.
        claimAt =
          clause +
          (/^\s*(?:\p{Lu}[\p{Lu}.,’'-]*\s+)*\p{Lu}[\p{Lu}.,’'-]*\s+[—–-]\s+/u.exec(
            sentence.slice(clause),
          )?.[0].length ?? 0);
        while (/\s/.test(sentence[claimAt] ?? '')) claimAt++;
        claimEnd = comma;
      }
    }
    if (!speaker) continue;
    if (claimEnd === sentence.length) claimEnd = subordinateEnd(sentence, verbAt, claimAt);
    const claim = sentence.slice(claimAt, claimEnd).replace(/[.\s]+$/, '');
    // "Bo Lee wrote to members:": the words introduce a quotation that follows.
    if (claim.split(/\s+/).length < 2 || /:$/.test(claim)) continue;
    // "claimed responsibility", "adding $2 billion to its value": not a report of speech.
    if (/^(?:responsibility|credit)\b/.test(claim)) continue;
    if (
      /^add/.test(groups.verb) &&
      /^(?:about|nearly|roughly|some|more than|almost)?\s*[$£€\d]/.test(claim)
    )
      continue;
    clause = Math.max(claimAt, claimEnd === sentence.length ? claimAt : verbEnd);
    last = speaker;
    // "…, saying …": the clause before ends at the comma.
    if (PARTICIPLE.test(groups.verb)) {
      const comma = head.lastIndexOf(',');
      for (const [i, earlier] of out.entries())
        if (earlier.claimAt < comma && earlier.claimAt + earlier.claim.length > comma)
          out[i] = { ...earlier, claim: sentence.slice(earlier.claimAt, comma) };
    }
    if (out.length >= MAX_CLAIMS) break;
    out.push({
      claim,
      claimAt,
      verb: groups.verb.replace(/\s+/g, ' '),
      speaker: speaker.words,
      speakerAt: speaker.at,
      ...(speaker.apposition ? { apposition: speaker.apposition } : {}),
    });
  }
  return out;
}
