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
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { input?: unknown }).input;
      const got =
        received === undefined
          ? 'nothing'
          : Array.isArray(received)
            ? 'a list'
            : received === null
              ? 'null'
              : typeof received === 'string'
                ? `the text ${JSON.stringify(received)}`
                : `a ${typeof received}`;
      return `expected ${article(issue.expected)}, got ${got}`;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'expected a value of one of the allowed shapes';
    default:
      return issue.message.startsWith('Invalid') || issue.message.startsWith('Too')
        ? issue.message
        : `expected ${issue.message}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
