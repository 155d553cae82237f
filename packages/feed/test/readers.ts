/**
 * The independent readers the tests check feeds with: Debian's Python 3 with feedparser (and the
 * standard library's expat and json), and libxml2's xmllint. `/usr/bin/python3` on purpose: the
 * `python3` on PATH may be another Python without Debian's modules.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('read-feed.py', import.meta.url));

/** What feedparser reports for a feed (see read-feed.py). */
export interface Parsed {
  readonly bozo: number;
  readonly bozo_exception: string;
  readonly version: string;
  readonly namespaces: Record<string, string>;
  readonly feed: Record<string, any>;
  readonly entries: Record<string, any>[];
}

/** An XML element as expat reads it. */
export interface XmlElement {
  readonly tag: string;
  readonly attrs: Record<string, string>;
  readonly text: string;
  /** The text after the element's end tag, up to the next sibling. */
  readonly tail: string;
  readonly children: XmlElement[];
}

/** All the text inside an element, as a reader sees it (the DOM's `textContent`). */
export function textContent(el: XmlElement): string {
  return el.text + el.children.map((c) => textContent(c) + c.tail).join('');
}

/** A JSON Feed read with Python's json module and checked against the 1.1 MUSTs. */
export interface CheckedJsonFeed {
  readonly errors: string[];
  readonly feed: Record<string, any>;
}

/** Texts for {@link FeedReaders.reference}. */
export interface ReferenceTexts {
  readonly format: 'rss' | 'atom';
  readonly title: string;
  readonly author: string;
  readonly category: string;
  readonly summary: string;
}

/** What feedparser read from the reference feed. */
export interface ReferenceReading {
  readonly bozo: number;
  readonly title?: string;
  readonly author?: string;
  readonly summary?: string;
  readonly tags: string[];
}

/** One Python process answering requests in order, started on first use. */
export class FeedReaders {
  #python: ChildProcessWithoutNullStreams | undefined;
  #waiting: { resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];

  #start(): ChildProcessWithoutNullStreams {
    const python = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    python.stderr.on('data', (d) => {
      stderr += d;
    });
    python.on('exit', (code) => {
      for (const w of this.#waiting.splice(0)) {
        w.reject(new Error(`${PYTHON} ${SCRIPT} exited with ${code}: ${stderr}`));
      }
    });
    createInterface({ input: python.stdout }).on('line', (line) => {
      const answer = JSON.parse(line) as { ok?: unknown; error?: string };
      const w = this.#waiting.shift();
      if (!w) return;
      if (answer.error !== undefined) w.reject(new Error(answer.error));
      else w.resolve(answer.ok);
    });
    return python;
  }

  #ask<T>(reader: string, text: string): Promise<T> {
    this.#python ??= this.#start();
    const answer = new Promise<T>((resolve, reject) =>
      this.#waiting.push({ resolve: resolve as (v: unknown) => void, reject }),
    );
    this.#python.stdin.write(`${JSON.stringify({ reader, text })}\n`);
    return answer;
  }

  /** What feedparser makes of the feed. */
  feedparser(text: string): Promise<Parsed> {
    return this.#ask('feedparser', text);
  }

  /** The XML tree as Python's expat reads it (exact text and attributes). */
  etree(text: string): Promise<XmlElement> {
    return this.#ask('etree', text);
  }

  /** The JSON Feed as Python's json reads it, with the 1.1 rules it breaks. */
  jsonFeed(text: string): Promise<CheckedJsonFeed> {
    return this.#ask('jsonfeed', text);
  }

  /**
   * What feedparser reads from a minimal feed that Python's own XML escaping wrote with these
   * texts: the yardstick for ours, feedparser's habits (stripping, guessing HTML) included.
   */
  reference(texts: ReferenceTexts): Promise<ReferenceReading> {
    return this.#ask('reference', JSON.stringify(texts));
  }

  /** Ends the Python process. */
  close(): void {
    this.#python?.stdin.end();
    this.#python = undefined;
  }
}

/** xmllint's complaints about an XML document: `''` when it is well-formed. */
export function xmllint(text: string): string {
  const run = spawnSync('xmllint', ['--noout', '-'], { input: text, encoding: 'utf8' });
  if (run.error) throw run.error;
  return run.status === 0 ? '' : run.stderr || `xmllint exited with ${run.status}`;
}

/** The children of `el` with this tag (`{namespace}local` for namespaced ones). */
export function children(el: XmlElement, tag: string): XmlElement[] {
  return el.children.filter((c) => c.tag === tag);
}

/** The first child of `el` with this tag; throws when there is none. */
export function child(el: XmlElement, tag: string): XmlElement {
  const found = el.children.find((c) => c.tag === tag);
  if (!found) throw new Error(`<${el.tag}> has no <${tag}>`);
  return found;
}

/** Namespaces the feeds use, for {@link child} tags. */
export const NS = {
  atom: '{http://www.w3.org/2005/Atom}',
  content: '{http://purl.org/rss/1.0/modules/content/}',
  dc: '{http://purl.org/dc/elements/1.1/}',
  media: '{http://search.yahoo.com/mrss/}',
} as const;

/** A {@link FeedReaders} for one test file, closed after its tests. */
export function useReaders(): FeedReaders {
  const readers = new FeedReaders();
  afterAll(() => readers.close());
  return readers;
}

/**
 * Asserts that an XML feed is well-formed to xmllint and parses without a complaint (`bozo`) in
 * feedparser as the expected version (`rss20`, `atom10`); returns what feedparser read.
 */
export async function expectCleanFeed(
  readers: FeedReaders,
  xml: string,
  version: 'rss20' | 'atom10',
): Promise<Parsed> {
  expect(xmllint(xml)).toBe('');
  const parsed = await readers.feedparser(xml);
  expect(parsed.bozo_exception).toBe('');
  expect(parsed.bozo).toBe(0);
  expect(parsed.version).toBe(version);
  return parsed;
}
