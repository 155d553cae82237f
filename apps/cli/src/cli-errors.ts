/** Exit codes of the `storykit` command (DESIGN §5). */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A user mistake on the command line: one line on stderr and exit code 2. */
export class UsageError extends Error {}

/** Input that cannot be used: one line on stderr and exit code 1. */
export class InputError extends Error {}

/**
 * A file or folder that cannot be read or written: one line on stderr naming it, what went wrong
 * and what to do, and exit code 1. A fault of the machine or the user's files, not of storykit.
 */
export class FileError extends InputError {}

/** What the system's error code means for a user, and what they can do about it. */
const REASONS: Readonly<
  Record<string, readonly [reason: string, write: string, read: string, readReason?: string]>
> = {
  ENOSPC: [
    'the disk is full',
    'free some space, or choose another --out folder',
    'free some space',
  ],
  EDQUOT: ['the disk quota is used up', 'free some space, or choose another --out folder', ''],
  EFBIG: [
    'the file is larger than this process may write (see `ulimit -f`)',
    'raise the limit, or choose another --out folder',
    '',
  ],
  EACCES: [
    'permission denied',
    'make it writable, or choose another --out folder',
    'make it readable',
  ],
  EPERM: [
    'the operation is not permitted',
    'check its owner and permissions, or choose another --out folder',
    'check its owner and permissions',
  ],
  EROFS: ['the file system is read-only', 'choose another --out folder', ''],
  EISDIR: [
    'a folder is in the way',
    'remove or rename the folder, or choose another --out folder',
    'give a file, not a folder',
    'it is a folder',
  ],
  ENOTDIR: [
    'a part of the path is a file, not a folder',
    'choose another --out folder',
    'check the path',
  ],
  ENOENT: ['no such file or folder', 'check the path', 'check the path'],
  EEXIST: [
    'something is already there (a broken symbolic link?)',
    'remove it, or choose another --out folder',
    'check the path',
  ],
  ELOOP: ['too many symbolic links', 'check the links on the path', 'check the links on the path'],
  EMFILE: ['too many files are open', 'close some programs and try again', 'try again'],
  ENFILE: ['too many files are open', 'close some programs and try again', 'try again'],
  EIO: ['the disk reported an input/output error', 'check the disk', 'check the disk'],
  EBUSY: ['the file is busy', 'close what holds it and try again', 'try again'],
};

/** Whether a value is an error of a Node.js system call (`fs`), which carries its `code`. */
export function isSystemError(value: unknown): value is NodeJS.ErrnoException {
  return (
    value instanceof Error &&
    typeof (value as NodeJS.ErrnoException).code === 'string' &&
    typeof (value as NodeJS.ErrnoException).syscall === 'string'
  );
}

/**
 * A {@link FileError} for a failed system call on `path`: `cannot <doing> <path>: <reason>
 * (<CODE>); <what to do>`. `doing` says what storykit tried (`write`, `read the article`).
 */
export function fileError(
  error: unknown,
  path: string,
  doing: string,
  mode: 'read' | 'write' = 'write',
): FileError {
  if (error instanceof FileError) return error;
  const code = isSystemError(error) ? (error.code as string) : undefined;
  const known = code === undefined ? undefined : REASONS[code];
  const reason =
    (mode === 'read' ? known?.[3] : undefined) ??
    known?.[0] ??
    (error instanceof Error ? error.message : String(error));
  const advice = known?.[mode === 'write' ? 1 : 2];
  const what = `cannot ${doing} ${path}: ${reason}${known && code ? ` (${code})` : ''}`;
  return new FileError(advice ? `${what}; ${advice}` : what, { cause: error });
}
