import jsonld from 'jsonld';
import vocabIndex from '../../generated/vocab-index.json';
import { type RemoteDocument, schemaOrgDocumentLoader } from './document-loader.js';
import type { VocabIndex } from './vocab-index.js';

const vocab = vocabIndex as unknown as VocabIndex;

/** What kind of problem a {@link JsonLdIssue} reports. */
export type JsonLdIssueCode =
  /** The document is not JSON, or `jsonld` could not expand it in safe mode (a dropped term). */
  | 'expansion'
  /** A type or property IRI outside schema.org. */
  | 'not-schema-org'
  /** A schema.org type name that the vocabulary does not define. */
  | 'unknown-type'
  /** A schema.org property name that the vocabulary does not define. */
  | 'unknown-property'
  /** A property used on a node whose type is not in its `domainIncludes`. */
  | 'wrong-domain'
  /** A value that is not of any type in the property's `rangeIncludes`. */
  | 'wrong-range'
  /** An `@id` reference to a node the document does not hold. */
  | 'dangling-id'
  /** A node without `@type`, whose properties cannot be checked against a domain (a note). */
  | 'untyped'
  /** A term from schema.org's pending area, still open to change (a note). */
  | 'pending'
  /** A term schema.org has superseded (a note). */
  | 'superseded';

/** One finding of {@link checkJsonLd}. */
export interface JsonLdIssue {
  /** `error` for what is wrong, `note` for what is worth knowing (pending or superseded terms). */
  readonly severity: 'error' | 'note';
  /** What kind of finding it is. */
  readonly code: JsonLdIssueCode;
  /** The node it concerns: its `@id`, or a path to it for a node without one. */
  readonly node: string;
  /** The property it concerns (schema.org local name, or the full IRI outside schema.org). */
  readonly property?: string;
  /** What is wrong and what was expected, in one sentence. */
  readonly message: string;
}

/** What {@link checkJsonLd} found. */
export interface JsonLdCheckResult {
  /** `true` when there are no errors (notes do not count). */
  readonly valid: boolean;
  /** Everything that is wrong. */
  readonly errors: readonly JsonLdIssue[];
  /** Pending and superseded terms, untyped nodes: one note per term or node. */
  readonly notes: readonly JsonLdIssue[];
  /** The schema.org release checked against. */
  readonly release: string;
}

/** Options for {@link checkJsonLd}. */
export interface CheckJsonLdOptions {
  /**
   * Loads remote contexts. Default: {@link schemaOrgDocumentLoader}, which serves the vendored
   * schema.org context and refuses every other URL, so a check never reaches the network.
   */
  readonly documentLoader?: (url: string) => Promise<RemoteDocument>;
}

const SCHEMA_PREFIXES = ['http://schema.org/', 'https://schema.org/'] as const;

/**
 * Checks a JSON-LD document against the schema.org vocabulary (release 30.0, vendored), offline.
 *
 * The document is expanded with `jsonld` in safe mode (a term that does not expand is an error);
 * then every type and property IRI must be a schema.org term, each property must be expected on the
 * node's type (`domainIncludes`, with subclasses), each value must fit the property's
 * `rangeIncludes` (Text, URL, Number, Boolean, Date, DateTime, Time, an enumeration member, or a
 * node of a fitting type), and every `@id` reference must reach a node of the document, unless the
 * property takes a URL and the IRI lies outside the document. Pending and superseded terms are
 * reported as notes.
 *
 * @param doc The document: a parsed JSON value or JSON text.
 * @example
 * ```ts
 * import { checkJsonLd } from '@storykit/jsonld/check';
 *
 * const result = await checkJsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', headlne: 'x' });
 * result.errors[0]?.message; // 'property "headlne" is not in schema.org; did you mean "headline"?'
 * ```
 */
export async function checkJsonLd(
  doc: unknown,
  options: CheckJsonLdOptions = {},
): Promise<JsonLdCheckResult> {
  const errors: JsonLdIssue[] = [];
  const notes = new Map<string, JsonLdIssue>();
  const result = () => ({
    valid: errors.length === 0,
    errors,
    notes: [...notes.values()],
    release: vocab.release,
  });

  let input = doc;
  if (typeof doc === 'string') {
    try {
      input = JSON.parse(doc);
    } catch (error) {
      errors.push({
        severity: 'error',
        code: 'expansion',
        node: '(document)',
        message: `not JSON: ${(error as Error).message}`,
      });
      return result();
    }
  }

  let expanded: ExpandedNode[];
  try {
    // Safe mode (JSON-LD 1.1 processing, jsonld.js 6+) turns every dropped term into an error;
    // @types/jsonld predates the option.
    const expandOptions = {
      safe: true,
      documentLoader: options.documentLoader ?? schemaOrgDocumentLoader,
    } as unknown as Parameters<typeof jsonld.expand>[1];
    expanded = (await jsonld.expand(
      input as Parameters<typeof jsonld.expand>[0],
      expandOptions,
    )) as unknown as ExpandedNode[];
  } catch (error) {
    errors.push({
      severity: 'error',
      code: 'expansion',
      node: '(document)',
      message: expansionMessage(error),
    });
    return result();
  }

  const graph = collectNodes(expanded);
  const checker = new GraphChecker(graph, errors, notes);
  for (const [i, node] of expanded.entries()) checker.checkNode(node, `@graph[${i}]`);
  return result();
}

/** What jsonld.js reports when it cannot expand, with the term it dropped when it says which. */
function expansionMessage(error: unknown): string {
  const event = (error as { details?: { event?: { message?: string; details?: unknown } } }).details
    ?.event;
  if (event?.message) {
    const details = event.details as Record<string, unknown> | undefined;
    const term = details?.property ?? details?.id ?? details?.type ?? details?.value;
    return `JSON-LD expansion in safe mode failed: ${event.message}${term === undefined ? '' : ` (${JSON.stringify(term)})`}`;
  }
  return `JSON-LD expansion failed: ${(error as Error).message}`;
}

/** One line for an issue: `urn:x#article headline: expected Text, got a Person node`. */
export function formatJsonLdIssue(issue: JsonLdIssue): string {
  const where = issue.property ? `${issue.node} ${issue.property}` : issue.node;
  return `${issue.severity === 'note' ? 'note: ' : ''}${where}: ${issue.message}`;
}

// --- expanded JSON-LD -------------------------------------------------------------------------

interface ExpandedNode {
  readonly '@id'?: string;
  readonly '@type'?: readonly string[];
  readonly [key: string]: unknown;
}
interface ValueObject {
  readonly '@value': string | number | boolean | null;
  readonly '@type'?: string;
  readonly '@language'?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isValueObject = (value: unknown): value is ValueObject =>
  isObject(value) && '@value' in value;
const isReference = (value: unknown): value is { '@id': string } =>
  isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1;

/** Every node of the expanded document with an `@id`, top-level or embedded, with its types. */
function collectNodes(expanded: readonly ExpandedNode[]): Map<string, Set<string>> {
  const nodes = new Map<string, Set<string>>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isObject(value) || isValueObject(value)) return;
    if ('@list' in value) {
      visit(value['@list']);
      return;
    }
    const id = value['@id'];
    if (typeof id === 'string' && !isReference(value)) {
      const types = nodes.get(id) ?? new Set<string>();
      for (const type of (value['@type'] as string[] | undefined) ?? []) types.add(type);
      nodes.set(id, types);
    }
    for (const [key, child] of Object.entries(value)) if (key !== '@type') visit(child);
  };
  visit(expanded);
  return nodes;
}

/** The schema.org local name of an IRI (`http://schema.org/Person` → `Person`), if it is one. */
function schemaName(iri: string): string | undefined {
  for (const prefix of SCHEMA_PREFIXES) if (iri.startsWith(prefix)) return iri.slice(prefix.length);
  return undefined;
}

/** A class and all its superclasses. */
const ancestorCache = new Map<string, ReadonlySet<string>>();
function ancestors(name: string): ReadonlySet<string> {
  const cached = ancestorCache.get(name);
  if (cached) return cached;
  const all = new Set<string>();
  const queue = [name];
  while (queue.length) {
    const next = queue.pop() as string;
    if (all.has(next)) continue;
    all.add(next);
    queue.push(...(vocab.classes[next]?.superclasses ?? []));
  }
  ancestorCache.set(name, all);
  return all;
}

/** Whether any of `types` is, or descends from, a class in `wanted`. */
function fitsClasses(types: Iterable<string>, wanted: readonly string[]): boolean {
  for (const type of types) {
    const up = ancestors(type);
    if (wanted.some((w) => up.has(w))) return true;
  }
  return false;
}

// ISO 8601 as schema.org's Date, DateTime and Time data types use it; a Date may be partial
// (2016, 2016-07), as many publishers give it.
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/;
const DATE_TIME = new RegExp(
  `^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T${TIME.source.slice(1)}`,
);
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;

/** The data types a literal can be, from its JSON type and lexical form. */
function literalTypes(value: ValueObject): { types: string[]; describe: string } {
  const raw = value['@value'];
  const declared = value['@type'] ? (schemaName(value['@type']) ?? value['@type']) : undefined;
  if (typeof raw === 'boolean') return { types: ['Boolean'], describe: `the boolean ${raw}` };
  if (typeof raw === 'number') {
    return {
      types: Number.isInteger(raw) ? ['Integer', 'Number'] : ['Float', 'Number'],
      describe: `the number ${raw}`,
    };
  }
  const text = String(raw);
  const shown = `"${text.length > 40 ? `${text.slice(0, 37)}…` : text}"`;
  if (declared === 'Date' || declared === 'DateTime' || declared === 'Time') {
    // A value coerced by the context (datePublished is typed Date) must still look like one.
    const lexical = DATE.test(text)
      ? ['Date']
      : DATE_TIME.test(text)
        ? ['DateTime']
        : TIME.test(text)
          ? ['Time']
          : [];
    return { types: lexical, describe: `${shown} (not an ISO 8601 ${declared})` };
  }
  const types = ['Text'];
  if (DATE.test(text)) types.push('Date');
  if (DATE_TIME.test(text)) types.push('DateTime');
  if (TIME.test(text)) types.push('Time');
  if (ABSOLUTE_URL.test(text)) types.push('URL');
  return { types, describe: `the text ${shown}` };
}

/** Whether a literal of these data types fits a range. */
function literalFits(types: readonly string[], range: readonly string[]): boolean {
  return range.some((wanted) => {
    if (types.includes(wanted)) return true;
    // Text covers its subtypes that are only a reading of text (CssSelectorType, XPathType,
    // PronounceableText); URL needs a URL, checked above.
    if (wanted !== 'URL' && types.includes('Text') && ancestors(wanted).has('Text')) return true;
    return false;
  });
}

const article = (word: string) => (/^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`);
const orList = (words: readonly string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

class GraphChecker {
  /** The document parts (IRI before `#`) of the graph's node ids: references into them must resolve. */
  private readonly documents: Set<string>;

  constructor(
    private readonly nodes: Map<string, Set<string>>,
    private readonly errors: JsonLdIssue[],
    private readonly notes: Map<string, JsonLdIssue>,
  ) {
    this.documents = new Set(
      [...nodes.keys()].filter((id) => id.includes('#')).map((id) => id.slice(0, id.indexOf('#'))),
    );
  }

  private error(
    node: string,
    property: string | undefined,
    code: JsonLdIssueCode,
    message: string,
  ) {
    this.errors.push({ severity: 'error', code, node, ...(property ? { property } : {}), message });
  }

  private note(key: string, issue: Omit<JsonLdIssue, 'severity'>) {
    if (!this.notes.has(key)) this.notes.set(key, { severity: 'note', ...issue });
  }

  /** Notes pending and superseded terms once each. */
  private termNotes(kind: 'type' | 'property', name: string, node: string) {
    const term = kind === 'type' ? vocab.classes[name] : vocab.properties[name];
    if (term?.pending) {
      this.note(`pending ${name}`, {
        code: 'pending',
        node,
        ...(kind === 'property' ? { property: name } : {}),
        message: `${kind} "${name}" is in schema.org's pending area and may still change`,
      });
    }
    if (term?.supersededBy) {
      this.note(`superseded ${name}`, {
        code: 'superseded',
        node,
        ...(kind === 'property' ? { property: name } : {}),
        message: `${kind} "${name}" is superseded by ${orList(term.supersededBy.map((t) => `"${t}"`))}`,
      });
    }
  }

  /** Checks a node object and, recursively, the nodes embedded in it. */
  checkNode(node: ExpandedNode, path: string): void {
    const label = node['@id'] ?? path;
    const types: string[] = [];
    for (const iri of node['@type'] ?? []) {
      const name = schemaName(iri);
      if (name === undefined) {
        this.error(label, undefined, 'not-schema-org', `type <${iri}> is not a schema.org type`);
      } else if (!vocab.classes[name]) {
        this.error(
          label,
          undefined,
          'unknown-type',
          `type "${name}" is not in schema.org${suggest(name, Object.keys(vocab.classes))}`,
        );
      } else {
        types.push(name);
        this.termNotes('type', name, label);
      }
    }
    const typeLabel = types.length ? `${label} (${types.join(', ')})` : label;
    const hasProperties = Object.keys(node).some((key) => !key.startsWith('@'));
    if (!node['@type']?.length && hasProperties) {
      this.note(`untyped ${label}`, {
        code: 'untyped',
        node: label,
        message: 'node has no @type, so its properties are not checked against a type',
      });
    }

    for (const [key, values] of Object.entries(node)) {
      if (key.startsWith('@')) {
        if (key === '@reverse' || key === '@graph' || key === '@included')
          this.checkEmbedded(values, `${path}.${key}`);
        continue;
      }
      const name = schemaName(key);
      if (name === undefined) {
        this.error(
          typeLabel,
          key,
          'not-schema-org',
          `property <${key}> is not a schema.org property`,
        );
        continue;
      }
      const property = vocab.properties[name];
      if (!property) {
        const hint = vocab.classes[name]
          ? ` ("${name}" is a type, not a property)`
          : suggest(name, Object.keys(vocab.properties));
        this.error(
          typeLabel,
          name,
          'unknown-property',
          `property "${name}" is not in schema.org${hint}`,
        );
        continue;
      }
      this.termNotes('property', name, label);
      if (types.length && property.domain.length && !fitsClasses(types, property.domain)) {
        this.error(
          typeLabel,
          name,
          'wrong-domain',
          `"${name}" is not a property of ${orList(types)}; schema.org expects it on ${orList(property.domain)}`,
        );
      }
      for (const [i, value] of (values as unknown[]).entries()) {
        this.checkValue(value, property.range, typeLabel, name, `${path}.${name}[${i}]`);
      }
    }
  }

  private checkEmbedded(values: unknown, path: string) {
    const list = Array.isArray(values) ? values : [values];
    list.forEach((value, i) => {
      if (isObject(value) && !isValueObject(value) && !isReference(value))
        this.checkNode(value as ExpandedNode, `${path}[${i}]`);
    });
  }

  private checkValue(
    value: unknown,
    range: readonly string[],
    node: string,
    property: string,
    path: string,
  ): void {
    const expected = () => `expected ${orList(range.map(article))}`;
    if (isObject(value) && '@list' in value) {
      for (const [i, item] of (value['@list'] as unknown[]).entries()) {
        this.checkValue(item, range, node, property, `${path}[${i}]`);
      }
      return;
    }
    if (isValueObject(value)) {
      const { types, describe } = literalTypes(value);
      if (!literalFits(types, range))
        this.error(node, property, 'wrong-range', `${expected()}, got ${describe}`);
      return;
    }
    if (!isObject(value)) return;
    if (isReference(value)) {
      const iri = value['@id'];
      const target = this.nodes.get(iri);
      if (target) {
        this.checkNodeFits(
          [...target].map((t) => schemaName(t) ?? t),
          range,
          node,
          property,
          `the node <${iri}>`,
        );
        return;
      }
      const member = schemaName(iri);
      const enumerations = member === undefined ? undefined : vocab.members[member];
      if (enumerations) {
        if (!fitsClasses(enumerations, range))
          this.error(
            node,
            property,
            'wrong-range',
            `${expected()}, got the ${orList(enumerations)} "${member}"`,
          );
        return;
      }
      const internal =
        iri.startsWith('_:') ||
        (iri.includes('#') && this.documents.has(iri.slice(0, iri.indexOf('#'))));
      if (internal || !range.includes('URL')) {
        this.error(
          node,
          property,
          'dangling-id',
          `@id <${iri}> does not resolve to a node of the document`,
        );
      }
      return;
    }
    const embedded = value as ExpandedNode;
    this.checkNodeFits(
      (embedded['@type'] ?? []).map((t) => schemaName(t) ?? t),
      range,
      node,
      property,
      'an embedded node',
    );
    this.checkNode(embedded, path);
  }

  private checkNodeFits(
    types: readonly string[],
    range: readonly string[],
    node: string,
    property: string,
    what: string,
  ) {
    if (types.length === 0) return; // an untyped node: noted where it is defined
    if (fitsClasses(types, range)) return;
    // schema.org's Role pattern: a Role node may stand between a property and its value.
    if (fitsClasses(types, ['Role'])) return;
    this.error(
      node,
      property,
      'wrong-range',
      `expected ${orList(range.map(article))}, got ${what} of type ${orList(types)}`,
    );
  }
}

/** `; did you mean "headline"?` when a known name is close (case, or at most two edits). */
function suggest(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return `; did you mean "${candidate}"?`;
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best ? `; did you mean "${best}"?` : '';
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const cell = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(cell);
      rowMin = Math.min(rowMin, cell);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length] as number;
}
