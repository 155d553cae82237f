/**
 * Scoring a draft against PolNeAR (Political News Attribution Relations, Newell, Margolin and
 * Ruths 2018): its BRAT standoff files (`T1<TAB>Source 89 106<TAB>The New York Post`, `E1<TAB>
 * Attribution:T4 Content:T3 Cue:T2 Source:T1`) read into attributions, and the draft's statements
 * matched to them one to one by the largest character overlap of their content. Used by
 * `scripts/eval-polnear.ts`; kept here so the scoring rules have tests of their own.
 */

/** A range of the article text, `[start, end)` in UTF-16 code units. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** One annotated attribution: what was said (content), by whom (source) and how (cue). */
export interface GoldAttribution {
  readonly id: string;
  /** The content's pieces, in text order (BRAT writes a broken span as `10 20;30 40`). */
  readonly content: readonly TextRange[];
  readonly source?: readonly TextRange[];
  readonly cue?: readonly TextRange[];
}

/** A statement of the draft, placed in the article text. */
export interface PredictedAttribution {
  readonly id: string;
  readonly kind: 'direct' | 'partial' | 'indirect';
  readonly content: readonly TextRange[];
  /** The speaker's name (a description for an unnamed source); none for the article's voice. */
  readonly speaker?: string;
  readonly verb?: string;
  readonly confidence: number;
}

/**
 * UTF-16 offsets for the code-point offsets BRAT writes (it counts characters as Python does):
 * `at[i]` is where code point `i` starts.
 */
export function codePointOffsets(text: string): number[] {
  const at: number[] = [];
  let unit = 0;
  for (const char of text) {
    at.push(unit);
    unit += char.length;
  }
  at.push(unit);
  return at;
}

/** The attributions of one `.ann` file, with offsets turned into UTF-16 ones for `text`. */
export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const at = codePointOffsets(text);
  const unit = (n: number) => at[Math.min(n, at.length - 1)] as number;
  const spans = new Map<string, TextRange[]>();
  const events: string[][] = [];
  for (const line of ann.split(/\r?\n/)) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      // "Content 315 448;463 553": the type, then one or more start–end pairs.
      const ranges = body
        .slice(body.indexOf(' ') + 1)
        .split(';')
        .map((pair) => pair.trim().split(/\s+/).map(Number))
        .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e))
        .map(([s, e]) => ({ start: unit(s as number), end: unit(e as number) }));
      spans.set(id, ranges);
    } else if (id.startsWith('E')) {
      events.push([id, ...body.trim().split(/\s+/)]);
    }
  }
  const out: GoldAttribution[] = [];
  for (const [id, ...args] of events) {
    const roles = new Map<string, string>();
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      if (role && ref) roles.set(role.replace(/\d+$/, ''), ref);
    }
    const content = spans.get(roles.get('Content') ?? '');
    if (!content || content.length === 0) continue;
    const source = spans.get(roles.get('Source') ?? '');
    const cue = spans.get(roles.get('Cue') ?? '');
    out.push({
      id: id as string,
      content: [...content].sort((a, b) => a.start - b.start),
      ...(source ? { source } : {}),
      ...(cue ? { cue } : {}),
    });
  }
  return out;
}

/**
 * Whether a content holds a double quotation mark (the quoted subset): curly, straight,
 * guillemets, or the two apostrophes The New York Times writes for one.
 */
export function isQuoted(text: string, content: readonly TextRange[]): boolean {
  return content.some((r) => /[“”"«»„]|''/.test(text.slice(r.start, r.end)));
}

/** Characters two sets of ranges share. */
export function overlap(a: readonly TextRange[], b: readonly TextRange[]): number {
  let shared = 0;
  for (const x of a)
    for (const y of b) shared += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return shared;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The ranges trimmed to their first and last letter or digit, with ranges that only white space,
 * punctuation or quotation marks separate joined: the form exact boundaries are compared in.
 */
export function trimmed(text: string, ranges: readonly TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    let s = r.start;
    let e = r.end;
    while (s < e && !WORD_CHAR.test(text[s] as string)) s++;
    while (e > s && !WORD_CHAR.test(text[e - 1] as string)) e--;
    if (e <= s) continue;
    const last = out.at(-1);
    if (last && !WORD_CHAR.test(text.slice(last.end, s))) out[out.length - 1] = { ...last, end: e };
    else out.push({ start: s, end: e });
  }
  return out;
}

/** Whether two contents have the same boundaries once trimmed. */
export function sameBoundaries(
  text: string,
  a: readonly TextRange[],
  b: readonly TextRange[],
): boolean {
  const ta = trimmed(text, a);
  const tb = trimmed(text, b);
  return (
    ta.length === tb.length && ta.every((r, i) => r.start === tb[i]?.start && r.end === tb[i]?.end)
  );
}

/**
 * One-to-one matching by the largest character overlap: every pair that shares characters,
 * largest first, taken when neither side is taken yet. Returns `[gold index, predicted index]`.
 */
export function matchByOverlap(
  gold: readonly { content: readonly TextRange[] }[],
  predicted: readonly { content: readonly TextRange[] }[],
): [number, number][] {
  const pairs: { g: number; p: number; shared: number }[] = [];
  // Sort both by start so each gold item only meets the predictions near it.
  const order = predicted
    .map((p, i) => ({
      i,
      start: Math.min(...p.content.map((r) => r.start)),
      end: Math.max(...p.content.map((r) => r.end)),
    }))
    .sort((a, b) => a.start - b.start);
  gold.forEach((g, gi) => {
    const start = Math.min(...g.content.map((r) => r.start));
    const end = Math.max(...g.content.map((r) => r.end));
    for (const p of order) {
      if (p.start >= end) break;
      if (p.end <= start) continue;
      const shared = overlap(g.content, (predicted[p.i] as PredictedAttribution).content);
      if (shared > 0) pairs.push({ g: gi, p: p.i, shared });
    }
  });
  pairs.sort((a, b) => b.shared - a.shared || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    out.push([g, p]);
  }
  return out;
}

/** How a gold source names the speaker. */
export type SourceForm = 'name' | 'description' | 'pronoun';

const PRONOUN_WORDS = new Set([
  'he',
  'she',
  'they',
  'i',
  'we',
  'it',
  'you',
  'him',
  'her',
  'them',
  'me',
  'us',
  'his',
  'their',
  'its',
  'himself',
  'herself',
  'themselves',
  'who',
  'which',
  'that',
  'whom',
]);
const DETERMINERS =
  /^(?:the|a|an|some|many|most|several|few|other|another|one|two|three|four|five|six|seven|eight|nine|ten|both|all|these|those|this|that|his|her|their|its|our|my|your|each|any|no|more|\d[\d,]*)\b/i;

/** Whether a gold source is a pronoun, a description ("the official", "sources") or a name. */
export function sourceForm(words: string): SourceForm {
  const text = words.trim();
  if (PRONOUN_WORDS.has(text.toLowerCase())) return 'pronoun';
  if (DETERMINERS.test(text) || !/\p{Lu}/u.test(text)) return 'description';
  return 'name';
}

/** Words that name no one in particular: determiners, titles, courtesy titles. */
const NOT_CONTENT = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'for',
  'in',
  'on',
  'at',
  'to',
  'by',
  'with',
  's',
  'mr',
  'mrs',
  'ms',
  'dr',
  'jr',
  'sr',
  'president',
  'sen',
  'senator',
  'rep',
  'representative',
  'gov',
  'governor',
  'former',
  'secretary',
  'state',
  'vice',
  'candidate',
  'nominee',
  'presidential',
  'republican',
  'democratic',
  'democrat',
  'gop',
  'u',
  'us',
  'rev',
  'gen',
  'general',
  'lt',
  'minister',
  'prime',
  'chairman',
  'chair',
  'leader',
  'speaker',
  'house',
  'who',
  'that',
  'he',
  'she',
  'they',
  'it',
  'his',
  'her',
  'their',
  'its',
  'i',
  'we',
  'some',
  'other',
  'one',
  'two',
  'new',
  'said',
  'also',
]);

/** The words of a name that tell one speaker from another, lowercased. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !NOT_CONTENT.has(w));
}

/** Whether a predicted speaker shares a content word with any of the gold names. */
export function speakerMatches(predicted: string | undefined, gold: readonly string[]): boolean {
  if (!predicted) return false;
  const mine = new Set(contentWords(predicted));
  return gold.some((g) => contentWords(g).some((w) => mine.has(w)));
}

const CUE_STOP = new Set([
  'that',
  'to',
  'the',
  'a',
  'has',
  'have',
  'had',
  'was',
  'is',
  'be',
  'been',
  'in',
  'on',
  'of',
  'will',
  'would',
]);

/** Whether a predicted verb matches the gold cue (a shared word: "said" in "said Tuesday"). */
export function cueMatches(predicted: string | undefined, gold: string | undefined): boolean {
  if (!predicted || !gold) return false;
  const words = (t: string) =>
    t
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w && !CUE_STOP.has(w));
  const mine = new Set(words(predicted));
  return words(gold).some((w) => mine.has(w));
}

const SINGULAR_PRONOUNS: Readonly<Record<string, 'male' | 'female'>> = {
  he: 'male',
  him: 'male',
  his: 'male',
  himself: 'male',
  she: 'female',
  her: 'female',
  herself: 'female',
};

/**
 * Whether a named gold source can be what a pronoun source stands for: "he" and "she" name one
 * person, so neither a plural noun phrase ("Pentagon officials", "supporters of the plan") nor a
 * name with a courtesy title of the other gender ("Ms. Guzman" for "he") is their antecedent.
 * Other pronouns ("they", "I", "who") take any name.
 */
export function antecedentAgrees(pronoun: string, name: string): boolean {
  const gender = SINGULAR_PRONOUNS[pronoun.trim().toLowerCase()];
  if (!gender) return true;
  const courtesy = /\b(Mr|Mrs|Ms)\b\.?/.exec(name)?.[1];
  if (courtesy && (courtesy === 'Mr') !== (gender === 'male')) return false;
  // The head of the phrase: its last word before "of …", a comma or brackets.
  const head = name.replace(/\s+(?:of|for|from|in|at|who|that)\s.*$|[,(].*$/su, '').trim();
  const last = head.split(/\s+/).at(-1) ?? '';
  // A plural common noun ("officials", "supporters"): lower case and ending in "s" but not "ss";
  // a capitalised word ending so ("Sanders") may be a surname and is kept.
  return !/^\p{Ll}+[^s]s$/u.test(last);
}
