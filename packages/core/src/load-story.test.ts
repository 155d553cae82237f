import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateStory } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { afterAll, describe, expect, it } from 'vitest';

const made: string[] = [];
/** A fresh temporary folder, removed when the file's tests are done. */
function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const SEED = new URL('../../../fixtures/kerry-on-the-run', import.meta.url).pathname;

describe('loadStory', () => {
  it('loads the seed story from its folder, and the same from its story.yaml', () => {
    const story = loadStory(SEED);
    expect(story.id).toBe('kerry-on-the-run');
    expect(loadStory(join(SEED, 'story.yaml'))).toEqual(story);
    expect(validateStory(story)).toEqual([]);
  });

  it('loads a resolved story.json back to the same story', () => {
    const story = loadStory(SEED);
    const dir = temp('storykit-');
    writeFileSync(join(dir, 'story.json'), JSON.stringify(story));
    expect(loadStory(dir)).toEqual(story);
  });

  it('loads a story.json that leaves out the lists that default to empty', () => {
    const dir = temp('storykit-');
    const body = [{ id: 'p1', kind: 'paragraph', text: 'Hello.' }];
    writeFileSync(
      join(dir, 'story.json'),
      JSON.stringify({ id: 'x', headline: 'H', language: 'en', body }),
    );
    expect(loadStory(dir).body).toEqual(body);
  });

  it('names a missing story folder', () => {
    expect(() => loadStory('/no/such/story')).toThrow(
      '/no/such/story: no such story folder or file; expected a folder holding story.yaml, or a story.yaml or story.json file',
    );
  });

  it('names a folder without a story file', () => {
    const dir = temp('storykit-');
    expect(() => loadStory(dir)).toThrow(
      `${dir}: the folder holds no story.yaml or story.yml or story.json`,
    );
  });

  it('reports JSON syntax errors with the file', () => {
    const dir = temp('storykit-');
    writeFileSync(join(dir, 'story.json'), '{"id": ');
    expect(() => loadStory(dir)).toThrow(
      new RegExp(`^${join(dir, 'story.json')}: JSON syntax error`),
    );
  });
});
