/**
 * From the object form of a curated story file to a checked, frozen story: the part of
 * `parseStory` that needs no YAML reader, so that a bundle which never reads YAML leaves the
 * `yaml` package out.
 */
import { sealStory } from './checked-stories.js';
import { isStoryValidationError, type StoryIssue, StoryValidationError } from './errors.js';
import { resolveAnchor } from './resolve-anchor.js';
import { storyFileSchema } from './schema.js';
import { splitParagraphs } from './split-paragraphs.js';
import { quotedPath, storyPathProblem } from './story-path.js';
import type { Anchor, Block, Span, Story } from './types.js';
import { utf8Length } from './utf8-length.js';
import { checkInvariants } from './validate-story.js';
import { issuesFromZod } from './zod-issues.js';

/** The default of {@link ParseStoryOptions.maxBytes}: 50 MiB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Options for {@link parseStory} and {@link resolveStoryFile}. */
export interface ParseStoryOptions {
  /** The name of the story file, put on every issue (e.g. `fixtures/x/story.yaml`); default: none. */
  readonly file?: string;
  /**
   * Reads a file the story names (its `body.file`), relative to the story file. Required when the
   * body comes from a file; in a browser, serve the text from memory. It is called only with a
   * relative path that stays inside the story folder (no absolute path, no `..`), once per story.
   * To refuse a file, throw a {@link StoryValidationError}: its issues are reported as they are.
   */
  readonly readText?: (name: string) => string;
  /**
   * The most a story may hold, in bytes (UTF-8): the story text, the body text `readText` gives,
   * and the story once its YAML aliases are written out (each alias counts the full size of what
   * it repeats). Default: {@link DEFAULT_MAX_BYTES}, 50 MiB (52,428,800 bytes).
   */
  readonly maxBytes?: number;
}

/**
 * Resolves an already-parsed curated story (the object form of `story.yaml`) into a frozen
 * {@link Story}: reads the body, resolves anchors to spans, checks every invariant. Throws a
 * {@link StoryValidationError} with every problem found.
 */
export function resolveStoryFile(data: unknown, options: ParseStoryOptions = {}): Story {
  const { file } = options;
  const parsed = storyFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new StoryValidationError(issuesFromZod(parsed.error, file));
  const input = parsed.data;
  const issues: StoryIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push(withFile(file, undefined, path, message));
  };

  let body: Block[] = [];
  if (Array.isArray(input.body)) {
    body = input.body.map((b, i) => ({
      ...b,
      id: b.id ?? `p${i + 1}`,
      kind: b.kind ?? 'paragraph',
    }));
  } else {
    const spec = input.body;
    const problem = storyPathProblem(spec.file);
    let raw: string | undefined;
    if (problem !== undefined) add('body.file', problem);
    else if (!options.readText)
      add('body.file', `cannot read ${quotedPath(spec.file)}: no file reader was given`);
    else {
      try {
        raw = options.readText(spec.file);
      } catch (error) {
        if (isStoryValidationError(error)) issues.push(...error.issues);
        else
          add(
            'body.file',
            `cannot read ${quotedPath(spec.file)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected a text file beside the story file`,
          );
      }
    }
    const maxBytes = checkedMaxBytes(options.maxBytes);
    if (raw !== undefined && raw.length * 3 > maxBytes && utf8Length(raw) > maxBytes) {
      add(
        'body.file',
        `${quotedPath(spec.file)} is ${utf8Length(raw)} bytes, over the limit of ${maxBytes} (maxBytes)`,
      );
      raw = undefined;
    }
    if (raw !== undefined) {
      const paragraphs = splitParagraphs(raw);
      const first = paragraphs.findIndex((p) => p.startsWith(spec.first));
      const last =
        first < 0 ? -1 : paragraphs.findIndex((p, i) => i >= first && p.endsWith(spec.last));
      if (first < 0)
        add(
          'body.first',
          `no paragraph of ${quotedPath(spec.file)} starts with ${JSON.stringify(spec.first)}`,
        );
      else if (last < 0)
        add(
          'body.last',
          `no paragraph of ${quotedPath(spec.file)} from the first on ends with ${JSON.stringify(spec.last)}`,
        );
      else
        body = paragraphs
          .slice(first, last + 1)
          .map((text, i) => ({ id: `p${i + 1}`, kind: 'paragraph', text }));
    }
  }
  if (issues.length > 0) throw new StoryValidationError(issues);

  const unresolved = new Set<Span>();
  const locate = (path: string, anchor: Anchor): Span => {
    const result = resolveAnchor(body, anchor);
    if (result.ok) return result.span;
    add(path, result.message);
    // A placeholder keeps the story's shape; the invariant checks skip it (already reported).
    const placeholder = { block: body[0]?.id ?? 'p1', start: 0, end: 0 };
    unresolved.add(placeholder);
    return placeholder;
  };
  const statements = input.statements.map(({ anchor, ...s }, i) => ({
    ...s,
    span: locate(
      anchor === undefined ? `statements[${i}].text` : `statements[${i}].anchor`,
      anchor ?? s.text,
    ),
  }));
  const figures = input.figures.map(({ anchor, ...f }, i) => ({
    ...f,
    span: locate(`figures[${i}].anchor`, anchor),
  }));
  const { $schema: _schema, ...rest } = input;
  const story = { ...rest, body, statements, figures } as Story;
  issues.push(...checkInvariants(story, file, unresolved));
  if (issues.length > 0) throw new StoryValidationError(issues);
  return sealStory(story);
}

/** A byte limit, checked (a whole number above zero, or Infinity), with the default applied. */
export function checkedMaxBytes(maxBytes: number = DEFAULT_MAX_BYTES): number {
  if (!(maxBytes > 0) || !(Number.isInteger(maxBytes) || maxBytes === Number.POSITIVE_INFINITY))
    throw new RangeError(`maxBytes is ${maxBytes}; expected a whole number of bytes above 0`);
  return maxBytes;
}

export function withFile(
  file: string | undefined,
  line: number | undefined,
  path: string,
  message: string,
): StoryIssue {
  return {
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
    path,
    message,
  };
}
