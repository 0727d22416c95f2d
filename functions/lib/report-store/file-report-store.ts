import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ErrorNames, JmlError } from '../errors.js';
import { ensurePrivateFolder, FolderUnusableError, PRIVATE_FILE_MODE } from '../local-storage/private-folder.js';
import { assertSafeKey, type ReportStore } from './report-store.js';

/**
 * A folder as the report store (local runs: the runtime's data folder, `JML_REPORT_DIR`). Reports
 * and snapshots name people: folders are made 0700 and files written 0600.
 */
export class FileReportStore implements ReportStore {
  private readonly root: string;
  /** Folders made (or checked) already by this store. */
  private readonly ready = new Set<string>();

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, body: string, _contentType?: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      if (!this.ready.has(dirname(path))) ensurePrivateFolder(dirname(path), 'the report folder');
      this.ready.add(dirname(path));
    } catch (error) {
      if (!(error instanceof FolderUnusableError)) throw error;
      throw new JmlError(ErrorNames.Configuration, `${error.message}: point JML_REPORT_DIR at a folder this user can write.`, { cause: error });
    }
    // Write then rename: a reader never sees half a report.
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, body, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
    await rename(temporary, path);
  }

  async get(key: string): Promise<string> {
    try {
      return await readFile(this.pathOf(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new JmlError(ErrorNames.Configuration, `The report store has no ${key} (in ${this.root}): the step that writes it did not run, or JML_REPORT_DIR changed during the run.`);
      }
      throw error;
    }
  }

  locationOf(key: string): string {
    return this.pathOf(key);
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.root, ...key.split('/'));
  }
}
