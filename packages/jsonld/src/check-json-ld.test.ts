import {
  checkJsonLd,
  type JsonLdIssue,
  RemoteContextError,
  schemaOrgDocumentLoader,
} from '@storykit/jsonld/check';
import { describe, expect, it } from 'vitest';

const doc = (...graph: Record<string, unknown>[]) => ({
  '@context': 'https://schema.org',
  '@graph': graph,
});
const person = { '@id': 'urn:t#kerry', '@type': 'Person', name: 'John Kerry' };
const errorsOf = async (input: unknown) =>
  (await checkJsonLd(input)).errors.map(({ code, property, message }: JsonLdIssue) => ({
    code,
    property,
    message,
  }));

describe('checkJsonLd', () => {
  it('accepts a small correct graph', async () => {
    const result = await checkJsonLd(
      doc(
        {
          '@id': 'urn:t#a',
          '@type': 'NewsArticle',
          headline: 'H',
          datePublished: '2016-07-17',
          author: { '@id': 'urn:t#kerry' },
          url: 'https://example.org/a',
          isAccessibleForFree: true,
          wordCount: 3,
        },
        person,
      ),
    );
    expect(result).toMatchObject({ valid: true, errors: [], release: '30.0' });
  });

  it('catches a misspelled property, which expansion alone lets through', async () => {
    expect(await errorsOf(doc({ '@id': 'urn:t#a', '@type': 'NewsArticle', headlne: 'H' }))).toEqual(
      [
        {
          code: 'unknown-property',
          property: 'headlne',
          message: 'property "headlne" is not in schema.org; did you mean "headline"?',
        },
      ],
    );
  });

  it('catches an unknown type', async () => {
    expect(await errorsOf(doc({ '@id': 'urn:t#a', '@type': 'NewsArtcle' }))).toEqual([
      {
        code: 'unknown-type',
        property: undefined,
        message: 'type "NewsArtcle" is not in schema.org; did you mean "NewsArticle"?',
      },
    ]);
  });

  it('catches a property on a type that does not take it', async () => {
    expect(
      await errorsOf(
        doc({ '@id': 'urn:t#o', '@type': 'Organization', name: 'CNN', jobTitle: 'x' }),
      ),
    ).toEqual([
      {
        code: 'wrong-domain',
        property: 'jobTitle',
        message: '"jobTitle" is not a property of Organization; schema.org expects it on Person',
      },
    ]);
  });

  it('infers subclasses: a NewsArticle takes CreativeWork and Thing properties', async () => {
    const result = await checkJsonLd(
      doc({
        '@id': 'urn:t#a',
        '@type': 'NewsArticle',
        name: 'N',
        copyrightYear: 2016,
        dateline: 'X',
      }),
    );
    expect(result.errors).toEqual([]);
  });

  it('catches a text where a Person or Organization is required', async () => {
    expect(
      await errorsOf(
        doc({ '@id': 'urn:t#q', '@type': 'Quotation', text: 'on the run', creator: 'Kerry' }),
      ),
    ).toEqual([
      {
        code: 'wrong-range',
        property: 'creator',
        message: 'expected an Organization or a Person, got the text "Kerry"',
      },
    ]);
  });

  it('catches a node of the wrong type', async () => {
    const place = { '@id': 'urn:t#nice', '@type': 'Place', name: 'Nice' };
    expect(
      await errorsOf(
        doc({ '@id': 'urn:t#a', '@type': 'NewsArticle', author: { '@id': 'urn:t#nice' } }, place),
      ),
    ).toEqual([
      {
        code: 'wrong-range',
        property: 'author',
        message: 'expected an Organization or a Person, got the node <urn:t#nice> of type Place',
      },
    ]);
  });

  it('catches a dangling @id, even on a property that takes a URL', async () => {
    const errors = await errorsOf(
      doc(
        {
          '@id': 'urn:t#a',
          '@type': 'NewsArticle',
          author: { '@id': 'urn:t#nobody' },
          image: { '@id': 'urn:t#photo' },
        },
        person,
      ),
    );
    expect(errors).toEqual([
      {
        code: 'dangling-id',
        property: 'author',
        message: '@id <urn:t#nobody> does not resolve to a node of the document',
      },
      {
        code: 'dangling-id',
        property: 'image',
        message: '@id <urn:t#photo> does not resolve to a node of the document',
      },
    ]);
  });

  it('accepts an outside IRI where the property takes a URL', async () => {
    const result = await checkJsonLd(
      doc({
        ...person,
        sameAs: 'https://www.wikidata.org/wiki/Q22316',
        image: 'https://example.org/k.jpg',
      }),
    );
    expect(result.errors).toEqual([]);
  });

  it('checks values coerced to dates, numbers and booleans', async () => {
    const errors = await errorsOf(
      doc({
        '@id': 'urn:t#a',
        '@type': 'NewsArticle',
        datePublished: 'last Sunday',
        wordCount: 'many',
        isAccessibleForFree: 'no',
      }),
    );
    expect(errors.map((e) => [e.property, e.message])).toEqual([
      ['datePublished', 'expected a Date or a DateTime, got "last Sunday" (not an ISO 8601 Date)'],
      ['isAccessibleForFree', 'expected a Boolean, got the text "no"'],
      ['wordCount', 'expected an Integer, got the text "many"'],
    ]);
  });

  it('accepts enumeration members where the enumeration is expected', async () => {
    const result = await checkJsonLd(
      doc({
        '@id': 'urn:t#e',
        '@type': 'Event',
        name: 'E',
        eventStatus: { '@id': 'https://schema.org/EventScheduled' },
      }),
    );
    expect(result.errors).toEqual([]);
  });

  it('rejects terms outside schema.org', async () => {
    const errors = await errorsOf({
      '@context': ['https://schema.org', { dc: 'http://purl.org/dc/terms/' }],
      '@id': 'urn:t#a',
      '@type': 'dc:BibliographicResource',
      'dc:title': 'T',
    });
    expect(errors.map((e) => e.code)).toEqual(['not-schema-org', 'not-schema-org']);
  });

  it('reports what safe-mode expansion drops', async () => {
    const errors = await errorsOf({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@nick': 'x',
    });
    expect(errors).toEqual([
      {
        code: 'expansion',
        property: undefined,
        message:
          'JSON-LD expansion in safe mode failed: Dropping property that did not expand into an absolute IRI or keyword. ("@nick")',
      },
    ]);
  });

  it('reads JSON text, and says when it is not JSON', async () => {
    expect((await checkJsonLd(JSON.stringify(doc(person)))).valid).toBe(true);
    expect(await errorsOf('{"@context":')).toMatchObject([{ code: 'expansion' }]);
  });

  it('notes pending terms once each, without failing', async () => {
    const result = await checkJsonLd(
      doc(
        { '@id': 'urn:t#q1', '@type': 'Quotation', text: 'a' },
        { '@id': 'urn:t#q2', '@type': 'Quotation', text: 'b' },
      ),
    );
    expect(result.valid).toBe(true);
    expect(result.notes).toEqual([
      {
        severity: 'note',
        code: 'pending',
        node: 'urn:t#q1',
        message: 'type "Quotation" is in schema.org\'s pending area and may still change',
      },
    ]);
  });

  it('never fetches: other remote contexts are refused', async () => {
    await expect(
      schemaOrgDocumentLoader('https://example.org/context.jsonld'),
    ).rejects.toBeInstanceOf(RemoteContextError);
    const result = await checkJsonLd({
      '@context': 'https://example.org/context.jsonld',
      name: 'x',
    });
    expect(result.errors[0]?.code).toBe('expansion');
  });
});
