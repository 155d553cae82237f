import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type Story, type StoryIssue, StoryValidationError } from '@storykit/core';
import { storyFilePath } from '@storykit/core/node';
import { parseDocument } from 'yaml';
import { InputError, UsageError } from './cli-errors.js';

/** A date of the calendar: February 30th passes a pattern but names no day. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO 8601 to a day at least, as the feeds take it (RFC 3339 for a date-time). */
const FLAG_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;

/** Whether the feeds take `date` as a date: ISO 8601 to a day at least, and in the calendar. */
export function isFeedDate(date: string): boolean {
  const m = FLAG_DATE.exec(date);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The value of `--updated`, checked here so a mistake is a usage error naming the flag. */
export function checkedDate(date: string): string {
  if (!isFeedDate(date)) {
    throw new UsageError(
      `--updated: "${date}" is not a date; expected ISO 8601 such as 2016-07-18`,
    );
  }
  return date;
}

/** The value of `--base-url`: an absolute `http:` or `https:` URL, as the feeds' links need. */
export function checkedBaseUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new UsageError(
      `--base-url: "${url}" is not an absolute http: or https: URL; expected such as https://news.example/stories/`,
    );
  }
  return url;
}

/**
 * The feed library's message in the command's words: its options are set by flags, so name the
 * flag (`--base-url`), never the library's option (`options.baseUrl`).
 */
export function feedMessage(message: string): string {
  return message
    .replace(/set options\.updated\b/g, 'set published in the story, or build with --updated')
    .replace(
      /set options\.author\b/g,
      'set authors or publisher in the story, or build with --author or --publisher',
    )
    .replace(/options\.baseUrl(?: or options\.itemUrl)?/g, '--base-url')
    .replace(/options\.updated\b/g, '--updated')
    .replace(/options\.title\b/g, '--title')
    .replace(/options\.([A-Za-z.]+)/g, 'the feed’s $1');
}

/** The field of the story a feed's message is about, from the way the feed library names it. */
function feedField(story: Story, message: string): string {
  const date = /^story "[^"]*" (published|modified) /.exec(message);
  if (date) return date[1] as string;
  if (/^the link of story /.test(message)) return 'url';
  const media = /^the url of media "([^"]*)"/.exec(message);
  if (media) {
    const index = story.media.findIndex((m) => m.id === media[1]);
    if (index >= 0) return `media[${index}].url`;
  }
  if (/has no date to a day/.test(message)) return 'published';
  if (/has no author and no publisher/.test(message)) return 'authors';
  return '';
}

/**
 * Whether `error` is a feed's refusal (`@storykit/feed`'s `FeedError`). The feed module is looked
 * up only here, once something failed, so that a command that makes no feed never loads it.
 */
export async function isFeedError(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  const { FeedError } = await import('@storykit/feed');
  return error instanceof FeedError;
}

/**
 * Runs `make` for one story (or, with none, for a folder of them) and turns a feed's refusal into
 * an issue of `file`, with the field it is about and the flags to use, so `validate` and `build`
 * print the same line.
 */
export async function asStoryIssue<T>(
  story: Story | undefined,
  file: string,
  make: () => Promise<T> | T,
): Promise<T> {
  try {
    return await make();
  } catch (error) {
    if (!(await isFeedError(error)) || !(error instanceof Error)) throw error;
    const issue: StoryIssue = {
      file,
      path: story ? feedField(story, error.message) : '',
      message: feedMessage(error.message),
    };
    throw new StoryValidationError([issue]);
  }
}

/** Where a path is, without following its last part: a link there is replaced, not written through. */
function location(path: string): string {
  const absolute = resolve(path);
  let folder = dirname(absolute);
  const rest = [basename(absolute)];
  for (;;) {
    try {
      return join(realpathSync(folder), ...rest);
    } catch {
      const up = dirname(folder);
      if (up === folder) return absolute;
      rest.unshift(basename(folder));
      folder = up;
    }
  }
}

/** One file a story is made from, and what it is to the story. */
export interface StoryInput {
  /** The file, as the user named it or as the story names it relative to its folder. */
  readonly path: string;
  /** What the file is: `story file`, `body file`, `media file`, or `folder` for one beside them. */
  readonly role: string;
  /**
   * For a file beside a `story.yaml` (role `folder`): that story file, read again to tell whether
   * this is its `body.file` only when an output would replace it.
   */
  readonly storyFile?: string;
}

/**
 * The files a story is made from: its story file, the article its `body.file` names, its media's
 * local files, and every other file beside the story file — the article it was curated from
 * (`article.html`) is the story's even when the body is written inline.
 *
 * The body file lies inside the story's folder (`loadStory` holds it there): when the folder has
 * no subfolder, it is one of the files beside the story file, and the YAML is read again for
 * `body.file` only if an output would replace one of them ({@link checkOwnInputs}); else it is read
 * again here. Either way after `loadStory` accepted it (so within its limits), without expanding
 * aliases.
 */
export function storyInputs(path: string, story: Story): StoryInput[] {
  const file = storyFilePath(path);
  const folder = dirname(file);
  const yaml = /\.ya?ml$/i.test(file);
  const inputs: StoryInput[] = [];
  let subfolders = false;
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) subfolders = true;
      else
        inputs.push({
          path: join(folder, entry.name),
          role: 'folder',
          ...(yaml ? { storyFile: file } : {}),
        });
    }
  } catch {
    // a folder that cannot be listed holds nothing more to protect than the files named below
    subfolders = true;
  }
  inputs.push({ path: file, role: 'story file' });
  const body = yaml && subfolders ? bodyFileOf(file) : undefined;
  if (body !== undefined) inputs.push({ path: body, role: 'body file' });
  for (const media of story.media) {
    if (media.path) inputs.push({ path: join(folder, media.path), role: 'media file' });
  }
  return inputs;
}

/** The path of the `body.file` a `story.yaml` names, if it names one and can still be read. */
function bodyFileOf(storyFile: string): string | undefined {
  try {
    const body = parseDocument(readFileSync(storyFile, 'utf8')).getIn(['body', 'file']);
    return typeof body === 'string' ? join(dirname(storyFile), body) : undefined;
  } catch {
    // loadStory read it a moment ago; a file that changed since is not this check's concern
    return undefined;
  }
}

/**
 * Refuses a build whose outputs would replace one of its own inputs (`build D --out D` when `D`
 * holds the story's `article.html`, or a `story.json` story built into its own folder).
 *
 * @throws {UsageError} naming the output and the input it would replace.
 */
export function checkOwnInputs(
  out: string,
  files: readonly { readonly name: string }[],
  inputs: readonly StoryInput[],
): void {
  // Later entries win: a file the story names shows its role, not only that it is in the folder.
  const byLocation = new Map(inputs.map((input) => [location(input.path), input]));
  for (const file of files) {
    const target = join(out, file.name);
    const input = byLocation.get(location(target));
    if (input) {
      const body = input.storyFile === undefined ? undefined : bodyFileOf(input.storyFile);
      const role =
        body !== undefined && location(body) === location(input.path) ? 'body file' : input.role;
      throw new UsageError(
        `--out: writing ${target} would replace ${input.path}, ${role === 'folder' ? "a file of the story's folder" : `the story's ${role}`}; choose an --out folder outside the story's folder`,
      );
    }
  }
}

/**
 * Refuses a folder of stories in which two share an id: each story is built into
 * `<out>/<story id>/`, so the second would silently replace the first.
 *
 * @throws {InputError} naming both story folders.
 */
export function checkUniqueIds(
  folders: readonly string[],
  stories: readonly { readonly id: string }[],
): void {
  const seen = new Map<string, string>();
  stories.forEach((story, i) => {
    const folder = folders[i] as string;
    const first = seen.get(story.id);
    if (first !== undefined) {
      throw new InputError(
        `${folder}: the id "${story.id}" is also the id of the story in ${first}; each story is built into <out>/<id>/, so give every story of the folder its own id`,
      );
    }
    seen.set(story.id, folder);
  });
}
