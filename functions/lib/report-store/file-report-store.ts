import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ErrorNames, JmlError } from '../errors.js';
import { assertSafeKey, type ReportStore } from './report-store.js';

/** A folder as the report store (local runs: the runtime's data folder, `JML_REPORT_DIR`). */
export class FileReportStore implements ReportStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, body: string, _contentType?: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename: a reader never sees half a report.
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, body, 'utf8');
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
