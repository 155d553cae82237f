import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isStoryValidationError, numbersInText, validateStory } from '@storykit/core';
import { fromHtml, fromMarkdown, fromText } from '@storykit/extract';
import { describe, expect, it } from 'vitest';

const SEED = fileURLToPath(
  new URL('../../../fixtures/kerry-on-the-run/article.txt', import.meta.url),
);

describe('fromText on the seed article', async () => {
  const article = readFileSync(SEED, 'utf8');
  const draft = await fromText(article);

  it('gives a draft the model accepts, every item with a confidence', () => {
    expect(validateStory(draft)).toEqual([]);
    for (const item of [...draft.statements, ...draft.figures, ...draft.sources]) {
      expect(item.confidence).toBeGreaterThan(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('marks the model as an unreviewed draft, in every format', async () => {
    expect(draft.draft).toBe(true);
    expect((await fromMarkdown('# A headline\n\nA paragraph.')).draft).toBe(true);
    expect((await fromHtml('<h1>A headline</h1><p>A paragraph.</p>')).draft).toBe(true);
  });

  it('sets the headline, standfirst and photo apart from the body', () => {
    expect(draft.headline).toBe("Kerry says ISIS is 'on the run.' Is it really?");
    expect(draft.dek).toMatch(/^Secretary of State John Kerry said/);
    expect(draft.media).toEqual([
      expect.objectContaining({
        credit: 'Alexander Zemlianichenko/AP',
        caption: expect.stringMatching(/^US Secretary of State/),
      }),
    ]);
    expect(draft.body[0]?.text).toMatch(/^As the self-declared Islamic State/);
    expect(draft.body.at(-1)?.text).toMatch(/he said\.$/);
  });

  it('takes nothing from the paywall lines', () => {
    const body = draft.body.map((b) => b.text).join('\n');
    expect(body).not.toMatch(/Subscribe|unlimited|\$11/);
    expect(draft.figures.some((f) => f.value === 11)).toBe(false);
  });

  it('finds the quotations and claims with their speakers', () => {
    const name = (id: string | null) => draft.sources.find((s) => s.id === id)?.name;
    const by = (fragment: string) => {
      const s = draft.statements.find((x) => x.text.includes(fragment));
      return s && [s.kind, name(s.speaker)];
    };
    expect(by('on the run')).toEqual(['partial', 'John Kerry']);
    expect(by('We tend to have a static view')).toEqual(['direct', 'Shiraz Maher']);
    expect(by('kaleidoscopic movement')).toEqual(['direct', 'Shiraz Maher']);
    expect(by('completely liberated')).toEqual(['partial', 'Iraqi forces']);
    expect(by('looks that way to the public')).toEqual(['direct', 'Jake Tapper']);
    expect(by('not a sign of weakness')).toEqual(['direct', 'the official']);
    expect(by('Others in Washington agree')).toEqual(['indirect', 'Aaron Stein']);
    expect(by('al-Qaeda in Iraq')).toEqual(['indirect', 'Aaron Stein']);
  });

  it('finds the figures, each written in its span', () => {
    const shown = draft.figures.map((f) => [f.value, f.qualifier ?? '', f.unit]);
    expect(shown).toEqual(
      expect.arrayContaining([
        [{ low: 40, high: 45 }, '', 'percent'],
        [560, '', 'troops'],
        [84, 'at least', 'people'],
        [215, '', 'people'],
        [1, 'less than', 'decade'],
      ]),
    );
    for (const f of draft.figures) {
      const block = draft.body.find((b) => b.id === f.span.block)?.text ?? '';
      const written = numbersInText(block.slice(f.span.start, f.span.end));
      const values = typeof f.value === 'number' ? [f.value] : [f.value.low, f.value.high];
      for (const v of values) expect(written).toContain(v);
    }
  });

  it('is deterministic', async () => {
    expect(JSON.stringify(await fromText(article))).toBe(JSON.stringify(draft));
  });
});

describe('fromMarkdown', () => {
  it('reads the headline, the emphasised standfirst and plain-text blocks', async () => {
    const draft = await fromMarkdown(
      [
        '# Council passes budget',
        '',
        '_The vote was close._',
        '',
        'The council approved **$2.4 million** for parks, [the report](https://example.org) says.',
        '',
        '“It is a good day,” said Mayor Lena Ortiz.',
        '',
        '![Council chamber](https://example.org/c.jpg "The council chamber.")',
      ].join('\n'),
    );
    expect(draft.headline).toBe('Council passes budget');
    expect(draft.dek).toBe('The vote was close.');
    expect(draft.body.map((b) => b.text)).toEqual([
      'The council approved $2.4 million for parks, the report says.',
      '“It is a good day,” said Mayor Lena Ortiz.',
    ]);
    expect(draft.figures.map((f) => [f.value, f.unit])).toEqual([[2_400_000, 'USD']]);
    expect(draft.media).toEqual([
      expect.objectContaining({
        url: 'https://example.org/c.jpg',
        alt: 'Council chamber',
        caption: 'The council chamber.',
      }),
    ]);
  });
});

describe('fromHtml', () => {
  it('reads the article part of a page, and its figure, without the page around it', async () => {
    const draft = await fromHtml(`<!doctype html><html><body>
      <nav><a href="/">Home</a> | <a href="/news">News</a></nav>
      <header><h1>Flood warning for the valley</h1><p class="dek">Rivers are rising fast.</p></header>
      <article>
        <figure><img src="https://example.org/f.jpg" alt="Water"><figcaption>Water on Main Street. <span class="credit">Jo Snap/Valley Press</span></figcaption></figure>
        <p>The river rose 3 feet overnight, the agency said.</p>
        <p>&ldquo;Leave now,&rdquo; said Fire Chief Dana Cole. &ldquo;Don&rsquo;t wait &amp; see.&rdquo;</p>
        <aside><p>Read more: Last year&rsquo;s flood</p></aside>
      </article>
      <footer><p>&copy; 2024 Valley Press. Share on social media.</p></footer>
    </body></html>`);
    expect(draft.headline).toBe('Flood warning for the valley');
    expect(draft.dek).toBe('Rivers are rising fast.');
    expect(draft.body.map((b) => b.text)).toEqual([
      'The river rose 3 feet overnight, the agency said.',
      '“Leave now,” said Fire Chief Dana Cole. “Don’t wait & see.”',
    ]);
    expect(draft.media[0]).toMatchObject({
      caption: 'Water on Main Street.',
      credit: 'Jo Snap/Valley Press',
      url: 'https://example.org/f.jpg',
    });
    expect(draft.statements.map((s) => s.text)).toEqual(['Leave now,', 'Don’t wait & see.']);
    expect(draft.sources.map((s) => s.name)).toContain('Dana Cole');
  });
});

describe('errors and builds', () => {
  it('says when there is no article text', async () => {
    const error = await fromText('Subscribe now\n\nShare this article').catch((e: unknown) => e);
    expect(isStoryValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^body: no article text found/);
  });

  it('works from the CommonJS build, which loads unified with import()', () => {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        "require('@storykit/extract').fromMarkdown('# T\\n\\n“Go now,” said Ann Lee.').then((d) => console.log(d.statements[0].text))",
      ],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' },
    );
    expect(out.trim()).toBe('Go now,');
  });
});
