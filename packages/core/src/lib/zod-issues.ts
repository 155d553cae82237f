import type { z } from 'zod/mini';
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
export function issuesFromZod(error: z.core.$ZodError, file?: string): StoryIssue[] {
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
    case 'too_small':
    case 'too_big':
      // A limit given in its own words (`at least one body block`) reads as they say.
      return issue.message === INVALID
        ? `expected ${bound(issue)}, got ${valueKind(input, true)}`
        : `expected ${issue.message}`;
    default:
      return issue.message === INVALID
        ? `invalid value, got ${valueKind(input)}`
        : `expected ${issue.message}`;
  }
}

/** zod's message for an issue no check gave words to (no locale is loaded; see schema.ts). */
const INVALID = 'Invalid input';

/** A size or number limit in words: `a number of at least 0`, `at most 6 items`. */
function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const [inclusive, exclusive] = small ? ['at least', 'more than'] : ['at most', 'less than'];
  const word = issue.exact ? 'exactly' : issue.inclusive ? inclusive : exclusive;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
    return `a number ${word} ${limit}`;
  const unit = issue.origin === 'string' ? 'character' : 'item';
  return `${word} ${limit} ${unit}${limit === 1 ? '' : 's'}`;
}

/** Names what a value is, for the "got …" part of a message: `a number`, `the text "x"`. */
function valueKind(value: unknown, size = false): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  // For a limit, the value itself or its size says what is wrong with it.
  if (size && typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return size ? `a list of ${value.length} item${value.length === 1 ? '' : 's'}` : 'a list';
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
