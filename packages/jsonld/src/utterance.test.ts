/**
 * A quotation the writer broke with its attribution (`“A,” she said, “B.”`) is one utterance, so
 * one node of the graph; whatever points at a piece points at that node.
 */
import type { Story } from '@storykit/core';
import { type JsonLdNode, toJsonLd } from '@storykit/jsonld';
import { checkJsonLd, formatJsonLdIssue, schemaOrgDocumentLoader } from '@storykit/jsonld/check';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedStory } from '../test/stories.js';

const BODY =
  '“The plan will work,” Ann Example said, “and 84 towns will join.” The mayor told reporters the towns would wait.';

const at = (words: string) => {
  const start = BODY.indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in the body`);
  return { block: 'p1', start, end: start + words.length };
};

/** The minister's quotation in two pieces, a figure and a note on the second, a claim citing it. */
function splitStory(): Story {
  return publishedStory((story) => {
    story.body = [{ id: 'p1', kind: 'paragraph', text: BODY }];
    story.statements = [
      {
        id: 'work',
        kind: 'direct',
        text: 'The plan will work,',
        speaker: 'minister',
        attribution: { verb: 'said', date: '2024-02-29' },
        span: at('The plan will work,'),
      },
      {
        id: 'join',
        kind: 'partial',
        text: 'and 84 towns will join.',
        speaker: 'minister',
        attribution: {},
        span: at('and 84 towns will join.'),
      },
      {
        id: 'wait',
        kind: 'indirect',
        text: 'the towns would wait',
        speaker: 'mayor',
        attribution: { verb: 'told', recipient: 'reporter' },
        span: at('the towns would wait'),
      },
    ];
    story.figures = [
      {
        id: 'towns',
        value: 84,
        unit: 'towns',
        measure: 'to join',
        subject: 'the plan',
        statement: 'join',
        span: at('84'),
      },
    ];
    story.relations = [
      { kind: 'continues', from: 'join', to: 'work' },
      { kind: 'cites', from: 'wait', to: 'join' },
    ];
    story.notes = [
      { id: 'towns', about: 'statements.join', text: 'The ministry lists the towns.' },
    ];
  });
}

const base = 'https://news.example/2024/plan-launch';
const ref = (id: string) => ({ '@id': `${base}#${id}` });

/** Every `@id` reference anywhere in a value, except a node's own id. */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '@id') out.push((value as { '@id': string })['@id']);
    else for (const [k, v] of Object.entries(value)) if (k !== '@id') references(v, out);
  }
  return out;
}

describe('a quotation in pieces in the graph', () => {
  let graph: readonly JsonLdNode[];
  beforeAll(() => {
    graph = toJsonLd(splitStory())['@graph'];
  });
  const statements = () =>
    graph.filter((n) => n['@type'] === 'Quotation' || n['@type'] === 'Claim');

  it('is one Quotation, named by its first piece, with the pieces’ text joined', () => {
    expect(statements().map((n) => n['@id'])).toEqual([
      `${base}#statement-work`,
      `${base}#statement-wait`,
    ]);
    expect(statements()[0]).toEqual({
      '@id': `${base}#statement-work`,
      '@type': 'Quotation',
      text: 'The plan will work, and 84 towns will join.',
      creator: ref('source-minister'),
      isPartOf: ref('article'),
      dateCreated: '2024-02-29',
      description: 'said',
      mentions: [ref('figure-towns')],
    });
  });

  it('takes the references of every piece: a citation and a note point at the one node', () => {
    expect(graph.find((n) => n['@id'] === `${base}#statement-wait`)?.citation).toEqual([
      ref('statement-work'),
    ]);
    expect(graph.find((n) => n['@id'] === `${base}#note-towns`)?.about).toEqual(
      ref('statement-work'),
    );
    const ids = new Set(graph.map((n) => n['@id']));
    expect(references(graph).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('expands in safe mode to one Quotation node, and passes the check', async () => {
    const doc = toJsonLd(splitStory());
    const expanded = (await jsonld.expand(JSON.parse(JSON.stringify(doc)), {
      safe: true,
      documentLoader: schemaOrgDocumentLoader,
    } as never)) as unknown as { '@type'?: string[]; 'http://schema.org/text'?: unknown }[];
    const quotations = expanded.filter((n) => n['@type']?.includes('http://schema.org/Quotation'));
    expect(quotations).toHaveLength(1);
    expect(quotations[0]?.['http://schema.org/text']).toEqual([
      { '@value': 'The plan will work, and 84 towns will join.' },
    ]);
    const result = await checkJsonLd(doc);
    expect(result.errors.map(formatJsonLdIssue)).toEqual([]);
  });

  it('gives the same bytes for the same story', () => {
    expect(JSON.stringify(toJsonLd(splitStory()))).toBe(JSON.stringify(toJsonLd(splitStory())));
  });
});
