import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeFsError } from './fs-error-words.js';

/** Folders holding personal data (stores, reports, backups): the owner only. */
export const PRIVATE_FOLDER_MODE = 0o700;
/** Files holding personal data: the owner only. */
export const PRIVATE_FILE_MODE = 0o600;

/** A folder that cannot hold local data: it cannot be created, is not a folder, or cannot be written. */
export class FolderUnusableError extends Error {
  override name = 'FolderUnusableError';

  constructor(
    readonly folder: string,
    /** The operating system's code, e.g. `EACCES`, `EROFS`, `ENOTDIR`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Makes `dir` and any missing parent, each with mode 0700, and checks that this process can create
 * files in it. Parents are made one at a time: Node's recursive mkdir never returns for some paths
 * (`/proc/nope` spins forever), so a bad folder must fail here, at once.
 * `label` names the folder in messages, e.g. "the data folder".
 * @returns the absolute path, and whether this call created the folder.
 * @throws FolderUnusableError naming the folder and the reason.
 */
export function ensurePrivateFolder(dir: string, label: string): { path: string; created: boolean } {
  const path = resolve(dir);
  const created = makeMissing(path, label);
  assertWritable(path, label);
  return { path, created };
}

function makeMissing(path: string, label: string): boolean {
  const existing = kindOf(path, label);
  if (existing === 'folder') return false;
  if (existing === 'other') throw new FolderUnusableError(path, 'ENOTDIR', `${label} ${path} is not a folder (a file of that name exists): choose another path`);
  const parent = dirname(path);
  if (parent !== path) makeMissing(parent, label);
  try {
    mkdirSync(path, { mode: PRIVATE_FOLDER_MODE });
    chmodSync(path, PRIVATE_FOLDER_MODE); // the umask may have taken bits away
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    if (code === 'EEXIST' && kindOf(path, label) === 'folder') return false; // made by someone else meanwhile
    throw new FolderUnusableError(path, code, `${label} ${path} cannot be created: ${describeFsError(code)}`);
  }
  return true;
}

function kindOf(path: string, label: string): 'folder' | 'other' | 'absent' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    if (code === 'ENOENT') return lstatExists(path) ? 'other' : 'absent'; // a dangling link is not a folder
    if (code === 'ENOTDIR') throw new FolderUnusableError(path, code, `${label} ${path} cannot be used: ${describeFsError(code)}`);
    throw new FolderUnusableError(path, code, `${label} ${path} cannot be read: ${describeFsError(code)}`);
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Creates and removes a small file: the only test that also catches read-only mounts and root-owned folders. */
function assertWritable(path: string, label: string): void {
  const probe = join(path, `.write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(probe, 'wx', PRIVATE_FILE_MODE);
    writeSync(fd, 'ok');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    throw new FolderUnusableError(path, code, `${label} ${path} cannot be written: ${describeFsError(code)}`);
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
      unlinkSync(probe);
    }
  }
}
