/**
 * Reading the files a story names, confined to the story's folder. The text rule (relative, no
 * `..`) is {@link storyPathProblem}; here the file system adds the rest: a symbolic link may not
 * lead out of the folder, only regular files are read (a FIFO would block forever, `/dev/zero`
 * never ends, a folder has no text), and a file larger than the byte limit is refused before it is
 * read. Each file is opened once and read through that one descriptor, so what is checked is what
 * is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { StoryValidationError } from './errors.js';
import { quotedPath, storyPathProblem } from './story-path.js';

/** Where a refusal is reported: the story file and the field that names the file. */
export interface FileField {
  /** The story file, put on the issue. */
  readonly file: string;
  /** The field path, such as `body.file` or `media[0].path`; empty for the story file itself. */
  readonly path: string;
}

// O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
// O_NOFOLLOW: the last part of the real path cannot have become a symbolic link since it was
// resolved. Neither exists on Windows, where neither is needed.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads a text file that a story names, `name` relative to `folder`, as UTF-8. Throws a
 * {@link StoryValidationError} naming the story file and field when the path leaves the folder
 * (absolute, `..`, a symbolic link out), is not a regular file, is over `maxBytes`, or cannot be
 * read (with what to do about it).
 */
export function readInsideFolder(
  folder: string,
  name: string,
  maxBytes: number,
  where: FileField,
): string {
  return readChecked(
    insideFolder(folder, name, where),
    quotedPath(name),
    maxBytes,
    where,
    true,
  ) as string;
}

/**
 * Checks, without reading it, that a file a story names exists inside `folder`, is a regular file
 * and is at most `maxBytes` (the same rules as {@link readInsideFolder}).
 */
export function checkInsideFolder(
  folder: string,
  name: string,
  maxBytes: number,
  where: FileField,
): void {
  readChecked(insideFolder(folder, name, where), quotedPath(name), maxBytes, where, false);
}

/** Reads the story file itself: a regular file of at most `maxBytes`, wherever it is. */
export function readStoryText(file: string, maxBytes: number): string {
  const where = { file, path: '' };
  let real: string;
  try {
    // The story file may itself be a link (to a shared copy): open what it points at.
    real = realpathSync(file);
  } catch (error) {
    return refuse(where, fileSystemMessage(error, 'the story file'));
  }
  return readChecked(real, 'the story file', maxBytes, where, true) as string;
}

/** The real path of `name` in `folder`, after making sure it stays there. */
function insideFolder(folder: string, name: string, where: FileField): string {
  const problem = storyPathProblem(name);
  if (problem !== undefined) refuse(where, problem);
  let realFolder: string;
  let real: string;
  try {
    realFolder = realpathSync(folder);
    real = realpathSync(resolve(folder, name));
  } catch (error) {
    return refuse(where, fileSystemMessage(error, quotedPath(name)));
  }
  const inside = relative(realFolder, real);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    refuse(
      where,
      `${quotedPath(name)} leads through a symbolic link to ${quotedPath(real)}, outside the story folder; expected a file inside the folder (copy it in)`,
    );
  }
  return real;
}

/**
 * Opens `path`, checks what it is and how large, and reads it when `read` is set; `label` names
 * the file in messages (`"article.txt"`, `the story file`).
 */
function readChecked(
  path: string,
  label: string,
  maxBytes: number,
  where: FileField,
  read: boolean,
): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return refuse(where, fileSystemMessage(error, label));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const kind = stat.isDirectory()
        ? 'a folder'
        : stat.isFIFO()
          ? 'a named pipe (FIFO)'
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? 'a device'
            : stat.isSocket()
              ? 'a socket'
              : 'not a regular file';
      refuse(where, `${label} is ${kind}; expected a regular file`);
    }
    const tooLarge = (size: number) =>
      `${label} is ${size} bytes, over the limit of ${maxBytes} (maxBytes, --max-bytes); expected a smaller file or a higher limit`;
    if (stat.size > maxBytes) refuse(where, tooLarge(stat.size));
    if (!read) return undefined;
    // Read through the descriptor up to one byte past the limit: a file that grows while it is
    // read is still caught, and nothing past the limit is ever held.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total + 1, 1 << 16), 1 << 20));
      const count = readSync(fd, chunk, 0, Math.min(chunk.length, maxBytes + 1 - total), null);
      if (count === 0) break;
      chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
      total += count;
      if (total > maxBytes) refuse(where, tooLarge(total));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    if (error instanceof StoryValidationError) throw error;
    return refuse(where, fileSystemMessage(error, label));
  } finally {
    closeSync(fd);
  }
}

function refuse(where: FileField, message: string): never {
  throw new StoryValidationError([{ file: where.file, path: where.path, message }]);
}

/**
 * What went wrong with a file, in words, and what to do about it; `quoted` names the file
 * (`"article.txt"`, `the story file`).
 */
export function fileSystemMessage(error: unknown, quoted: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `${quoted} does not exist; check the name, or put the file in the story folder`;
    case 'ENOTDIR':
      return `${quoted} goes through something that is not a folder; check the path`;
    case 'EACCES':
    case 'EPERM':
      return `${quoted} cannot be read: permission denied; make it readable (chmod u+r) or run as its owner`;
    case 'EISDIR':
      return `${quoted} is a folder; expected a regular file`;
    case 'ELOOP':
      return `${quoted} is a symbolic link that leads to itself or through too many others; point it at a real file`;
    case 'ENAMETOOLONG':
      return `${quoted} is too long a path for this system; use a shorter one`;
    case 'EMFILE':
    case 'ENFILE':
      return `${quoted} cannot be opened: too many files are open; close some and try again`;
    case 'EIO':
      return `${quoted} cannot be read: the disk reports an input/output error; check the disk`;
    default:
      return `${quoted} cannot be read (${code ?? (error as Error).message}); check the file and its permissions`;
  }
}
