import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';

/** A problem with the command line or the input: the CLI prints it and exits 2. */
export class UsageError extends Error {
  constructor(message: string, readonly details: string[] = []) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Reads `--input`: inline JSON (starts with `{`), `-` for stdin, or a file (JSON, or YAML when it
 * ends in .yaml/.yml).
 */
export async function readInput(spec: string | undefined, readStdin: () => Promise<string>): Promise<unknown> {
  if (spec === undefined) throw new UsageError('--input is required: give inline JSON, a file, or - for stdin, e.g. --input \'{"email":"ada@acme.example"}\'');
  const trimmed = spec.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed, 'the --input JSON');
  if (trimmed === '-') return parseJson(await readStdin(), 'the input on stdin');
  let text: string;
  try {
    text = await readFile(trimmed, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the input file ${trimmed}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Give a file path, inline JSON or -.`);
  }
  if (/\.ya?ml$/i.test(trimmed)) {
    try {
      return parseYaml(text) as unknown;
    } catch (error) {
      throw new UsageError(`The input file ${trimmed} is not valid YAML: ${(error as Error).message}`);
    }
  }
  return parseJson(text, `the input file ${trimmed}`);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** `--dry-run`: the workflow input field `dryRun`, set to true. */
export function withDryRun(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new UsageError('--dry-run needs the input to be a JSON object');
  }
  return { ...input, dryRun: true };
}
