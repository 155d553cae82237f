import { toDocx } from '@storykit/docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanUp,
  libreOfficeText,
  mammothText,
  part,
  pythonDocx,
  xmllintAll,
} from '../test/readers.js';
import { hostileStory, NAMES } from '../test/stories.js';

afterAll(cleanUp);

describe('a hostile story', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await toDocx(hostileStory());
  });

  it('gives well-formed XML: characters XML 1.0 forbids are removed, markup is escaped', () => {
    expect(xmllintAll(bytes).output).toBe('');
    const document = part(bytes, 'word/document.xml');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for exactly these
    expect(document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(document).toContain('end ]]&gt; and &amp; and &lt;w:t&gt;');
    expect(part(bytes, 'docProps/core.xml')).toContain('<dc:title>Hostile end ]]&gt; and &amp;');
  });

  it('opens in mammoth with every name, the whole long quote and all 200 figures', async () => {
    const text = await mammothText(bytes);
    for (const name of Object.values(NAMES)) expect(text).toContain(name);
    expect(text).toContain('word0 word1');
    expect(text).toContain('word2998 word2999');
    expect(text).toContain('bell null escape vt ff fffe lone');
    for (const n of [1, 100, 200]) expect(text).toContain(`basket ${n}`);
  });

  it('opens in python-docx, with the title as given less the forbidden characters', () => {
    const view = pythonDocx(bytes);
    expect(view.core.title).toContain(`${NAMES.chinese} ${NAMES.arabic} bell null`);
    expect(view.tables[0]).toHaveLength(201);
  });

  it('leaves a group of 200 comparable figures to the table, not a chart', () => {
    expect(() => part(bytes, 'word/charts/chart1.xml')).toThrow('no part');
  });

  it('converts to PDF in LibreOffice, with the non-Latin names in its text', () => {
    const { text, pages } = libreOfficeText(bytes);
    expect(pages).toBeGreaterThan(10);
    for (const name of [NAMES.chinese, NAMES.cyrillic]) expect(text).toContain(name);
    expect(text).toContain('basket 200');
  });
});
