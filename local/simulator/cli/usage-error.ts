/** A mistake on the command line: printed as one line, exit code 2 (no stack trace). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
