import { LineCounter, parseDocument } from 'yaml';
import { sealStory } from './checked-stories.js';
import { type StoryIssue, StoryValidationError } from './errors.js';
import { resolveAnchor } from './resolve-anchor.js';
import { storyFileSchema } from './schema.js';
import { splitParagraphs } from './split-paragraphs.js';
import type { Anchor, Block, Span, Story } from './types.js';
import { checkInvariants } from './validate-story.js';
import { issuesFromZod } from './zod-issues.js';

/** Options for {@link parseStory} and {@link resolveStoryFile}. */
export interface ParseStoryOptions {
  /** The name of the story file, put on every issue (e.g. `fixtures/x/story.yaml`); default: none. */
  readonly file?: string;
  /**
   * Reads a file the story names (its `body.file`), relative to the story file. Required when the
   * body comes from a file; in a browser, serve the text from memory.
   */
  readonly readText?: (name: string) => string;
}

/**
 * Parses a curated story file (YAML or JSON text), resolves its text anchors to spans and checks
 * every invariant. Returns the frozen {@link Story}, or throws a {@link StoryValidationError}
 * listing every problem with its file, line and field path.
 *
 * @example
 * const story = parseStory(yamlText, { file: 'story.yaml', readText: () => articleText });
 */
export function parseStory(text: string, options: ParseStoryOptions = {}): Story {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new StoryValidationError(
      doc.errors.map((error) => {
        const line = lines.linePos(error.pos[0]).line;
        const message = `YAML syntax error: ${error.message.split('\n')[0]}`;
        return withFile(options.file, line, '', message);
      }),
    );
  }
  try {
    return resolveStoryFile(doc.toJS(), options);
  } catch (error) {
    if (!(error instanceof StoryValidationError)) throw error;
    // Put the YAML line on each issue whose path still names a node of the file.
    throw new StoryValidationError(
      error.issues.map((issue) => {
        const node = doc.getIn(pathToKeys(issue.path), true) as
          | { range?: [number, number] }
          | undefined;
        const offset = node && typeof node === 'object' && node.range ? node.range[0] : undefined;
        return offset === undefined ? issue : { ...issue, line: lines.linePos(offset).line };
      }),
    );
  }
}

/**
 * Resolves an already-parsed curated story (the object form of `story.yaml`) into a frozen
 * {@link Story}: reads the body, resolves anchors to spans, checks every invariant. Throws a
 * {@link StoryValidationError} with every problem found.
 */
export function resolveStoryFile(data: unknown, options: ParseStoryOptions = {}): Story {
  const { file } = options;
  const parsed = storyFileSchema.safeParse(data);
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
    let raw: string | undefined;
    if (!options.readText) add('body.file', `cannot read "${spec.file}": no file reader was given`);
    else {
      try {
        raw = options.readText(spec.file);
      } catch (error) {
        add(
          'body.file',
          `cannot read "${spec.file}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected a text file beside the story file`,
        );
      }
    }
    if (raw !== undefined) {
      const paragraphs = splitParagraphs(raw);
      const first = paragraphs.findIndex((p) => p.startsWith(spec.first));
      const last =
        first < 0 ? -1 : paragraphs.findIndex((p, i) => i >= first && p.endsWith(spec.last));
      if (first < 0)
        add('body.first', `no paragraph of ${spec.file} starts with ${JSON.stringify(spec.first)}`);
      else if (last < 0)
        add(
          'body.last',
          `no paragraph of ${spec.file} from the first on ends with ${JSON.stringify(spec.last)}`,
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

function withFile(
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

/** Turns `statements[4].speaker` back into `['statements', 4, 'speaker']`. */
function pathToKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (part[2] !== undefined) keys.push(Number(part[2]));
    else if (part[1] !== undefined) keys.push(part[1]);
  }
  return keys;
}
