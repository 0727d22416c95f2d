import type { CliIo } from '../cli-io.js';

/**
 * Where a command's result goes: readable text on stdout, or with `--json` one JSON document on
 * stdout (for scripts) while messages for the person go to stderr either way.
 */
export class CommandOutput {
  constructor(private readonly io: CliIo, readonly json: boolean) {}

  /** The command's result: `text` on a terminal, `data` as JSON with --json. */
  result(text: string, data: unknown): void {
    this.io.stdout.write(this.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
  }

  /** A message for the person (stderr), e.g. a hint on what to run next. */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
}

/** A JSON string from Step Functions (input, output) as a value for --json; not JSON: the string itself. */
export function parseJsonField(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A JSON string from Step Functions shown indented, for the terminal. */
export function prettyJsonField(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const value = parseJsonField(text);
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
