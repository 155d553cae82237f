import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { isStoryValidationError, type Story, validateStory } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { fromHtml, fromText } from '@storykit/extract';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

const fixture = (slug: string) =>
  fileURLToPath(new URL(`../../../fixtures/${slug}`, import.meta.url));
const page = (slug: string) => readFileSync(`${fixture(slug)}/article.html`);
const texts = (story: Story) => story.body.map((b) => b.text);
const nameOf = (story: Story, id: string | null | undefined) =>
  story.sources.find((s) => s.id === id)?.name;
const speakerOf = (story: Story, fragment: string) =>
  nameOf(story, story.statements.find((s) => s.text.includes(fragment))?.speaker);
const article = (paragraphs: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body><article><h1>A headline for the test page</h1>${paragraphs}</article></body></html>`;
const LONG = [
  '<p>The harbor board voted on Tuesday to close the north pier for repairs, a decision that will move the morning ferry to the south dock for at least six weeks.</p>',
  '<p>“We cannot keep boats on a pier that is sinking,” said Harbor Master Lena Ortiz. “The engineers gave us no choice.”</p>',
  '<p>Ortiz said the work would cost about $1.2 million and would be paid for from the board’s reserve fund, which holds money set aside for emergencies.</p>',
].join('');

describe('fromHtml on the HTML fixtures', () => {
  for (const slug of ['flood-warning', 'ferry-fares', 'library-hours', 'wage-study']) {
    it(`${slug}: the curated body, headline and standfirst, and a draft the model accepts`, async () => {
      const gold = loadStory(fixture(slug));
      const draft = await fromHtml(page(slug), { file: `${slug}/article.html` });
      expect(texts(draft)).toEqual(texts(gold));
      expect(draft.headline).toBe(gold.headline);
      expect(draft.dek).toBe(gold.dek);
      expect(draft.published).toBe(gold.published);
      expect(draft.authors.map((id) => nameOf(draft, id))).toEqual(
        gold.authors.map((id) => nameOf(gold, id)),
      );
      expect(validateStory(draft)).toEqual([]);
    });
  }

  it('skips the teaser <article> cards before the real one, and the share row and menu', async () => {
    const draft = await fromHtml(page('ferry-fares'));
    const all = JSON.stringify(draft);
    expect(all).not.toMatch(/Harbor market|Regatta|bus routes|LinkedIn|Read more|Sign in/);
    expect(draft.body[0]?.text).toMatch(/^PORT AVELIN — Fares on the ferries/);
  });

  it('reads JSON-LD in a @graph and OpenGraph: dates, section, keywords, URL, language, image', async () => {
    const draft = await fromHtml(page('library-hours'));
    expect(draft).toMatchObject({
      headline: 'Bramwick libraries to open on Sundays in six-month trial',
      url: 'https://gazette.example/news/2025/03/bramwick-libraries-sundays',
      language: 'en-GB',
      published: '2025-03-04T07:30:00+00:00',
      modified: '2025-03-04T12:05:00+00:00',
      section: 'Local',
      keywords: ['libraries', 'Bramwick', 'council'],
    });
    expect(nameOf(draft, draft.publisher)).toBe('Bramwick Gazette');
    expect(draft.media).toEqual([
      expect.objectContaining({
        url: 'https://gazette.example/img/central-library.jpg',
        caption: 'Bramwick Central Library on Market Street.',
        credit: 'Owen Pell/Bramwick Gazette',
      }),
    ]);
  });

  it('reads text split by comments as if they were not there, and attributes it right', async () => {
    const draft = await fromHtml(page('wage-study'));
    expect(draft.body[0]?.text).toContain('the fastest pace since 2012, according to');
    expect(speakerOf(draft, 'first stretch in a generation')).toBe('Rosalind Okoye');
    expect(speakerOf(draft, 'But the gains are fragile')).toBe('Rosalind Okoye');
    expect(speakerOf(draft, 'Small firms tell me')).toBe('Marcus Delacroix');
  });

  it('never reads scripts, styles, hidden or aria-hidden nodes', async () => {
    const draft = await fromHtml(page('wage-study'));
    const all = JSON.stringify(draft);
    expect(all).not.toMatch(/script|Nobody|hidden|Hidden|Advertisement|sr-only|__STATE__/);
  });
});

describe('chrome that Readability keeps, and our rules drop', () => {
  const html = article(
    `${LONG}<div class="tools"><a href="#">Facebook</a> | <a href="#">X</a> | <a href="#">LinkedIn</a> | <a href="#">Email</a></div><p><a href="/b">Read more: Last year’s pier repairs</a></p>`,
  );

  it('Readability alone keeps the share row and the "Read more" link', () => {
    const { document } = parseHTML(html);
    const text = new Readability(document as unknown as Document).parse()?.textContent ?? '';
    expect(text).toContain('LinkedIn');
    expect(text).toContain('Read more');
  });

  it('the draft has neither', async () => {
    const draft = await fromHtml(html);
    expect(texts(draft).join('\n')).not.toMatch(/LinkedIn|Facebook|Read more/);
    expect(draft.body).toHaveLength(3);
  });
});

describe('page metadata', () => {
  it('skips a JSON-LD block that is not JSON, with a note, and reads the rest', async () => {
    const draft = await fromHtml(
      article(
        LONG,
        '<script type="application/ld+json">{ "@type": "NewsArticle", headline: oops }</script><script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier to close for repairs","datePublished":"2024-05-07"}</script>',
      ),
    );
    expect(draft.headline).toBe('Pier to close for repairs');
    expect(draft.published).toBe('2024-05-07');
    expect(draft.notes).toContainEqual(
      expect.objectContaining({
        id: 'metadata-json-ld-1',
        text: expect.stringMatching(/not JSON/),
      }),
    );
  });

  it('takes the first source where they disagree, and says so in a note', async () => {
    const draft = await fromHtml(
      article(
        LONG,
        '<meta property="article:published_time" content="2024-05-07T08:00:00Z"><meta name="DC.date.issued" content="2024-05-09"><meta name="author" content="Ann Lee"><meta property="og:title" content="Pier to close for six weeks | Harbor News">',
      ),
    );
    expect(draft.published).toBe('2024-05-07T08:00:00Z');
    expect(draft.notes.find((n) => n.about === 'published')?.text).toMatch(
      /2024-05-07T08:00:00Z.*article:published_time.*2024-05-09.*Dublin Core/,
    );
    expect(draft.headline).toBe('Pier to close for six weeks');
    expect(draft.authors.map((id) => nameOf(draft, id))).toEqual(['Ann Lee']);
  });

  it('invents nothing: no metadata, no date, author, URL or keywords', async () => {
    const draft = await fromHtml(article(LONG));
    expect(draft.published).toBeUndefined();
    expect(draft.url).toBeUndefined();
    expect(draft.authors).toEqual([]);
    expect(draft.keywords).toEqual([]);
    expect(draft.headline).toBe('A headline for the test page');
  });

  it('takes the headline without the site name and not the logo heading', async () => {
    const draft = await fromHtml(
      `<html><head><title>Harbor News - Pier to close for six weeks of repairs</title><meta property="og:site_name" content="Harbor News"></head><body><header><h1>Harbor News</h1></header><article>${LONG}</article></body></html>`,
    );
    expect(draft.headline).toBe('Pier to close for six weeks of repairs');
  });
});

describe('plain text: chrome is not a headline or standfirst', () => {
  it('harbor-strike gets its headline and standfirst, not the menu and share row', async () => {
    const draft = await fromText(readFileSync(`${fixture('harbor-strike')}/article.txt`, 'utf8'));
    expect(draft.headline).toBe(
      'Dockworkers walk out at Port of Calloway as contract talks collapse',
    );
    expect(draft.dek).toBe(
      'Union and terminal operators split over wages and automated cranes; ships stack up offshore',
    );
    expect(texts(draft).join('\n')).not.toMatch(/Facebook|Home > Business/);
  });
});

describe('not English', () => {
  const spanish = `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>El puerto cierra el muelle norte | Diario del Puerto</title><meta property="article:published_time" content="2024-05-07"><meta name="author" content="Ana Ruiz"></head><body><article>
    <p>La junta del puerto votó el martes cerrar el muelle norte para su reparación, una decisión que llevará el ferri de la mañana al muelle sur durante al menos seis semanas.</p>
    <p>“No podemos tener barcos en un muelle que se hunde”, dijo la capitana del puerto, Lena Ortiz. “Los ingenieros no nos dieron otra opción”.</p>
    <p>Ortiz dijo que la obra costaría unos 1,2 millones de dólares y que se pagaría con el fondo de reserva de la junta, que guarda dinero para emergencias.</p>
  </article></body></html>`;

  it('a Spanish page keeps its body and metadata, with no statements or figures, and a note', async () => {
    const draft = await fromHtml(spanish);
    expect(draft.language).toBe('es');
    expect(draft.headline).toBe('El puerto cierra el muelle norte');
    expect(draft.published).toBe('2024-05-07');
    expect(draft.authors.map((id) => nameOf(draft, id))).toEqual(['Ana Ruiz']);
    expect(draft.body).toHaveLength(3);
    expect(draft.statements).toEqual([]);
    expect(draft.figures).toEqual([]);
    expect(draft.notes.find((n) => n.id === 'language')?.text).toMatch(/Spanish.*English only/);
  });

  it('plain Japanese text is found by its script', async () => {
    const draft = await fromText(
      '港の北桟橋が閉鎖\n\n港湾委員会は火曜日、修理のために北桟橋を閉鎖することを決めた。「沈んでいる桟橋に船を置いておくことはできない」と港長は述べた。',
    );
    expect(draft.language).toBe('ja');
    expect(draft.statements).toEqual([]);
    expect(draft.figures).toEqual([]);
    expect(draft.notes.find((n) => n.id === 'language')?.text).toMatch(/Japanese/);
  });

  it('plain Spanish text is found by its words', async () => {
    const text = spanish.replace(/<[^>]+>/g, '\n').replace(/\n\s*\n+/g, '\n\n');
    const draft = await fromText(text);
    expect(draft.language).toBe('es');
    expect(draft.statements).toEqual([]);
  });
});

describe('bad input', () => {
  const failure = async (input: string | Uint8Array) => {
    const error = await fromHtml(input, { file: 'page.html' }).catch((e: unknown) => e);
    expect(isStoryValidationError(error)).toBe(true);
    return (error as Error).message;
  };

  it('a sign-in page is not an article', async () => {
    expect(
      await failure(
        '<html><head><title>Sign in | Harbor News</title></head><body><form><label>Email <input name="e"></label><label>Password <input type="password"></label><button>Sign in</button></form><p>Forgot your password?</p></body></html>',
      ),
    ).toMatch(/sign-in form.*not an article/);
  });

  it('a 404 page is not an article', async () => {
    expect(
      await failure(
        '<html><head><title>Page not found | Harbor News</title></head><body><h1>Page not found</h1><p>Sorry, the page you were looking for does not exist.</p></body></html>',
      ),
    ).toMatch(/error page.*not an article/);
  });

  it('a page that is only a script gives no article and no script text', async () => {
    expect(
      await failure(
        '<html><body><script>document.write("“Hello,” said Ann Lee.")</script></body></html>',
      ),
    ).toMatch(/no article text found/);
  });

  it('a 10 MB page: the article out of the scripts, styles and menus around it', async () => {
    const script = `<script>var data = "${'x'.repeat(7_000_000)}";</script>`;
    const style = `<style>${'.a{color:red}'.repeat(150_000)}</style>`;
    const menu = `<nav>${'<a href="/x">Section</a> | '.repeat(60_000)}</nav>`;
    const html = `<html><head>${style}</head><body>${menu}<article><h1>A headline for the test page</h1>${LONG}</article>${script}</body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const draft = await fromHtml(html);
    expect(draft.body).toHaveLength(3);
    expect(JSON.stringify(draft)).not.toMatch(/xxxx|color:red|Section \|/);
  });

  it('10,000 nested <div>s keep their words, with a note', async () => {
    const deep = `${'<div>'.repeat(10_000)}<p>“We cannot keep boats on a pier that is sinking,” said Harbor Master Lena Ortiz on Tuesday at the harbor.</p>${'</div>'.repeat(10_000)}`;
    const draft = await fromHtml(article(deep));
    expect(texts(draft).join(' ')).toContain('We cannot keep boats on a pier that is sinking');
    expect(draft.notes.map((n) => n.id)).toContain('page-depth');
  });

  it('broken markup: unclosed paragraphs, misnested tags, stray end tags', async () => {
    const draft = await fromHtml(
      '<html><body><article><h1>A headline for the test page</h1><p>The harbor board voted on Tuesday to close the <b>north <i>pier</b> for repairs</i>, a decision that will move the morning ferry to the south dock.<p>“We cannot keep boats on a pier that is sinking,” said Harbor Master Lena Ortiz. </span></div><p>Ortiz said the work would cost about $1.2 million and would be paid for from the reserve fund set aside for emergencies</article></td></body>',
    );
    expect(texts(draft)).toEqual([
      'The harbor board voted on Tuesday to close the north pier for repairs, a decision that will move the morning ferry to the south dock.',
      '“We cannot keep boats on a pier that is sinking,” said Harbor Master Lena Ortiz.',
      'Ortiz said the work would cost about $1.2 million and would be paid for from the reserve fund set aside for emergencies',
    ]);
    expect(speakerOf(draft, 'We cannot keep boats')).toMatch(/Lena Ortiz$/);
  });

  it('windows-1252 bytes with their <meta charset> are decoded right', async () => {
    const html = article(
      `${LONG}<p>At the caf\xe9 on the quay, \x93It is a shame,\x94 said Ren\xe9e Dubois.</p>`,
      '<meta charset="windows-1252">',
    ).replace('<meta charset="utf-8">', '');
    const draft = await fromHtml(Buffer.from(html, 'latin1'));
    expect(draft.body.at(-1)?.text).toBe(
      'At the café on the quay, “It is a shame,” said Renée Dubois.',
    );
    expect(speakerOf(draft, 'It is a shame')).toBe('Renée Dubois');
  });

  it('Shift_JIS bytes with their <meta charset> are decoded right', async () => {
    // 東京です。日本 in Shift_JIS, repeated into paragraphs long enough to be an article.
    const sjis = [
      0x93, 0x8c, 0x8b, 0x9e, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42, 0x93, 0xfa, 0x96, 0x7b,
    ];
    const paragraph = (n: number) => [
      ...Buffer.from('<p>'),
      ...Array(n).fill(sjis).flat(),
      ...Buffer.from('</p>'),
    ];
    const bytes = Uint8Array.from([
      ...Buffer.from(
        '<html><head><meta charset="Shift_JIS"><title>Test</title></head><body><article>',
      ),
      ...paragraph(20),
      ...paragraph(20),
      ...Buffer.from('</article></body></html>'),
    ]);
    const draft = await fromHtml(bytes);
    expect(draft.body[0]?.text.startsWith('東京です。日本東京です。')).toBe(true);
    expect(draft.language).toBe('ja');
    expect(draft.statements).toEqual([]);
  });

  it('says when the page does not look like an article', async () => {
    const draft = await fromHtml(
      '<html><body><p>Opening hours: nine to five on weekdays, closed on public holidays.</p></body></html>',
    );
    expect(draft.notes.map((n) => n.id)).toContain('page-not-an-article');
  });
});

describe('the DOM can be injected', () => {
  it('jsdom gives the same draft as the default DOM', async () => {
    const html = page('flood-warning');
    const viaJsdom = await fromHtml(html, {
      parseDocument: (text) => new JSDOM(text).window.document,
    });
    expect(texts(viaJsdom)).toEqual(texts(await fromHtml(html)));
    expect(isProbablyReaderable(new JSDOM(html.toString()).window.document)).toBe(true);
  });
});
