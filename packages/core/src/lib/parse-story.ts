import { LineCounter, parseDocument } from 'yaml';
import { StoryValidationError } from './errors.js';
import {
  checkedMaxBytes,
  type ParseStoryOptions,
  resolveStoryFile,
  withFile,
} from './resolve-story-file.js';
import type { Story } from './types.js';
import { utf8Length } from './utf8-length.js';
import { yamlToData } from './yaml-data.js';

/**
 * Parses a curated story file (YAML or JSON text), resolves its text anchors to spans and checks
 * every invariant. Returns the frozen {@link Story}, or throws a {@link StoryValidationError}
 * listing every problem with its file, line and field path.
 *
 * @example
 * const story = parseStory(yamlText, { file: 'story.yaml', readText: () => articleText });
 */
export function parseStory(text: string, options: ParseStoryOptions = {}): Story {
  const { file } = options;
  const maxBytes = checkedMaxBytes(options.maxBytes);
  const fail = (message: string, line?: number): never => {
    throw new StoryValidationError([withFile(file, line, '', message)]);
  };
  // Three bytes per UTF-16 unit is the most UTF-8 needs, so short texts skip the count.
  if (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)
    fail(`the story is ${utf8Length(text)} bytes, over the limit of ${maxBytes} (maxBytes)`);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new StoryValidationError(
      doc.errors.map((error) => {
        const line = lines.linePos(error.pos[0]).line;
        const message = `YAML syntax error: ${error.message.split('\n')[0]}`;
        return withFile(file, line, '', message);
      }),
    );
  }
  let data: ReturnType<typeof yamlToData>;
  try {
    data = yamlToData(doc);
  } catch (error) {
    // Only nesting deeper than the call stack gets here; the parser accepts a few thousand levels.
    if (!(error instanceof RangeError)) throw error;
    return fail('the YAML is nested too deeply to read; expected a story a few levels deep');
  }
  if (!data.ok)
    return fail(
      data.message,
      data.offset === undefined ? undefined : lines.linePos(data.offset).line,
    );
  if (data.bytes > maxBytes)
    fail(
      `YAML aliases expand the story to ${data.bytes} bytes, over the limit of ${maxBytes} (maxBytes); expected aliases that repeat short values`,
    );
  try {
    return resolveStoryFile(data.value, options);
  } catch (error) {
    if (!(error instanceof StoryValidationError)) throw error;
    // Put the YAML line on each issue whose path still names a node of the file.
    throw new StoryValidationError(
      error.issues.map((issue) => {
        if (issue.line !== undefined) return issue;
        const node = doc.getIn(pathToKeys(issue.path), true) as
          | { range?: [number, number] }
          | undefined;
        const offset = node && typeof node === 'object' && node.range ? node.range[0] : undefined;
        return offset === undefined ? issue : { ...issue, line: lines.linePos(offset).line };
      }),
    );
  }
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
