/** One problem with a story: the file, the field path, and what was expected. */
export interface StoryIssue {
  /** The file the problem is in, when the story came from a file. */
  readonly file?: string;
  /** The line in that file (from 1), when it is known. */
  readonly line?: number;
  /** The field path, as in `statements[4].speaker`; empty for the file as a whole. */
  readonly path: string;
  /** What is wrong and what was expected, in one sentence. */
  readonly message: string;
}

/** Formats an issue as one readable line: `file:line: path: message`. */
export function formatIssue(issue: StoryIssue): string {
  const where =
    issue.file === undefined
      ? undefined
      : issue.line === undefined
        ? issue.file
        : `${issue.file}:${issue.line}`;
  return [where, issue.path, issue.message]
    .filter((part) => part !== undefined && part !== '')
    .join(': ');
}

/**
 * Thrown when a story cannot be read or breaks an invariant. It carries every problem found, not
 * just the first, in {@link StoryValidationError.issues}.
 */
export class StoryValidationError extends Error {
  override readonly name = 'StoryValidationError';
  /** Every problem found, in file order. */
  readonly issues: readonly StoryIssue[];

  constructor(issues: readonly StoryIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `${formatIssue(first)}${more}` : 'invalid story');
    this.issues = issues;
  }
}

/** Whether a value is a {@link StoryValidationError}, also across package copies. */
export function isStoryValidationError(value: unknown): value is StoryValidationError {
  return (
    value instanceof StoryValidationError ||
    (value instanceof Error &&
      value.name === 'StoryValidationError' &&
      Array.isArray((value as StoryValidationError).issues))
  );
}
