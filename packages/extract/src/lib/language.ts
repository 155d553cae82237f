/**
 * The language layer under the rules: parts of speech from wink-nlp with its English "lite" web
 * model (the model ships inside the npm package: nothing is fetched, and it runs in browsers).
 * It is loaded once per process, on the first extraction, and asked only about the short
 * phrases the rules consider as speakers — tagging every sentence would cost more than the rest
 * of the extraction together (README, "Language layer").
 */
import type { ItsHelpers, WinkMethods } from 'wink-nlp';

/** A word of a phrase with its universal part-of-speech tag (`PROPN`, `NOUN`, `ADV`, …). */
export interface TaggedWord {
  readonly text: string;
  readonly pos: string;
}

interface Loaded {
  readonly nlp: WinkMethods;
  readonly its: ItsHelpers;
}

let loading: Promise<Loaded> | undefined;
let loaded: Loaded | undefined;

/**
 * Loads wink-nlp and its model (about 0.7 s, once per process); later calls return at once.
 * The extraction entry points await it before the rules run.
 */
export function loadLanguage(): Promise<void> {
  loading ??= Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]).then(
    ([wink, model]) => {
      const winkNLP = (wink as unknown as { default: typeof wink.default }).default ?? wink;
      const nlp = (winkNLP as unknown as (m: unknown, pipe: string[]) => WinkMethods)(
        (model as { default?: unknown }).default ?? model,
        ['pos'],
      );
      loaded = { nlp, its: nlp.its };
      return loaded;
    },
  );
  return loading.then(() => undefined);
}

/** Whether the layer is loaded (the rules fall back to word lists alone before it is). */
export function languageLoaded(): boolean {
  return loaded !== undefined;
}

// Phrases repeat (every "he said", every name): tag each once. Bounded, so a long text cannot
// grow it without limit; clearing it only costs re-tagging.
const cache = new Map<string, readonly TaggedWord[]>();
const CACHE_LIMIT = 20_000;

/** The words of a short phrase with their parts of speech; `undefined` before the layer loads. */
export function tagPhrase(phrase: string): readonly TaggedWord[] | undefined {
  if (!loaded) return undefined;
  const hit = cache.get(phrase);
  if (hit) return hit;
  const doc = loaded.nlp.readDoc(phrase);
  const texts = doc.tokens().out() as string[];
  const tags = doc.tokens().out(loaded.its.pos) as string[];
  const words = texts.map((text, i) => ({ text, pos: tags[i] ?? 'X' }));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(phrase, words);
  return words;
}

/** Tags a phrase cannot open with and still name a speaker: adverbs, prepositions, conjunctions. */
const NOT_OPENING = new Set(['ADV', 'ADP', 'SCONJ', 'CCONJ', 'PART', 'INTJ', 'DET', 'PRON']);
/** Tags a single word cannot have, written in lower case, and be a name ("Presidential", "Just"). */
const NOT_NAME_WORD = new Set([...NOT_OPENING, 'ADJ', 'AUX']);

/**
 * Whether a capitalised phrase can name a speaker by its grammar: it does not open with an
 * adverb, preposition, conjunction, determiner or pronoun ("However", "During", "Shortly", "On
 * television", "My"), and a single word is not, in lower case, an adjective or adverb
 * ("Presidential", "Accurate"). `true` when the layer is not loaded.
 */
export function nominalPhrase(phrase: string): boolean {
  const words = tagPhrase(phrase);
  if (!words) return true;
  const content = words.filter((w) => w.pos !== 'PUNCT');
  const first = content[0];
  if (!first) return false;
  if (NOT_OPENING.has(first.pos)) return false;
  if (content.length === 1) {
    const lower = tagPhrase(first.text.toLowerCase())?.[0];
    if (lower && NOT_NAME_WORD.has(lower.pos) && !(lower.pos === 'ADV' && !madeAdverb(lower.text)))
      return false;
  }
  return true;
}

/**
 * Whether a word in "-ly" is an adverb made of an adjective ("finally", "happily", "possibly",
 * "basically"), not a surname the tagger reads as one by its ending ("Kelly", "Connolly").
 */
function madeAdverb(word: string): boolean {
  if (!word.endsWith('ly')) return true;
  const stem = word.slice(0, -2);
  const stems = [
    stem,
    ...(/ily$/.test(word) ? [`${word.slice(0, -3)}y`] : []),
    ...(/ally$/.test(word) ? [word.slice(0, -4)] : []),
    ...(/[^aeiou]ly$/.test(word) ? [`${word.slice(0, -1)}e`] : []),
  ];
  return stems.some((s) => s.length > 2 && tagPhrase(s)?.[0]?.pos === 'ADJ');
}

/**
 * Whether a single capitalised word reads as a verb even so ("Speaking", "Entering", "Based"):
 * a clause opener, unless the text writes it after a given name ("Paul Denning"). `false` when
 * the layer is not loaded.
 */
export function verbWord(word: string): boolean {
  const words = tagPhrase(word);
  return words?.length === 1 && words[0]?.pos === 'VERB';
}
