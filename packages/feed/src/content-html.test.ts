/**
 * The body HTML the items carry: read back as XML by expat (the fragments are well-formed XML as
 * well as HTML), so nesting and text are checked by a parser, not by string matching.
 */
import type { Story } from '@storykit/core';
import { toJsonFeed } from '@storykit/feed';
import { describe, expect, it } from 'vitest';
import { textContent, useReaders, type XmlElement } from '../test/readers.js';
import { OPTIONS, seed } from '../test/seed.js';
import { makeStory } from '../test/story.js';

const readers = useReaders();

async function contentOf(story: Story): Promise<XmlElement> {
  const html = JSON.parse(toJsonFeed(story, OPTIONS)).items[0].content_html as string;
  return readers.etree(`<div>${html}</div>`);
}

function find(el: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  return [...(test(el) ? [el] : []), ...el.children.flatMap((c) => find(c, test))];
}

const text = 'Officials said 40 to 45 percent was lost, and 84 people came.';
const figure = (
  id: string,
  start: number,
  end: number,
  value: number | { low: number; high: number } = 84,
) => ({
  id,
  value,
  unit: 'people',
  measure: 'came',
  subject: 'the event',
  span: { block: 'p1', start, end },
});

describe('the body as HTML', () => {
  it('keeps every paragraph’s text exactly, marks and all', async () => {
    const div = await contentOf(seed);
    const paragraphs = div.children.filter((c) => c.tag === 'p');
    expect(paragraphs.map(textContent)).toEqual(seed.body.map((b) => b.text));
    expect(div.children[0]?.tag).toBe('p'); // no photo URL in the seed: no figure
  });

  it('highlights with <mark> the statements that dispute or support, or are disputed or supported', async () => {
    const div = await contentOf(seed);
    const marked = find(div, (e) => e.tag === 'mark').map((e) =>
      e.attrs.id?.replace('statement-', ''),
    );
    const debated = seed.relations
      .filter((r) => r.kind === 'disputes' || r.kind === 'supports')
      .flatMap((r) => [r.from, r.to]);
    expect(new Set(marked)).toEqual(new Set(debated));
    expect(marked).toContain('kerry-on-the-run');
    expect(marked).toContain('tapper-not-sure');
    const plain = find(div, (e) => e.tag === 'span').map((e) => e.attrs.id);
    expect(plain).toContain('statement-maher-static-view');
    expect(plain).toContain('statement-kerry-inspired'); // responds to Tapper, weighs nothing
    expect(marked.length + plain.length).toBe(seed.statements.length);
    const claim = find(div, (e) => e.attrs.id === 'statement-kerry-on-the-run')[0]!;
    expect(claim.attrs).toMatchObject({
      'data-speaker': 'kerry',
      title: 'John Kerry, US Secretary of State, US Department of State',
      class: 'statement statement-partial',
    });
  });

  it('nests a figure inside the statement that says it', async () => {
    const div = await contentOf(seed);
    const statement = find(div, (e) => e.attrs.id === 'statement-kerry-territory-decreased')[0]!;
    const data = find(statement, (e) => e.tag === 'data');
    expect(data.map((d) => [d.attrs.id, d.attrs.value, textContent(d)])).toEqual([
      ['figure-two-countries', '2', 'the two countries'],
      ['figure-territory-decrease', '40..45', '40 to 45 percent'],
    ]);
  });

  it('splits marks that cross, so the HTML stays well nested and ids stay unique', async () => {
    const story = makeStory(
      { body: [text], statement: [0, 26] }, // "Officials said 40 to 45 pe"
      { figures: [figure('f1', 15, 31, { low: 40, high: 45 }), figure('f2', 46, 55)] }, // "40 to 45 percent", "84 people"
    );
    const div = await contentOf(story);
    const p = div.children[1]!; // after the photo's <figure>
    expect(p.tag).toBe('p');
    expect(textContent(p)).toBe(text);
    const data = find(p, (e) => e.tag === 'data');
    expect(data.map((d) => [d.attrs.id, textContent(d)])).toEqual([
      ['figure-f1', '40 to 45 pe'],
      [undefined, 'rcent'],
      ['figure-f2', '84 people'],
    ]);
    const ids = find(div, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes markup and drops characters XML forbids between the marks, one mark or several', async () => {
    // Each text takes another way through the writer: nothing to do, markup to escape, and a
    // character to clean out (BEL, U+0007) next to markup.
    const texts = [
      'She said 84 people came.',
      'She said "84 <b>" & came.',
      'She\u0007 said "84 & <b>" came.',
    ];
    for (const body of texts) {
      const start = body.indexOf('said');
      const figureAt = body.indexOf('84');
      for (const figures of [[], [figure('f1', figureAt, figureAt + 2)]]) {
        const story = makeStory({ body: [body], statement: [start, body.length - 1] }, { figures });
        const div = await contentOf(story);
        const p = div.children[1]!; // after the photo's <figure>
        expect(textContent(p)).toBe(body.replace('\u0007', ''));
        const statement = find(p, (e) => e.attrs.id === 'statement-s1')[0]!;
        expect(textContent(statement)).toBe(body.slice(start, -1).replace('\u0007', ''));
        const data = find(p, (e) => e.tag === 'data');
        expect(data.map((d) => [d.attrs.id, textContent(d)])).toEqual(
          figures.length ? [['figure-f1', '84']] : [],
        );
      }
    }
  });

  it('refuses a span that falls outside its block, naming the field', () => {
    const story = makeStory({ body: [text] }, { figures: [figure('f1', 50, 500)] });
    expect(() => toJsonFeed(story, OPTIONS)).toThrow(
      /^figures\[0\]\.span: span 50–500 lies outside block p1/,
    );
  });

  it('writes headings and block quotes as such, and the photo as a figure', async () => {
    const story = makeStory(
      { body: ['Heading', 'Quoted.', 'Plain.'], caption: 'Cap <1>', credit: 'AP' },
      {},
    );
    const withKinds: Story = {
      ...story,
      body: [
        { id: 'p1', kind: 'heading', depth: 3, text: 'Heading' },
        { id: 'p2', kind: 'quote', text: 'Quoted.' },
        { id: 'p3', kind: 'paragraph', text: 'Plain.' },
      ],
    };
    const div = await contentOf(withKinds);
    expect(div.children.map((c) => c.tag)).toEqual(['figure', 'h3', 'blockquote', 'p']);
    const [img, caption] = div.children[0]!.children;
    expect(img!.attrs).toEqual({ src: 'https://news.example/photo.png', alt: '' });
    expect(textContent(caption!)).toBe('Cap <1> AP');
  });
});
