/**
 * Derives the compact index `checkJsonLd` works from (`generated/vocab-index.json`) from the
 * vendored schema.org vocabulary (`vocab/schemaorg-current-https.jsonld`, release 30.0): for each
 * class its direct superclasses, for each property its `domainIncludes` and `rangeIncludes`, the
 * members of each enumeration, and which terms are pending or superseded. Deterministic: keys are
 * sorted so that the same vocabulary gives the same bytes. Also copies the schema.org context to
 * `generated/schemaorg-context.json` for the offline document loader.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VocabIndex } from '../src/lib/vocab-index.js';

interface VocabNode {
  readonly '@id': string;
  readonly '@type': string | readonly string[];
  readonly 'rdfs:subClassOf'?: Ref | readonly Ref[];
  readonly 'schema:domainIncludes'?: Ref | readonly Ref[];
  readonly 'schema:rangeIncludes'?: Ref | readonly Ref[];
  readonly 'schema:isPartOf'?: Ref | readonly Ref[];
  readonly 'schema:supersededBy'?: Ref | readonly Ref[];
}
interface Ref {
  readonly '@id': string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vocabulary = JSON.parse(
  readFileSync(join(root, 'vocab/schemaorg-current-https.jsonld'), 'utf8'),
) as { '@graph': readonly VocabNode[] };

const SCHEMA = 'schema:';
const local = (id: string): string | undefined =>
  id.startsWith(SCHEMA) ? id.slice(SCHEMA.length) : undefined;
const refs = (value: Ref | readonly Ref[] | undefined): string[] =>
  (value === undefined ? [] : Array.isArray(value) ? value : [value as Ref])
    .map((ref) => local(ref['@id']))
    .filter((name): name is string => name !== undefined)
    .sort();
const list = <T>(value: T | readonly T[]): readonly T[] =>
  Array.isArray(value) ? value : [value as T];
const isPending = (node: VocabNode): boolean =>
  list(node['schema:isPartOf'] ?? []).some((ref) => ref['@id'] === 'https://pending.schema.org');

const classes: VocabIndex['classes'] = {};
const properties: VocabIndex['properties'] = {};
const members: VocabIndex['members'] = {};

for (const node of vocabulary['@graph']) {
  const name = local(node['@id']);
  if (name === undefined) continue;
  const types = list(node['@type']);
  const flags = {
    ...(isPending(node) ? { pending: true as const } : {}),
    ...(node['schema:supersededBy'] ? { supersededBy: refs(node['schema:supersededBy']) } : {}),
  };
  if (types.includes('rdf:Property')) {
    properties[name] = {
      domain: refs(node['schema:domainIncludes']),
      range: refs(node['schema:rangeIncludes']),
      ...flags,
    };
  } else if (types.includes('rdfs:Class')) {
    classes[name] = {
      superclasses: refs(node['rdfs:subClassOf']),
      ...(types.includes('schema:DataType') ? { dataType: true as const } : {}),
      ...flags,
    };
  } else {
    // An enumeration member (schema:Monday is a schema:DayOfWeek) or a DataType instance
    // (schema:True is a schema:Boolean).
    members[name] = types.map(local).filter((type): type is string => type !== undefined);
  }
}

const sorted = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key] as T]),
  );

const index: VocabIndex = {
  release: '30.0',
  classes: sorted(classes),
  properties: sorted(properties),
  members: sorted(members),
};
const out = join(root, 'generated/vocab-index.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(index)}\n`);
// The context, under a .json name so that the bundler inlines it like any JSON module.
const context = JSON.parse(readFileSync(join(root, 'vocab/schemaorgcontext.jsonld'), 'utf8'));
writeFileSync(join(root, 'generated/schemaorg-context.json'), `${JSON.stringify(context)}\n`);
console.log(
  `schema.org ${index.release}: ${Object.keys(index.classes).length} classes, ${Object.keys(index.properties).length} properties, ${Object.keys(index.members).length} enumeration members`,
);
