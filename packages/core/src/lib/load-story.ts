import { statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { readStory } from './assert-story.js';
import { sealStory } from './checked-stories.js';
import { isStoryValidationError, type StoryIssue, StoryValidationError } from './errors.js';
import { parseStory } from './parse-story.js';
import {
  checkInsideFolder,
  fileSystemMessage,
  readInsideFolder,
  readStoryText,
} from './read-story-file.js';
import { checkedMaxBytes, type DEFAULT_MAX_BYTES } from './resolve-story-file.js';
import type { Story } from './types.js';

/** The names a story folder's main file may have, in the order they are looked for. */
export const STORY_FILE_NAMES = ['story.yaml', 'story.yml', 'story.json'] as const;

/** Options for {@link loadStory}. */
export interface LoadStoryOptions {
  /**
   * The largest file loadStory accepts, in bytes: the story file, its `body.file` and each
   * `media[].path`; also the most the story may expand to through YAML aliases. Default:
   * {@link DEFAULT_MAX_BYTES}, 50 MiB (52,428,800 bytes).
   */
  readonly maxBytes?: number;
}

/**
 * Loads a story from a folder (holding `story.yaml`), a curated `story.yaml`, or a resolved
 * `story.json` (what `storykit build` and `storykit extract --json` write). Resolves anchors,
 * checks every invariant and returns the frozen {@link Story}.
 *
 * The files the story names (`body.file`, `media[].path`) must lie inside the story file's folder:
 * no absolute path, no `..`, no symbolic link leading out, regular files only (no FIFO, device or
 * folder), each at most `maxBytes`. The body file is read once; media files are checked, not read.
 *
 * @throws {StoryValidationError} listing every problem: a missing folder, a file that cannot be
 * read (with what to do), YAML syntax, a field that does not fit, an anchor not found or ambiguous,
 * a broken reference, a quote that is not verbatim, a file outside the folder or over the limit.
 * @throws {RangeError} when `maxBytes` is not a whole number above 0.
 * @example
 * import { loadStory } from '@storykit/core/node';
 * const story = loadStory('fixtures/kerry-on-the-run', { maxBytes: 10_000_000 });
 */
export function loadStory(path: string, options: LoadStoryOptions = {}): Story {
  const maxBytes = checkedMaxBytes(options.maxBytes);
  const file = storyFilePath(path);
  const text = readStoryText(file, maxBytes);
  const folder = dirname(file);
  let story: Story;
  if (extname(file) === '.json') {
    story = readStory(text, { file });
  } else {
    story = parseStory(text, {
      file,
      maxBytes,
      readText: (name) => readInsideFolder(folder, name, maxBytes, { file, path: 'body.file' }),
    });
  }
  // Media files are read by the generators that embed them (the PDF brief): check here that what
  // they will read is a regular file inside the folder, before any output is made.
  const issues: StoryIssue[] = [];
  // A story.json may leave out the lists that default to empty.
  (story.media ?? []).forEach((media, i) => {
    if (media.path === undefined) return;
    try {
      checkInsideFolder(folder, media.path, maxBytes, { file, path: `media[${i}].path` });
    } catch (error) {
      if (!isStoryValidationError(error)) throw error;
      issues.push(...error.issues);
    }
  });
  if (issues.length > 0) throw new StoryValidationError(issues);
  return sealStory(story);
}

/** Finds the story file for a folder or file path, or throws a {@link StoryValidationError}. */
export function storyFilePath(path: string): string {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StoryValidationError([
      {
        file: path,
        path: '',
        message:
          code === 'ENOENT' || code === 'ENOTDIR'
            ? 'no such story folder or file; expected a folder holding story.yaml, or a story.yaml or story.json file'
            : fileSystemMessage(error, 'the story folder or file'),
      },
    ]);
  }
  if (!isDirectory) return path;
  for (const name of STORY_FILE_NAMES) {
    const candidate = join(path, name);
    try {
      // Whatever kind of file it is, it is the one meant; reading it says if it cannot be read.
      statSync(candidate);
      return candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Not this name; try the next. Anything but absence (a folder that cannot be searched) is
      // the reason none will be found, so say it.
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        throw new StoryValidationError([
          { file: candidate, path: '', message: fileSystemMessage(error, 'the story file') },
        ]);
    }
  }
  throw new StoryValidationError([
    { file: path, path: '', message: `the folder holds no ${STORY_FILE_NAMES.join(' or ')}` },
  ]);
}
