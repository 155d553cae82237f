import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml';

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
const js = (node: unknown) =>
  node && typeof node === 'object' && 'toJSON' in node ? (node as Node).toJSON() : node;
const withoutAnchor = (value: unknown) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { anchor: _, ...rest } = value as Record<string, unknown>;
  return rest;
};

/**
 * Updates a map node in place to the new map's content: unchanged values keep their nodes (and so
 * their comments and style), changed ones take the new node, the old key order is kept and new
 * keys go last. An item's `anchor` is kept while the item is otherwise unchanged: the body does
 * not change in the studio, so the old anchor still finds the same text.
 */
function updateMap(old: YAMLMap, next: YAMLMap, keep: ReadonlySet<string>): void {
  const wanted = new Map(next.items.map((pair) => [keyOf(pair), pair]));
  old.items = old.items.filter((pair) => {
    const key = keyOf(pair);
    return wanted.has(key) || keep.has(key) || (key === 'anchor' && !wanted.has('anchor'));
  });
  for (const [key, pair] of wanted) {
    if (keep.has(key)) continue;
    const current = old.get(key, true);
    if (current === undefined) {
      old.items.push(pair);
    } else if (isDeepStrictEqual(js(current), js(pair.value))) {
      // Unchanged: the old node stays, with its comments.
    } else if (isSeq(current) && isSeq(pair.value)) {
      updateList(current, pair.value);
    } else {
      old.set(key, pair.value);
    }
  }
}

/** A list of items with ids, in the new order: an item that exists already is updated in place. */
function updateList(old: YAMLMap['items'][number]['value'] & object, next: object): void {
  if (!isSeq(old) || !isSeq(next)) return;
  const byId = new Map<string, YAMLMap>();
  for (const item of old.items) {
    if (isMap(item) && isScalar(item.get('id', true))) byId.set(String(item.get('id')), item);
  }
  old.items = next.items.map((item) => {
    if (!isMap(item)) return item;
    const before = byId.get(String(item.get('id')));
    if (!before) return item;
    if (!isDeepStrictEqual(withoutAnchor(js(before)), withoutAnchor(js(item)))) {
      updateMap(before, item, new Set());
    }
    return before;
  });
}

/**
 * The new story file in the old file's form where the YAML library allows: the old comments, key
 * order and styles of everything that did not change, and the old `body` (inline or `file:`)
 * untouched. Returns undefined when the old file is not a YAML map to update.
 */
export function keptYaml(oldText: string, newText: string): string | undefined {
  const old = parseDocument(oldText);
  const next = parseDocument(newText);
  if (old.errors.length > 0 || next.errors.length > 0) return undefined;
  if (!isMap(old.contents) || !isMap(next.contents)) return undefined;
  updateMap(old.contents, next.contents, new Set(['body']));
  return old.toString({ lineWidth: 100 });
}
