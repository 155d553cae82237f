import type { z } from 'zod';
import type { StoryIssue } from './errors.js';

/** Writes a zod path the way a reader expects it: `statements[4].speaker`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turns a zod error into storykit issues, one per problem. */
export function issuesFromZod(error: z.ZodError, file?: string): StoryIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const message = describe(issue);
    return file === undefined ? { path, message } : { file, path, message };
  });
}

function describe(issue: z.core.$ZodIssue): string {
  // The parse runs with `reportInput`, so the issue carries the value that did not fit.
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected)}, got ${valueKind(input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${valueKind(input)}`;
    case 'invalid_union':
      return 'expected a value of one of the allowed shapes';
    case 'invalid_format':
    case 'custom':
      return issue.message.startsWith('Invalid')
        ? `${issue.message}, got ${valueKind(input)}`
        : `expected ${issue.message}, got ${valueKind(input)}`;
    default:
      return issue.message.startsWith('Invalid') || issue.message.startsWith('Too')
        ? issue.message
        : `expected ${issue.message}`;
  }
}

/** Names what a value is, for the "got …" part of a message: `a number`, `the text "x"`. */
function valueKind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    // Long texts are cut so that one issue stays one line.
    const shown = value.length > 60 ? `${value.slice(0, 59)}…` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  return article(typeof value);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
