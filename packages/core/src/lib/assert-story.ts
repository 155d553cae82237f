/**
 * The one check every generator runs on its input. A story that came out of `parseStory`,
 * `loadStory`, `readStory` or `assertStory` (or passed `validateStory` while deeply frozen) is
 * remembered here and not checked again; anything else is validated against the schema and every
 * invariant before a generator reads a field of it.
 */

import { isCheckedStory, sealStory } from './checked-stories.js';
import { type StoryIssue, StoryValidationError } from './errors.js';
import { storySchema } from './schema.js';
import type { Story } from './types.js';
import { checkInvariants } from './validate-story.js';
import { issuesFromZod } from './zod-issues.js';

/** Options for {@link readStory} and {@link assertStory}. */
export interface ReadStoryOptions {
  /** The file name to put on every issue (e.g. `out/kerry/story.json`); default: none. */
  readonly file?: string;
  /**
   * A path put before every issue's field path, for a story inside a larger input: with
   * `'stories[2]'` an issue reads `stories[2].headline`. Default: none.
   */
  readonly at?: string;
}

/**
 * Makes sure a value is a valid {@link Story} and returns it, frozen: the story itself when it was
 * checked before (it came from `parseStory`, `loadStory` or `readStory`), else a checked, frozen
 * copy with the schema's defaults filled in. Every generator calls this on its input, so a story
 * built by hand, or read from JSON without `readStory`, cannot reach one unchecked.
 *
 * @param value - Anything: a story object, or what `JSON.parse` made of `story.json`.
 * @throws {StoryValidationError} listing every problem with its field path
 * (`statements[4].speaker`), never a `TypeError`.
 * @example
 * ```ts
 * import { assertStory, StoryValidationError } from '@storykit/core';
 *
 * try {
 *   assertStory({ id: 'x', headline: 'X', language: 'en', body: 'not a list' });
 * } catch (error) {
 *   if (error instanceof StoryValidationError) console.log(error.issues[0]?.path); // body
 * }
 * ```
 */
export function assertStory(value: unknown, options: ReadStoryOptions = {}): Story {
  if (isCheckedStory(value)) return value;
  const parsed = storySchema.safeParse(value);
  if (!parsed.success) fail(issuesFromZod(parsed.error, options.file), options);
  const story = parsed.data as Story;
  const issues = checkInvariants(story, options.file);
  if (issues.length > 0) fail(issues, options);
  return sealStory(story);
}

/**
 * Reads a resolved story — the JSON that `storykit build` writes as `story.json`, as text or as
 * the value `JSON.parse` gave — and returns it as a frozen, validated {@link Story}, with the
 * schema's defaults filled in. Browser-safe: it reads no file. For the curated `story.yaml`, with
 * anchors instead of spans, use `parseStory`.
 *
 * @throws {StoryValidationError} for JSON syntax (path empty), a field that does not fit the
 * schema, or a broken invariant, each issue naming its field path.
 * @example
 * ```ts
 * import { readStory } from '@storykit/core';
 *
 * const story = readStory(await (await fetch('/kerry/story.json')).text());
 * story.statements.length;
 * ```
 */
export function readStory(json: string | unknown, options: ReadStoryOptions = {}): Story {
  if (typeof json !== 'string') return assertStory(json, options);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    fail([{ path: '', message: `JSON syntax error: ${(error as Error).message}` }], options);
  }
  return assertStory(data, options);
}

function fail(issues: readonly StoryIssue[], options: ReadStoryOptions): never {
  const { file, at } = options;
  throw new StoryValidationError(
    issues.map((issue) => ({
      ...issue,
      ...(file === undefined || issue.file !== undefined ? {} : { file }),
      ...(at === undefined
        ? {}
        : {
            path:
              issue.path === ''
                ? at
                : issue.path.startsWith('[')
                  ? `${at}${issue.path}`
                  : `${at}.${issue.path}`,
          }),
    })),
  );
}
