/**
 * A story made to break the brief — many scripts, emoji, a 3,000-word quotation, an unbreakable
 * token, 200 figures — still gives a sound PDF whose text a reader can find and whose words stay
 * on the page.
 */
import { fileURLToPath } from 'node:url';
import { validateStory } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toPdf } from '@storykit/pdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileStory, NAMES } from '../test/hostile-story.js';
import {
  pdffonts,
  pdfinfo,
  pdftext,
  run,
  scratch,
  type Word,
  words,
  wordsOutsideMargins,
} from '../test/pdf-readers.js';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
const story = hostileStory(loadStory(SEED));
const files = scratch();
const missing: string[] = [];
const messages = new Set<string>();
let path: string;
let text: string;
let all: Word[];

beforeAll(async () => {
  // One rendering for the whole file: it loads the CJK fallback font once.
  path = files.write(
    await toPdf(story, {
      onMissingGlyph: (c, message) => {
        missing.push(c);
        messages.add(message);
      },
    }),
  );
  text = pdftext(path);
  all = words(path);
});
afterAll(() => files.remove());

describe('toPdf on a hostile story', () => {
  it('starts from a story the model accepts', () => {
    expect(validateStory(story)).toEqual([]);
    expect(story.statements.find((s) => s.id === 'wang-long')?.text.split(' ')).toHaveLength(3000);
    expect(story.figures.length).toBeGreaterThanOrEqual(200);
  });

  it('renders a sound, tagged PDF over as many pages as the figures need', () => {
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const info = pdfinfo(path);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(story.headline);
    expect(Number(info.Pages)).toBeGreaterThan(2);
  });

  it('embeds the fallback fonts the text needs, and only embedded fonts', () => {
    const fonts = pdffonts(path);
    for (const font of fonts)
      expect(font, font.name).toMatchObject({ embedded: true, unicode: true });
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toEqual(
      expect.arrayContaining(['NotoSansArabic-Bold', 'NotoSansJP-Regular', 'NotoEmoji-Regular']),
    );
  });

  it('reports the one character no font has, and marks its place with U+FFFD', () => {
    // 员 is a simplified-only form that Noto Sans JP does not draw; every other character has a font.
    expect(new Set(missing)).toEqual(new Set(['员']));
    // Noto Sans JP is installed here, so the message says what else would draw it.
    expect([...messages]).toEqual([
      'no font of the brief draws "员" (U+5458); it is drawn as U+FFFD: pass a font file that has it in options.fonts.fallbacks',
    ]);
    expect(text).toContain('研究\uFFFD');
  });

  it('lets pdftotext find the Chinese, Cyrillic and Arabic names and the emoji', () => {
    expect(text).toContain(NAMES.chinese);
    expect(text).toContain(NAMES.cyrillic);
    expect(text).toContain('🎉');
    for (const word of NAMES.arabic.split(' ')) expect(text, word).toContain(word);
    expect(text).toContain('إن الحرب لم تنته بعد');
  });

  it('sets Arabic words right to left inside English lines', () => {
    // pdftotext -bbox lists each word's glyphs left to right, so an Arabic word comes reversed.
    // Wherever "محمد بن سلمان" is on one line, its first word must be drawn rightmost.
    const visual = (word: string) => [...word].reverse().join('');
    const first = all.filter((w) => w.text === visual('محمد'));
    const last = all.filter((w) => w.text === visual('سلمان'));
    const pairs = first.flatMap((a) =>
      last
        .filter((b) => b.page === a.page && Math.abs(b.yMin - a.yMin) < 1)
        .map((b) => [a, b] as const),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const [a, b] of pairs) expect(a.xMin).toBeGreaterThan(b.xMax);
    // Brackets around an Arabic word inside an English quotation stay on the outside, in order.
    expect(all.some((w) => w.text === `(${visual('مرحبا')})`)).toBe(true);
  });

  it('shortens the 3,000-word quotation and wraps it inside its column', () => {
    expect(text).toContain('“the ceasefire will hold');
    expect(text).toContain('…”');
    expect(text.split('ceasefire').length - 1).toBeLessThan(10);
  });

  it('keeps every word on the page and inside the margins, however long', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(wordsOutsideMargins(all, 2)).toEqual([]);
  });

  it('continues the figures table over pages and lists every figure', () => {
    for (const i of [1, 99, 200]) expect(text).toContain(`site ${i} —`);
    expect(text).toContain('at least 198 people');
    const pages = Number(pdfinfo(path).Pages);
    expect(text.match(/What it counts/g)?.length ?? 0).toBeGreaterThan(2);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });
});
