/**
 * Turns a parsed YAML document into plain data, measuring how large it is with its aliases
 * written out.
 *
 * An alias (`*name`) repeats the node its anchor (`&name`) marks (YAML 1.2 §3.2.2.2). The data
 * shares that node, but every output writes it out again: 98 aliases of a 1 MB text make 98 MB of
 * JSON, HTML and JSON-LD. The yaml library guards against this by counting aliases, which refuses
 * a story that repeats a short id a hundred times and lets the 98 MB one through; it also looks
 * each alias up in a list of every anchor and alias before it, which takes minutes for a few tens
 * of thousands of aliases. Here each anchor is looked up in a map and each node measured once, so
 * the time is linear in the document and the limit is on what the outputs will hold.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { utf8Length } from './utf8-length.js';

/** The data of a document and its expanded size, or why it has none. */
export type YamlData =
  | { readonly ok: true; readonly value: unknown; readonly bytes: number }
  | { readonly ok: false; readonly message: string; readonly offset: number | undefined };

/** A problem found while converting, with where it is in the text. */
class DataProblem extends Error {
  constructor(
    message: string,
    readonly offset: number | undefined,
  ) {
    super(message);
  }
}

interface Converted {
  readonly value: unknown;
  readonly bytes: number;
}

/**
 * The document's value as plain objects, lists and scalars, and its size with every alias written
 * out: the UTF-8 bytes of its texts plus one byte for each separator, about its size as JSON.
 * Keys become own properties (a `__proto__` key stays data). An alias that refers to the node
 * holding it, an alias without its anchor, or a key that is a list or mapping is a problem.
 */
export function yamlToData(doc: Document): YamlData {
  const anchors = new Map<string, unknown>();
  const done = new Map<unknown, Converted>();
  const open = new Set<unknown>();

  const convert = (node: unknown): Converted => {
    if (node === null || node === undefined) return { value: null, bytes: 4 };
    const known = done.get(node);
    if (known) return known;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const offset = node.range?.[0];
      if (target === undefined)
        throw new DataProblem(
          `YAML alias *${node.source} has no anchor &${node.source} before it; expected the anchor to come first`,
          offset,
        );
      if (open.has(target))
        throw new DataProblem(
          `YAML alias *${node.source} lies inside the node it repeats, which would make the story contain itself`,
          offset,
        );
      return convert(target);
    }
    const anchor = (node as { anchor?: string }).anchor;
    // YAML 1.2 §3.2.2.2: an alias refers to the most recent node with that anchor before it.
    if (anchor !== undefined) anchors.set(anchor, node);
    let result: Converted;
    if (isScalar(node)) {
      const value = node.value;
      result = {
        value,
        bytes: typeof value === 'string' ? utf8Length(value) + 2 : String(value).length,
      };
    } else if (isMap(node)) {
      open.add(node);
      const value: Record<string, unknown> = {};
      let bytes = 2;
      for (const pair of node.items) bytes += addPair(value, pair.key, pair.value) + 1;
      open.delete(node);
      result = { value, bytes };
    } else if (isSeq(node)) {
      open.add(node);
      const value: unknown[] = [];
      let bytes = 2;
      for (const item of node.items) {
        // A flow sequence may hold `key: value` items (YAML 1.2 §7.4.1): one-pair mappings.
        let converted: Converted;
        if (isPair(item)) {
          const single: Record<string, unknown> = {};
          converted = { value: single, bytes: 2 + addPair(single, item.key, item.value) };
        } else converted = convert(item);
        value.push(converted.value);
        bytes += converted.bytes + 1;
      }
      open.delete(node);
      result = { value, bytes };
    } else {
      result = { value: null, bytes: 4 };
    }
    done.set(node, result);
    return result;
  };

  /** Sets one key of `target` as an own property (so `__proto__` stays data); returns its size. */
  const addPair = (
    target: Record<string, unknown>,
    keyNode: unknown,
    valueNode: unknown,
  ): number => {
    const key = convert(keyNode);
    if (key.value !== null && typeof key.value === 'object') {
      throw new DataProblem(
        'a YAML key is a list or mapping; expected a plain text key',
        (keyNode as { range?: [number, number] }).range?.[0],
      );
    }
    const item = convert(valueNode);
    Object.defineProperty(target, String(key.value), {
      value: item.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return key.bytes + 1 + item.bytes;
  };

  try {
    const { value, bytes } = convert(doc.contents);
    return { ok: true, value, bytes };
  } catch (error) {
    if (error instanceof DataProblem)
      return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}
