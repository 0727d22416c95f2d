/**
 * A store file that is not what it should be (empty, not SQLite, failing SQLite's integrity check,
 * from a newer or unknown version). It is refused and left exactly as it is: never replaced.
 */
export class DamagedStoreError extends Error {
  override name = 'DamagedStoreError';

  constructor(
    readonly file: string,
    /** What is wrong, e.g. "is empty (0 bytes)". */
    readonly problem: string,
    /** What to do, with the commands (restore the newest backup, or move the file aside). */
    readonly advice: string,
  ) {
    super(`${file} ${problem}; it was left as it is.\n${advice}`);
  }
}
