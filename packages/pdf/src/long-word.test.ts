/**
 * A dek that is one 250,000-character word (what a story can hold once YAML aliases are
 * expanded) still gives a sound PDF: the word broken over as many pages as it needs, inside the
 * margins, every character of it read back by pdftotext. How long it takes is measured in
 * `pnpm bench` (bench/long-text.bench.ts), not here.
 */
import { fileURLToPath } from 'node:url';
import type { Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toPdf } from '@storykit/pdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfinfo, pdftext, run, scratch, words, wordsOutsideMargins } from '../test/pdf-readers.js';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
// Cyrillic letters, which the seed story never uses, so every one pdftotext finds is the word's.
const WORD = 'Жи'.repeat(125_000);
const files = scratch();
let path: string;

beforeAll(async () => {
  const story: Story = { ...loadStory(SEED), dek: WORD };
  path = files.write(await toPdf(story));
});
afterAll(() => files.remove());

describe('toPdf with a 250,000-character word', () => {
  it('renders a sound PDF over many pages', () => {
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    expect(Number(pdfinfo(path).Pages)).toBeGreaterThan(20);
  });

  it('sets every character of the word, in order, inside the margins', () => {
    const found = pdftext(path).match(/[Жи]+/g) ?? [];
    expect(found.join('').length).toBe(WORD.length);
    expect(found.join('')).toBe(WORD);
    expect(wordsOutsideMargins(words(path))).toEqual([]);
  });
});
