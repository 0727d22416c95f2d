import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { PRIVATE_FILE_MODE } from './private-folder.js';

/**
 * Takes group and other permissions away from an existing file of ours (a store written by an
 * earlier version was 0644). Returns the mode it had when it was wider, else undefined; a missing file is fine.
 */
export function tightenToPrivate(path: string, mode = PRIVATE_FILE_MODE): number | undefined {
  let current: number;
  try {
    current = statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((current & 0o077) === 0) return undefined;
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return undefined; // another user's file: opening it decides
    throw error;
  }
  return current;
}

/** Creates (or empties) `path` with mode 0600, whatever the umask. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'w', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}
