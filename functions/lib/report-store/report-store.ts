/**
 * Where the inactivity sweep keeps what is too big for the workflow state (the scan, the
 * decisions, snapshots) and the report people read. Keys are `/`-separated relative paths, e.g.
 * `sweep/<execution>/report.html`. Two implementations: S3 (AWS) and a folder (local runs).
 */
export interface ReportStore {
  /** Writes (replaces) an object. */
  put(key: string, body: string, contentType: string): Promise<void>;
  /** Reads an object as text. @throws JmlError `Jml.Configuration` when it does not exist. */
  get(key: string): Promise<string>;
  /** Where a key is, for people: `s3://bucket/key` or an absolute file path. */
  locationOf(key: string): string;
}

/** Keys are relative paths without `..`, empty parts or a leading `/`: never outside the store. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9._=-]+(\/[A-Za-z0-9._=-]+)*$/.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new RangeError(`Invalid report key ${JSON.stringify(key)}: use a relative path of letters, digits, ".", "_", "=", "-" and "/".`);
  }
}
