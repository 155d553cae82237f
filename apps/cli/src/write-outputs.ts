import {
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { FileError, fileError, UsageError } from './cli-errors.js';
import type { OutputFile } from './outputs.js';

/**
 * A temporary file of `writeFileAtomic` (`@storykit/core/node`): `.<name>.<pid>.<hex>.tmp`, left
 * behind when the process writing it was killed.
 */
const ATOMIC_TEMP = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;

/** The temporary folder a build writes into: `.storykit-tmp-<pid>-<n>`. */
const BUILD_TEMP = /^\.storykit-tmp-(\d+)-(\d+)$/;

/** Whether a process with this id is running (signal 0 checks without sending anything). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user. ESRCH: no such process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(error, path, 'look at', 'read');
  }
}

/**
 * Removes the temporary files and folders that earlier builds left in `folder` when they were
 * killed: `writeFileAtomic`'s `.<name>.<pid>.<hex>.tmp` files and a build's `.storykit-tmp-<pid>-<n>`
 * folders, each only when the process that made it is gone. Returns the paths removed.
 */
export function removeStaleTemps(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fileError(error, folder, 'list the folder', 'read');
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const atomic = ATOMIC_TEMP.exec(name);
    const build = atomic ? undefined : BUILD_TEMP.exec(name);
    const pid = Number((atomic ?? build)?.[1]);
    if (!(atomic || build) || isAlive(pid)) continue;
    const path = join(folder, name);
    const stat = lstatOrUndefined(path);
    if (!stat) continue;
    // A name that only looks like ours (a folder called `.x.1.ab.tmp`) is the user's: leave it.
    if (atomic ? stat.isDirectory() : !stat.isDirectory() && !stat.isSymbolicLink()) continue;
    try {
      // rm does not follow symbolic links: a link is removed, never what it points to.
      rmSync(path, { recursive: true, force: true });
    } catch (error) {
      throw fileError(error, path, 'remove the leftover temporary file');
    }
    removed.push(path);
  }
  return removed;
}

/** Whether `path` is `folder` or lies inside it (both real paths). */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Checks the places the files go before anything is written: `out` is a folder (or missing),
 * no folder stands where a file goes, and no story folder inside `out` is a symbolic link that
 * leads out of it (writing through it would change files outside `--out`).
 */
function checkTargets(out: string, files: readonly { readonly name: string }[]): void {
  const realOut = realpathSync(out);
  const folders = [...new Set(files.map((f) => dirname(f.name)).filter((d) => d !== '.'))];
  for (const folder of folders) {
    const path = join(out, folder);
    const stat = lstatOrUndefined(path);
    if (!stat) continue;
    let isFolder = stat.isDirectory();
    if (stat.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch (error) {
        throw fileError(error, path, 'follow the symbolic link', 'read');
      }
      if (!inside(realOut, target)) {
        throw new FileError(
          `cannot write into ${path}: it is a symbolic link to ${target}, outside the --out folder; storykit does not write through it: remove the link, or build into ${target} itself`,
        );
      }
      isFolder = lstatSync(target).isDirectory();
    }
    if (!isFolder) {
      throw new FileError(
        `cannot write into ${path}: a file is in the way of the story's folder; remove or rename it, or choose another --out folder`,
      );
    }
  }
  for (const file of files) {
    const path = join(out, file.name);
    const stat = lstatOrUndefined(path);
    // A symbolic link where an output goes is replaced (rename does not follow it), never written through.
    if (stat?.isDirectory()) {
      throw new FileError(
        `cannot write ${path}: a folder is in the way; remove or rename the folder, or choose another --out folder`,
      );
    }
  }
}

/**
 * Checks, before anything is written, that `files` can go into `out` (made when missing): no
 * folder stands where a file goes, no story folder is a link out of `out`.
 */
export function checkTargetsOf(out: string, files: readonly { readonly name: string }[]): void {
  outFolder(out);
  checkTargets(out, files);
}

/** Makes this build's own temporary folder inside `out`; `mkdir` fails rather than reuse one. */
function makeTempFolder(out: string): string {
  for (let n = 0; ; n++) {
    const path = join(out, `.storykit-tmp-${process.pid}-${n}`);
    try {
      mkdirSync(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw fileError(error, out, 'write into the folder');
      }
    }
  }
}

/**
 * Checks that `--out` is a folder or missing, before anything is made. A link the user made to a
 * folder is followed: they named it.
 *
 * @throws {UsageError} when it is a file.
 * @returns whether the folder exists.
 */
export function checkOutFolder(out: string): boolean {
  let stat: Stats | undefined;
  try {
    stat = statSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw fileError(error, out, 'look at', 'read');
  }
  if (stat && !stat.isDirectory()) {
    throw new UsageError(
      `--out: ${out} is a file, not a folder; give a folder (it is created when missing)`,
    );
  }
  return stat !== undefined;
}

/** Makes sure `--out` is a folder: created when missing. */
function outFolder(out: string): void {
  if (!checkOutFolder(out)) {
    try {
      mkdirSync(out, { recursive: true });
    } catch (error) {
      throw fileError(error, out, 'create the folder');
    }
  }
}

/** How {@link writeOutputs} writes. */
export interface WriteOptions {
  /**
   * Whether the leftovers of killed builds are already removed from `out` and its story folders
   * ({@link removeStaleTempsAll}): a folder of stories removes them once, before its first story
   * is written. Default: false, they are removed first.
   */
  readonly cleaned?: boolean;
}

/**
 * Removes the leftovers of killed builds ({@link removeStaleTemps}) from `out` and from each of
 * `folders` inside it that exists.
 */
export function removeStaleTempsAll(out: string, folders: readonly string[]): void {
  removeStaleTemps(out);
  for (const folder of folders) {
    const stat = lstatOrUndefined(join(out, folder));
    if (stat?.isDirectory()) removeStaleTemps(join(out, folder));
  }
}

/**
 * Removes this process's own temporary folders from `out`: those of a story whose build stopped
 * mid-write because the thread building it died. Call it only when no build of this process is
 * writing any more.
 */
export function removeOwnTemps(out: string, except?: string): void {
  let names: string[];
  try {
    names = readdirSync(out);
  } catch {
    return;
  }
  for (const name of names) {
    if (Number(BUILD_TEMP.exec(name)?.[1]) !== process.pid || join(out, name) === except) continue;
    try {
      rmSync(join(out, name), { recursive: true, force: true });
    } catch {
      // left for the next build, which removes it once this process is gone
    }
  }
}

/**
 * Writes a build's files into `out` so that a failure changes nothing there: every file is first
 * written into a temporary folder inside `out` (same file system, so each move is a rename), and
 * the files are moved into place only when all of them are written. If a move fails, the files
 * already moved are put back as they were. Stale temporary files of killed builds are removed
 * first. Returns the paths written, as `join(out, name)`.
 *
 * @throws {UsageError} when `out` is a file.
 * @throws {FileError} naming the file, the reason and what to do, when a write or move fails, a
 * folder stands where a file goes, or a story's folder inside `out` is a link out of it.
 */
export function writeOutputs(
  out: string,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): string[] {
  const temp = stageFolder(out, files, options);
  try {
    for (const file of files) {
      const staged = join(temp, file.name);
      try {
        mkdirSync(dirname(staged), { recursive: true });
        // `wx`: the temporary folder is new and ours; a file already there would be an attack.
        writeFileSync(staged, file.data, { flag: 'wx' });
      } catch (error) {
        throw fileError(error, join(out, file.name), 'write');
      }
    }
  } catch (error) {
    discardStaged(temp);
    throw nothingChanged(error, out);
  }
  return commitStaged(out, temp, files);
}

/**
 * The first half of {@link writeOutputs}, for files written a piece at a time (the feeds of a
 * folder of stories): checks where `files` go, and makes the temporary folder inside `out` that
 * they are written into, each at `join(folder, name)`; {@link commitStaged} moves them into place,
 * {@link discardStaged} drops them.
 */
export function stageFolder(
  out: string,
  files: readonly { readonly name: string }[],
  options: WriteOptions = {},
): string {
  outFolder(out);
  if (!options.cleaned) {
    removeStaleTempsAll(out, [
      ...new Set(files.map((f) => dirname(f.name)).filter((d) => d !== '.')),
    ]);
  }
  checkTargets(out, files);
  return makeTempFolder(out);
}

function nothingChanged(error: unknown, out: string): unknown {
  return error instanceof FileError
    ? new FileError(`${error.message}; nothing in ${out} was changed`, { cause: error })
    : error;
}

/** Removes a temporary folder of {@link stageFolder} and what it holds. */
export function discardStaged(temp: string): void {
  try {
    rmSync(temp, { recursive: true, force: true });
  } catch {
    // A folder that cannot be removed now is removed by the next build: its process is gone.
  }
}

/**
 * Moves the files written into `temp` ({@link stageFolder}) into place in `out`, all or none, and
 * removes `temp`. Returns the paths written, as `join(out, name)`.
 */
export function commitStaged(
  out: string,
  temp: string,
  files: readonly { readonly name: string }[],
): string[] {
  try {
    moveIntoPlace(temp, out, files);
  } catch (error) {
    throw nothingChanged(error, out);
  } finally {
    discardStaged(temp);
  }
  return files.map((f) => join(out, f.name));
}

/** Moves every staged file over its target; on a failure, puts back what was there before. */
function moveIntoPlace(
  temp: string,
  out: string,
  files: readonly { readonly name: string }[],
): void {
  const previous = join(temp, '.previous');
  mkdirSync(previous);
  const moved: { target: string; saved: string | undefined }[] = [];
  const made: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const target = join(out, file.name);
      const folder = dirname(target);
      if (!lstatOrUndefined(folder)) {
        try {
          mkdirSync(folder);
        } catch (error) {
          throw fileError(error, folder, 'create the folder');
        }
        made.push(folder);
      }
      let saved: string | undefined;
      if (lstatOrUndefined(target)) {
        saved = join(previous, String(i));
        try {
          // A second name for the old file, so it can be put back; the rename below stays atomic.
          linkSync(target, saved);
        } catch {
          saved = undefined;
        }
      }
      try {
        renameSync(join(temp, file.name), target);
      } catch (error) {
        throw fileError(error, target, 'write');
      }
      moved.push({ target, saved });
    }
  } catch (error) {
    for (const { target, saved } of moved.reverse()) {
      try {
        if (saved) renameSync(saved, target);
        else rmSync(target, { force: true });
      } catch {
        // Best effort: the error below names the file that failed.
      }
    }
    for (const folder of made.reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty: it holds files the user put there
      }
    }
    throw error;
  }
}
