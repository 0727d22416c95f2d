import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFolder, FolderUnusableError, PRIVATE_FOLDER_MODE } from '../../../functions/lib/local-storage/private-folder.js';

/** The data folder cannot be used (cannot be created, is not a folder, cannot be written). */
export class DataFolderError extends Error {
  override name = 'DataFolderError';
}

/** What the runtime keeps in its data folder (and what a restore leaves there): anything else is someone else's. */
const OWN_ENTRY = /^(?:(?:runtime|change-budget)\.sqlite(?:-wal|-shm|\.new-\d+)?|backups|reports|damaged-[\w-]+|\.write-check-[\w-]+)$/;
/** Sub-folders of the data folder holding personal data. */
const PRIVATE_SUBFOLDERS = ['backups', 'reports'];

/**
 * Makes the data folder ready, or fails at once with its path and the reason: created with mode
 * 0700 (parents too); an existing one must be a folder this process can write. One of ours that
 * others may read (an earlier version made it 0755) is tightened to 0700 with a log line; a folder
 * that also holds other files is left as it is (the runtime's files in it are 0600 anyway).
 * @returns its absolute path. @throws DataFolderError
 */
export function prepareDataFolder(dir: string, log: (line: string) => void): string {
  let prepared: { path: string; created: boolean };
  try {
    prepared = ensurePrivateFolder(dir, 'the data folder');
  } catch (error) {
    if (!(error instanceof FolderUnusableError)) throw error;
    throw new DataFolderError(`${error.message}. Give --data a folder this user can create and write.`);
  }
  if (!prepared.created) tighten(prepared.path, log);
  return prepared.path;
}

function tighten(path: string, log: (line: string) => void): void {
  for (const sub of PRIVATE_SUBFOLDERS) {
    const subPath = join(path, sub);
    if (modeOf(subPath) & 0o077) chmodQuietly(subPath, log);
  }
  const mode = modeOf(path);
  if ((mode & 0o077) === 0) return;
  const others = readdirSync(path).filter((name) => !OWN_ENTRY.test(name));
  const ownedByUs = process.getuid === undefined || statSync(path).uid === process.getuid();
  if (others.length === 0 && ownedByUs) {
    if (chmodQuietly(path, log)) log(`data folder ${path}: permissions tightened from ${octal(mode)} to 0700 (it holds personal data)`);
    return;
  }
  const why = ownedByUs ? `it also holds ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}` : 'another user owns it';
  log(`data folder ${path} is ${octal(mode)} (others may list it) and was left as it is (${why}); the runtime's files in it are 0600. A folder of its own (--data) is safer.`);
}

/** chmod 0700; a folder that refuses is logged and left as it is (the files in it are 0600). */
function chmodQuietly(path: string, log: (line: string) => void): boolean {
  try {
    chmodSync(path, PRIVATE_FOLDER_MODE);
    return true;
  } catch (error) {
    log(`${path} could not be made 0700 (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the runtime's files in it are 0600`);
    return false;
  }
}

function modeOf(path: string): number {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return 0;
  }
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
