import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFigureValue, paragraphNumber, type Story, spanText } from '@storykit/core';
import { toDocx } from '@storykit/docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanUp,
  libreOfficeText,
  mammothHtml,
  mammothText,
  part,
  parts,
  pythonDocx,
  temp,
  xmllintAll,
} from '../test/readers.js';
import { seed } from '../test/stories.js';

afterAll(cleanUp);

/** Text as readers give it back: runs of white space as one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('the seed report', () => {
  let story: Story;
  let bytes: Uint8Array;
  beforeAll(async () => {
    story = seed();
    bytes = await toDocx(story);
  });

  it('reads back in mammoth with its headings, every statement, figure and source', async () => {
    const { html } = await mammothHtml(bytes);
    const h1 = [...html.matchAll(/<h1>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h1>/g)].map((m) => m[1]);
    expect(h1).toEqual([
      'Summary',
      'Statements',
      'Figures',
      'Sources',
      'The article',
      'Editor’s notes',
    ]);
    expect(html).toContain('<h2><a id="_Toc2"></a>Who supports it</h2>');
    const text = squash(await mammothText(bytes));
    for (const s of story.statements) expect(text).toContain(squash(s.text));
    for (const f of story.figures) expect(text).toContain(formatFigureValue(f, { unit: false }));
    for (const s of story.sources) expect(text).toContain(s.name);
    expect(text).toContain(story.headline);
  });

  it('uses real Heading 1 and Heading 2 styles, which python-docx sees', () => {
    const view = pythonDocx(bytes);
    expect(view.styles).toEqual(expect.arrayContaining(['Heading1', 'Heading2', 'Title']));
    const headings = view.paragraphs.filter((p) => p.style.startsWith('Heading'));
    expect(headings.filter((p) => p.style === 'Heading 1').map((p) => p.text)).toHaveLength(6);
    // One Heading 2 per speaker under Statements, the sides of the debate, the chart.
    const speakers = new Set(story.statements.map((s) => s.speaker));
    expect(headings.filter((p) => p.style === 'Heading 2').length).toBe(speakers.size + 3);
  });

  it('keeps every heading with the paragraph after it, through the Heading 1 and 2 styles', () => {
    const styles = part(bytes, 'word/styles.xml');
    for (const id of ['Heading1', 'Heading2']) {
      const style = styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`))?.[0];
      expect(style, id).toContain('<w:keepNext/>');
    }
    // Said once in the styles, not again on each of the 17 headings.
    expect(part(bytes, 'word/document.xml')).not.toContain('<w:keepNext/>');
  });

  it('sets the core properties from the story, and no date the story does not give', () => {
    const { core } = pythonDocx(bytes);
    expect(core).toMatchObject({
      title: story.headline,
      subject: story.dek,
      author: 'The Christian Science Monitor',
      keywords: story.keywords.join(', '),
      language: 'en',
      created: null,
      modified: null,
      content_status: '', // python-docx's reading of an absent cp:contentStatus
    });
  });

  it('puts a table of contents field over the headings', () => {
    const xml = part(bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;/);
    // Each entry links to the bookmark on its heading, in the order of the headings.
    const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
    const entries = [
      ...toc.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)">.*?<w:t[^>]*>([^<]+)<\/w:t>/g),
    ].map(([, anchor, title]) => [anchor, title]);
    const headings = [
      ...xml.matchAll(
        /<w:pStyle w:val="Heading[12]"\/><\/w:pPr><w:bookmarkStart w:name="([^"]+)"[^>]*\/><w:r><w:t[^>]*>([^<]+)<\/w:t>/g,
      ),
    ].map(([, name, title]) => [name, title]);
    expect(headings).toHaveLength(17);
    expect(entries).toEqual(headings);
    // Word fills in the page numbers when it opens the document (ECMA-376 §17.15.1.90).
    expect(part(bytes, 'word/settings.xml')).toContain('<w:updateFields/>');
  });

  it('gives each statement a footnote that points to its paragraph', () => {
    const document = part(bytes, 'word/document.xml');
    const footnotes = part(bytes, 'word/footnotes.xml');
    const referenced = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map(
      (m) => m[1],
    );
    const defined = new Map(
      [...footnotes.matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/gs)].map((m) => [
        m[1],
        (m[2] ?? '').replace(/<[^>]+>/g, ''),
      ]),
    );
    // The summary's claim and sides, then every statement once under Statements.
    expect(referenced.length).toBeGreaterThan(story.statements.length);
    for (const id of referenced)
      expect(defined.get(id as string)).toMatch(/^Article ¶\d+ \(p\d+\)/);
    for (const statement of story.statements) {
      const where = `Article ¶${paragraphNumber(story, statement.span.block)} (${statement.span.block}), characters ${statement.span.start}–${statement.span.end}.`;
      expect([...defined.values()]).toContain(where);
    }
  });

  it('has well-formed XML in every part', () => {
    const { checked, output } = xmllintAll(bytes);
    expect(checked.length).toBeGreaterThan(10);
    expect(output).toBe('');
  });

  it('draws the comparable figures as a native chart with a text alternative', async () => {
    const chart = part(bytes, 'word/charts/chart1.xml');
    for (const subject of ['Nice attack', 'Istanbul airport attack', 'Baghdad truck bombing'])
      expect(chart).toContain(subject);
    expect(part(bytes, 'word/document.xml')).toMatch(
      /<wp:docPr id="\d+" name="Bar chart: killed \(people\)" descr="Nice attack: at least 84 people; Istanbul airport attack: 41 people; Baghdad truck bombing: 215 people"/,
    );
    expect(await mammothText(bytes)).toContain(
      'The chart in words: Nice attack: at least 84 people; Istanbul airport attack: 41 people; Baghdad truck bombing: 215 people.',
    );
  });

  it('sets quotations and figures in the article in their own character styles', () => {
    const document = part(bytes, 'word/document.xml');
    const runs = (style: string) =>
      [
        ...document.matchAll(
          new RegExp(`<w:rStyle w:val="${style}"/></w:rPr><w:t[^>]*>([^<]*)</w:t>`, 'g'),
        ),
      ].map((m) => m[1]);
    expect(runs('StorykitStatementText')).toContain('on the run');
    // Every figure's span is set in the figure style, in the article section.
    const figureRuns = runs('StorykitFigureText');
    for (const figure of story.figures) expect(figureRuns).toContain(spanText(story, figure.span));
  });

  it('converts to PDF in LibreOffice, whose text holds the headline and the figures table', () => {
    const { text, pages } = libreOfficeText(bytes);
    expect(pages).toBeGreaterThan(3);
    const flat = squash(text);
    expect(flat).toContain(squash(story.headline));
    for (const figure of story.figures) {
      expect(flat).toContain(formatFigureValue(figure, { unit: false }));
    }
    expect(flat).toContain('What it counts');
    expect(text).toMatch(/storykit report · kerry-on-the-run · page 1 of \d+/);
  });

  it('gives the same bytes twice in one process and in another process', async () => {
    const again = await toDocx(seed());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const other = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { loadStory } from '@storykit/core/node';
         import { toDocx } from '@storykit/docx';
         const bytes = await toDocx(loadStory(process.argv[1]));
         process.stdout.write(Buffer.from(bytes).toString('base64'));`,
        new URL('../../../fixtures/kerry-on-the-run', import.meta.url).pathname,
      ],
      {
        cwd: new URL('..', import.meta.url).pathname,
        encoding: 'utf8',
        env: { ...process.env, TZ: 'Pacific/Auckland' },
      },
    );
    expect(Buffer.from(other, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('zips with a fixed time, [Content_Types].xml first', () => {
    const names = Object.keys(parts(bytes));
    expect(names[0]).toBe('[Content_Types].xml');
    const file = join(temp(), 'report.docx');
    writeFileSync(file, bytes);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing).toContain('1980-01-01 12:00');
  });
});

describe('a draft', () => {
  it('says on the title page and in the core properties that it is unreviewed', async () => {
    const bytes = await toDocx({ ...seed(), draft: true });
    const view = pythonDocx(bytes);
    expect(view.core.content_status).toBe('Draft');
    // On the title page: before the page break that ends it, right under the headline and dek.
    const texts = view.paragraphs.map((p) => p.text);
    const at = texts.findIndex((t) =>
      t.startsWith('Unreviewed draft — not yet checked by an editor'),
    );
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(texts.findIndex((t) => t.startsWith('Story id:')));
    expect(squash(await mammothText(bytes))).toContain('Unreviewed draft — not yet checked');
    expect(xmllintAll(bytes).output).toBe('');
  });
});

describe('options', () => {
  it('carries the story date into the core properties', async () => {
    const bytes = await toDocx(seed(), { date: '2016-07-18' });
    expect(pythonDocx(bytes).core).toMatchObject({
      // python-docx gives W3CDTF times in UTC, without the zone.
      created: '2016-07-18 00:00:00',
      modified: '2016-07-18 00:00:00',
    });
  });

  it('includes only the sections asked for', async () => {
    const bytes = await toDocx(seed(), { sections: ['figures', 'summary'], chart: false });
    const { html } = await mammothHtml(bytes);
    const h1 = [...html.matchAll(/<h1>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h1>/g)].map((m) => m[1]);
    expect(h1).toEqual(['Summary', 'Figures']);
    expect(Object.keys(parts(bytes)).some((name) => name.startsWith('word/charts/'))).toBe(false);
  });
});
