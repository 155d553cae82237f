import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { readStory } from './assert-story.js';
import { StoryValidationError } from './errors.js';
import { parseStory } from './parse-story.js';
import type { Story } from './types.js';

/** The names a story folder's main file may have, in the order they are looked for. */
export const STORY_FILE_NAMES = ['story.yaml', 'story.yml', 'story.json'] as const;

/**
 * Loads a story from a folder (holding `story.yaml`), a curated `story.yaml`, or a resolved
 * `story.json` (what `storykit build` and `storykit extract --json` write). Resolves anchors,
 * checks every invariant and returns the frozen {@link Story}.
 *
 * @throws {StoryValidationError} listing every problem: a missing folder, YAML syntax, a field that
 * does not fit, an anchor not found or ambiguous, a broken reference, a quote that is not verbatim.
 * @example
 * import { loadStory } from '@storykit/core/node';
 * const story = loadStory('fixtures/kerry-on-the-run');
 */
export function loadStory(path: string): Story {
  const file = storyFilePath(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StoryValidationError([
      {
        file,
        path: '',
        message: `cannot read the story file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      },
    ]);
  }
  if (extname(file) === '.json') {
    return readStory(text, { file });
  }
  const folder = dirname(file);
  return parseStory(text, {
    file,
    readText: (name) => readFileSync(resolve(folder, name), 'utf8'),
  });
}

/** Finds the story file for a folder or file path, or throws a {@link StoryValidationError}. */
export function storyFilePath(path: string): string {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new StoryValidationError([
      {
        file: path,
        path: '',
        message:
          'no such story folder or file; expected a folder holding story.yaml, or a story.yaml or story.json file',
      },
    ]);
  }
  if (!isDirectory) return path;
  for (const name of STORY_FILE_NAMES) {
    const candidate = join(path, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one; try the next name
    }
  }
  throw new StoryValidationError([
    { file: path, path: '', message: `the folder holds no ${STORY_FILE_NAMES.join(' or ')}` },
  ]);
}
