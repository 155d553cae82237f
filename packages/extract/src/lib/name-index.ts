/**
 * Indexes of names in the body, built in one pass over the text, so that looking up every source
 * of a long article costs the length of the text once rather than once per source (a regular
 * expression per name over every block grows with the square of the text: README, "Throughput").
 */

/** A capitalised word and the blocks where it stands just before a given name. */
export interface WordBefore {
  /** The index of the block, in the order the texts were given. */
  readonly text: number;
  /** The capitalised word before the name ("Jake" before "Tapper"). */
  readonly word: string;
}

const isAsciiWord = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95;
const LETTER = /^[\p{L}’'-]$/u;
const UPPER = /^\p{Lu}$/u;

/** Whether a regular expression's `\b` (ASCII word characters) holds at `at` in `text`. */
function boundary(text: string, at: number): boolean {
  const before = at > 0 && isAsciiWord(text.charCodeAt(at - 1));
  const after = at < text.length && isAsciiWord(text.charCodeAt(at));
  return before !== after;
}

/**
 * The capitalised word that ends `token` (`[\p{Lu}][\p{L}’'-]+` as a regular expression would
 * find it first: from the first capital of the letters the token ends with), or `undefined`.
 */
function capitalisedEnd(token: string): string | undefined {
  // Walk back over the letters (by code point) the token ends with, then forward to their first
  // capital: each character is read at most twice.
  let from = token.length;
  while (from > 0) {
    const low = token.charCodeAt(from - 1);
    const pair = from > 1 && isLow(low) && isHigh(token.charCodeAt(from - 2));
    const width = pair ? 2 : 1;
    if (!LETTER.test(token.slice(from - width, from))) break;
    from -= width;
  }
  for (let i = from; i < token.length; ) {
    const width = isHigh(token.charCodeAt(i)) && isLow(token.charCodeAt(i + 1)) ? 2 : 1;
    if (UPPER.test(token.slice(i, i + width))) {
      // The capital and at least one more character.
      return i + width < token.length ? token.slice(i) : undefined;
    }
    i += width;
  }
  return undefined;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * For each of `names` (single words), the capitalised word written just before it, per block, the
 * first in each block: what `new RegExp(`([\p{Lu}][\p{L}’'-]+)\s+${name}\b`, 'u').exec(text)`
 * finds in each text, for every name at once. Blocks where it finds nothing are left out.
 */
export function wordsBefore(
  texts: readonly string[],
  names: Iterable<string>,
): Map<string, WordBefore[]> {
  const wanted = new Set(names);
  const found = new Map<string, WordBefore[]>();
  let longest = 0;
  for (const name of wanted) longest = Math.max(longest, name.length);
  if (longest === 0) return found;
  texts.forEach((text, index) => {
    let before: string | undefined;
    for (const match of text.matchAll(/\S+/g)) {
      const token = match[0];
      if (before !== undefined) {
        // The name is the start of this token, ending where `\b` holds.
        const reach = Math.min(token.length, longest);
        for (let end = 1; end <= reach; end++) {
          if (!boundary(token, end)) continue;
          const name = token.slice(0, end);
          if (!wanted.has(name)) continue;
          let list = found.get(name);
          if (!list) {
            list = [];
            found.set(name, list);
          }
          if (list.at(-1)?.text !== index) list.push({ text: index, word: before });
        }
      }
      before = capitalisedEnd(token);
    }
  });
  return found;
}

/** Where a name stands in the texts: the index of the text and the offset of its first character. */
export interface NameAt {
  readonly text: number;
  readonly start: number;
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  /** The name that ends here, if any. */
  name?: string;
  /** The longest proper suffix of this node's path that is a path of the trie. */
  fail?: TrieNode;
  /** The nearest node along the suffix links that ends a name. */
  output?: TrieNode;
}

/**
 * Every place each of `names` occurs in `texts` (as a string, case and word boundaries aside),
 * found in one pass over each text whatever the number of names (Aho–Corasick's automaton: a trie
 * of the names with links from each node to the longest suffix of it that is also in the trie).
 * In each list, the places are in reading order.
 */
export function findNames(
  texts: readonly string[],
  names: Iterable<string>,
): Map<string, NameAt[]> {
  const root: TrieNode = { next: new Map() };
  for (const name of names) {
    if (name === '') continue;
    let node = root;
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    node.name = name;
  }
  // The suffix links, breadth first: a node's link is found from its parent's.
  const queue: TrieNode[] = [];
  for (const child of root.next.values()) {
    child.fail = root;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as TrieNode;
    for (const [code, child] of node.next) {
      let fail = node.fail;
      while (fail && !fail.next.has(code)) fail = fail.fail;
      child.fail = fail ? (fail.next.get(code) as TrieNode) : root;
      const linked = child.fail;
      const output = linked.name !== undefined ? linked : linked.output;
      if (output) child.output = output;
      queue.push(child);
    }
  }
  const found = new Map<string, NameAt[]>();
  texts.forEach((text, index) => {
    let node = root;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (node !== root && !node.next.has(code)) node = node.fail as TrieNode;
      node = node.next.get(code) ?? root;
      for (
        let hit: TrieNode | undefined = node.name !== undefined ? node : node.output;
        hit;
        hit = hit.output
      ) {
        const name = hit.name as string;
        let list = found.get(name);
        if (!list) {
          list = [];
          found.set(name, list);
        }
        list.push({ text: index, start: i + 1 - name.length });
      }
    }
  });
  return found;
}

/**
 * The matches `new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'gu')` gives (the alternatives
 * escaped), read off the places {@link findNames} found for them: at each place the first
 * alternative with a word boundary at both ends wins, and a match does not overlap the one before.
 */
export function boundedMatches(
  texts: readonly string[],
  places: ReadonlyMap<string, readonly NameAt[]>,
  alternatives: readonly string[],
): NameAt[] {
  const candidates: { at: NameAt; rank: number }[] = [];
  alternatives.forEach((alternative, rank) => {
    if (alternatives.indexOf(alternative) !== rank) return;
    for (const at of places.get(alternative) ?? []) {
      const text = texts[at.text] as string;
      if (boundary(text, at.start) && boundary(text, at.start + alternative.length))
        candidates.push({ at, rank });
    }
  });
  candidates.sort((a, b) => a.at.text - b.at.text || a.at.start - b.at.start || a.rank - b.rank);
  const out: NameAt[] = [];
  let text = -1;
  let end = 0;
  for (const { at, rank } of candidates) {
    if (at.text !== text) {
      text = at.text;
      end = 0;
    }
    if (at.start < end) continue;
    out.push(at);
    end = at.start + (alternatives[rank] as string).length;
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The places of names in a fixed set of texts: those given up front found in one pass
 * ({@link findNames}), any other found (and kept) when first asked for.
 */
export class NameFinder {
  private readonly places: Map<string, NameAt[]>;

  constructor(
    private readonly texts: readonly string[],
    names: Iterable<string>,
  ) {
    this.places = findNames(texts, names);
    for (const name of names) if (!this.places.has(name)) this.places.set(name, []);
  }

  /** Every place `name` occurs (as a string), in reading order. */
  placesOf(name: string): readonly NameAt[] {
    let list = this.places.get(name);
    if (!list) {
      list = [];
      if (name !== '')
        this.texts.forEach((text, index) => {
          for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
            (list as NameAt[]).push({ text: index, start: at });
        });
      this.places.set(name, list);
    }
    return list;
  }

  /** What `\b(?:a|b|…)\b` (global, Unicode) matches in the texts, in reading order. */
  matches(alternatives: readonly string[]): NameAt[] {
    if (alternatives.includes('')) {
      // An empty name matches at every boundary: leave that to the regular expression itself.
      const pattern = new RegExp(`\\b(?:${alternatives.map(escapeRegExp).join('|')})\\b`, 'gu');
      return this.texts.flatMap((text, index) =>
        [...text.matchAll(pattern)].map((m) => ({ text: index, start: m.index })),
      );
    }
    for (const a of alternatives) this.placesOf(a);
    return boundedMatches(this.texts, this.places, alternatives);
  }
}
