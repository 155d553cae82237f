import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The file that marks a story folder as open in a studio: the process id and the studio's address. */
export const LOCK_NAME = '.storykit-studio.lock';

/** Thrown when another studio that is still running has the story folder open. */
export class StudioBusyError extends Error {
  override readonly name = 'StudioBusyError';
  /** The address of the studio that has the folder open. */
  readonly url: string;

  constructor(folder: string, url: string, pid: number) {
    super(
      `${folder}: already open in another studio (process ${pid}, ${url}); close that one first, or review there`,
    );
    this.url = url;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder's lock for this process, or throws {@link StudioBusyError} when a running studio
 * holds it. A lock left by a process that no longer runs is taken over. Returns the release.
 */
export function lockFolder(folder: string, url: string): () => void {
  const path = join(folder, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${JSON.stringify({ pid: process.pid, url })}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let held: { pid?: unknown; url?: unknown } = {};
      try {
        held = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // A lock that cannot be read is stale.
      }
      if (typeof held.pid === 'number' && held.pid !== process.pid && running(held.pid)) {
        throw new StudioBusyError(folder, String(held.url), held.pid);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`${path}: cannot take the studio's lock`);
}
