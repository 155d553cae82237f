import { formatIssue, isStoryValidationError } from '@storykit/core';
import { feedMessage, isFeedError } from './build-checks.js';
import { EXIT, FileError, fileError, InputError, isSystemError, UsageError } from './cli-errors.js';

export { EXIT } from './cli-errors.js';

/** What the command prints for an error, and the exit code it ends with. */
export interface ErrorReport {
  /** 1 for input that cannot be used, 2 for a usage error. */
  readonly code: number;
  /** One line each, not yet made printable. */
  readonly lines: readonly string[];
  /** The stack of a fault in storykit itself, when `STORYKIT_DEBUG` is set. */
  readonly stack?: string;
}

/**
 * The lines an error is reported with: a user's mistake in one line (or one line per problem of a
 * story), never a stack; a fault in storykit itself as an internal error.
 */
export async function describeError(error: unknown): Promise<ErrorReport> {
  if (error instanceof UsageError)
    return { code: EXIT.usage, lines: [`storykit: ${error.message}`] };
  if (await isFeedError(error)) {
    // A feed that cannot be made from this input (a story with no date for Atom, a link that is
    // not absolute): the user's to fix, so one line and exit 1.
    return { code: EXIT.invalid, lines: [`storykit: ${feedMessage((error as Error).message)}`] };
  }
  if (error instanceof FileError)
    return { code: EXIT.invalid, lines: [`storykit: ${error.message}`] };
  if (error instanceof InputError) return { code: EXIT.invalid, lines: [error.message] };
  if (isStoryValidationError(error))
    return { code: EXIT.invalid, lines: error.issues.map(formatIssue) };
  if (isSystemError(error)) {
    // A file the machine would not let us read or write: the user's to fix, not a fault in storykit.
    const message = fileError(error, error.path ?? '(a file)', error.syscall ?? 'use').message;
    return { code: EXIT.invalid, lines: [`storykit: ${message}`] };
  }
  // Anything else is a fault in storykit, not in the input: say so, and keep the stack on demand.
  const message = error instanceof Error ? error.message : String(error);
  const debug = Boolean(process.env.STORYKIT_DEBUG);
  return {
    code: EXIT.invalid,
    lines: [
      `storykit: internal error: ${message}${debug ? '' : ' (set STORYKIT_DEBUG=1 for details)'}`,
    ],
    ...(debug ? { stack: String((error as Error).stack) } : {}),
  };
}
