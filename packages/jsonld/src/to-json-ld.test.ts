import type { Story } from '@storykit/core';
import { type JsonLdNode, toJsonLd } from '@storykit/jsonld';
import { checkJsonLd, formatJsonLdIssue } from '@storykit/jsonld/check';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedStory, seed } from '../test/stories.js';

const byId = (graph: readonly JsonLdNode[], id: string) => graph.find((n) => n['@id'] === id);
const ref = (id: string) => ({ '@id': id });

describe('toJsonLd on the seed', () => {
  let story: Story;
  let graph: readonly JsonLdNode[];
  const base = 'urn:storykit:kerry-on-the-run';
  beforeAll(async () => {
    story = seed();
    graph = toJsonLd(story)['@graph'];
  });

  it('passes the schema.org check with no errors', async () => {
    const result = await checkJsonLd(toJsonLd(story));
    expect(result.errors.map(formatJsonLdIssue)).toEqual([]);
    expect(result.valid).toBe(true);
    // Quotation, Claim, Observation and creditText are in schema.org's pending area: said, not hidden.
    expect(result.notes.map((n) => n.message)).toContain(
      'type "Quotation" is in schema.org\'s pending area and may still change',
    );
  });

  it('gives every node a unique id derived from the story id and the item id', () => {
    const ids = graph.map((n) => n['@id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(`${base}#article`);
    expect(ids).toContain(`${base}#source-kerry`);
    expect(ids).toContain(`${base}#statement-kerry-on-the-run`);
    expect(ids).toContain(`${base}#figure-nice-killed`);
    const expected =
      1 +
      story.sources.length +
      story.entities.length +
      story.media.length +
      story.statements.length +
      story.figures.length +
      story.notes.length;
    expect(graph).toHaveLength(expected);
  });

  it('describes the article with what the model holds and leaves out what it does not', () => {
    const article = graph[0] as JsonLdNode;
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: story.headline,
      description: story.dek,
      inLanguage: 'en',
      publisher: ref(`${base}#source-csmonitor`),
      image: [ref(`${base}#media-photo`)],
      keywords: [...story.keywords],
    });
    // The scrape has no url, date or byline (see the fixture's notes): nothing is made up.
    for (const absent of ['url', 'datePublished', 'dateModified', 'author', 'isAccessibleForFree'])
      expect(article).not.toHaveProperty(absent);
    expect(article.mentions).toContainEqual(ref(`${base}#entity-mosul`));
  });

  it('makes each quotation a Quotation by its speaker and each indirect claim a Claim', () => {
    for (const statement of story.statements) {
      const node = byId(graph, `${base}#statement-${statement.id}`) as JsonLdNode;
      expect(node.text).toBe(statement.text);
      const speaker = statement.speaker ? ref(`${base}#source-${statement.speaker}`) : undefined;
      if (statement.kind === 'indirect') {
        expect(node).toMatchObject({ '@type': 'Claim', appearance: ref(`${base}#article`) });
        expect(node.author).toEqual(speaker);
      } else {
        expect(node).toMatchObject({ '@type': 'Quotation', isPartOf: ref(`${base}#article`) });
        expect(node.creator).toEqual(speaker);
      }
    }
    const onTheRun = byId(graph, `${base}#statement-kerry-on-the-run`);
    expect(onTheRun).toMatchObject({
      creator: ref(`${base}#source-kerry`),
      dateCreated: '2016-07-17',
      description: 'partial quotation: said on CNN’s “State of the Union” to Jake Tapper',
    });
  });

  it('describes anonymous sources without a name', () => {
    const official = byId(graph, `${base}#source-intelligence-official`);
    expect(official).toEqual({
      '@id': `${base}#source-intelligence-official`,
      '@type': 'Person',
      description: 'an intelligence official in Washington',
    });
  });

  it('gives people their job title and affiliation, organisations their parent', () => {
    expect(byId(graph, `${base}#source-kerry`)).toEqual({
      '@id': `${base}#source-kerry`,
      '@type': 'Person',
      name: 'John Kerry',
      jobTitle: 'US Secretary of State',
      affiliation: ref(`${base}#source-state-department`),
      sameAs: ['https://www.wikidata.org/wiki/Q22316'],
    });
    expect(byId(graph, `${base}#source-icsr`)).toMatchObject({
      '@type': 'Organization',
      parentOrganization: ref(`${base}#source-kings-college-london`),
    });
  });

  it('credits the photo', () => {
    expect(byId(graph, `${base}#media-photo`)).toMatchObject({
      '@type': 'ImageObject',
      creditText: 'Alexander Zemlianichenko/AP',
      creator: ref(`${base}#source-zemlianichenko`),
      isPartOf: ref(`${base}#article`),
    });
  });

  it('turns each figure into an Observation with its bounds', () => {
    const nice = byId(graph, `${base}#figure-nice-killed`) as JsonLdNode;
    const figure = story.figures.find((f) => f.id === 'nice-killed');
    expect(figure?.qualifier).toBe('at least');
    expect(nice).toMatchObject({
      '@type': 'Observation',
      minValue: 84,
      unitText: figure?.unit,
      variableMeasured: figure?.measure,
      observationAbout: ref(`${base}#entity-nice`),
    });
    expect(nice).not.toHaveProperty('value');
    expect(nice.description).toBe(
      `at least 84 ${figure?.unit} ${figure?.measure} (${figure?.subject})`,
    );
  });

  it('keeps editor notes apart, as comments about the node they explain', () => {
    expect(byId(graph, `${base}#note-sunday-date`)).toMatchObject({
      '@type': 'Comment',
      about: ref(`${base}#statement-kerry-on-the-run`),
    });
    expect(toJsonLd(story, { notes: false })['@graph'].some((n) => n['@type'] === 'Comment')).toBe(
      false,
    );
  });

  it('gives the same bytes for the same story', async () => {
    const again = toJsonLd(seed());
    expect(JSON.stringify(again)).toBe(JSON.stringify(toJsonLd(story)));
  });
});

describe('toJsonLd on a draft', () => {
  it('says the article is a draft (creativeWorkStatus), and the check accepts it', async () => {
    const draft = publishedStory((s) => {
      s.draft = true;
    });
    const doc = toJsonLd(draft);
    expect(doc['@graph'][0]?.creativeWorkStatus).toBe('Draft');
    const result = await checkJsonLd(JSON.stringify(doc));
    expect(result.errors.map(formatJsonLdIssue)).toEqual([]);
    expect(toJsonLd(publishedStory())['@graph'][0]).not.toHaveProperty('creativeWorkStatus');
  });
});

describe('toJsonLd on a published story', () => {
  const story = publishedStory();
  const doc = toJsonLd(story);
  const graph = doc['@graph'];
  const base = 'https://news.example/2024/plan-launch';

  it('builds ids on the story url, and passes the check', async () => {
    expect(graph[0]?.['@id']).toBe(`${base}#article`);
    expect((await checkJsonLd(doc)).errors.map(formatJsonLdIssue)).toEqual([]);
  });

  it("meets Google's Article recommendations", () => {
    expect(graph[0]).toMatchObject({
      headline: 'The plan is launched',
      url: base,
      datePublished: '2024-03-01T09:30:00+00:00',
      dateModified: '2024-03-02',
      author: [ref(`${base}#source-reporter`)],
      articleSection: 'Politics',
    });
    // The author's name holds the name only; the role goes to jobTitle, the page to sameAs.
    expect(byId(graph, `${base}#source-reporter`)).toMatchObject({
      name: 'Rae Porter',
      jobTitle: 'political correspondent',
      sameAs: ['https://news.example/staff/rae-porter'],
    });
  });

  it("meets Google's image metadata rule: contentUrl and a credit", () => {
    expect(byId(graph, `${base}#media-photo`)).toMatchObject({
      contentUrl: 'https://news.example/img/launch.jpg',
      creditText: 'Jo Snap/Agency',
      creator: ref(`${base}#source-snap`),
      copyrightNotice: '© 2024 Agency',
      caption: 'The minister at the launch.',
    });
  });

  it('links a figure said in a statement from that statement', () => {
    expect(byId(graph, `${base}#statement-people-came`)).toMatchObject({
      '@type': 'Claim',
      author: ref(`${base}#source-mayor`),
      description: 'told Rae Porter',
      mentions: [ref(`${base}#figure-came`)],
    });
    expect(graph[0]?.mentions).toEqual([ref(`${base}#entity-town`)]);
  });

  it('marks the paywalled part when the caller says there is one', async () => {
    const paywalled = toJsonLd(story, { paywall: { cssSelector: '.paywall' } });
    expect(paywalled['@graph'][0]).toMatchObject({
      isAccessibleForFree: false,
      hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' },
    });
    expect((await checkJsonLd(paywalled)).valid).toBe(true);
  });

  it('uses baseUrl only when the story has no url', () => {
    const noUrl = publishedStory((s) => {
      delete s.url;
    });
    expect(toJsonLd(noUrl, { baseUrl: 'https://x.example/a' })['@graph'][0]?.['@id']).toBe(
      'https://x.example/a#article',
    );
    expect(toJsonLd(story, { baseUrl: 'https://x.example/a' })['@graph'][0]?.['@id']).toBe(
      `${base}#article`,
    );
  });

  it('expresses a range as minValue and maxValue', () => {
    const ranged = publishedStory((s) => {
      // The span must write both ends of the range: a second paragraph does.
      s.body = [
        ...(s.body as object[]),
        { id: 'p2', kind: 'paragraph', text: 'Some 40 to 45 stayed.' },
      ];
      const [figure] = s.figures as Record<string, unknown>[];
      Object.assign(figure as object, {
        value: { low: 40, high: 45 },
        qualifier: undefined,
        span: { block: 'p2', start: 5, end: 13 },
      });
    });
    expect(byId(toJsonLd(ranged)['@graph'], `${base}#figure-came`)).toMatchObject({
      minValue: 40,
      maxValue: 45,
    });
  });
});
