import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';

/** A problem with the command line or the input: the CLI prints it and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
    /** Print the usage lines after the message (a wrong command, not a wrong value). */
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const EXAMPLE = `e.g. --input '{"email":"ada@acme.example"}'`;

/**
 * Reads `--input`: inline JSON (starts with `{`), `-` for stdin, or a file (JSON, or YAML when it
 * ends in .yaml/.yml). The result is always a JSON object: anything else is refused here, with
 * what was found, before the workflow's own validation.
 */
export async function readInput(spec: string | undefined, readStdin: () => Promise<string>): Promise<Record<string, unknown>> {
  if (spec === undefined) throw new UsageError(`--input is required: give inline JSON, a file, or - for stdin, ${EXAMPLE}`);
  const trimmed = spec.trim();
  if (trimmed === '') throw new UsageError(`--input is empty: give inline JSON, a file, or - for stdin, ${EXAMPLE}`);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return requireObject(parseJson(trimmed, 'the --input JSON'), 'the --input JSON');
  if (trimmed === '-') return requireObject(parseJson(await readStdinText(readStdin), 'the input on stdin'), 'the input on stdin');
  if (!existsSync(trimmed)) {
    // `--input null`, `--input 42`, `--input '"x"'`: JSON, but not an object.
    const scalar = parseScalar(trimmed);
    if (scalar.ok) requireObject(scalar.value, `--input ${trimmed}`, false);
    throw new UsageError(`--input ${trimmed}: no such file. Give a file path, inline JSON (starting with {) or - for stdin, ${EXAMPLE}`);
  }
  const text = withoutBom(await readFileText(trimmed));
  if (text.trim() === '') throw new UsageError(`The input file ${trimmed} is empty: write the input JSON object into it, e.g. {"email":"ada@acme.example"}`);
  if (/\.ya?ml$/i.test(trimmed)) {
    try {
      return requireObject(parseYaml(text) as unknown, `the input file ${trimmed}`);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`The input file ${trimmed} is not valid YAML: ${(error as Error).message}`);
    }
  }
  return requireObject(parseJson(text, `the input file ${trimmed}`), `the input file ${trimmed}`);
}

async function readStdinText(readStdin: () => Promise<string>): Promise<string> {
  const text = withoutBom(await readStdin());
  if (text.trim() === '') {
    throw new UsageError('--input -: nothing arrived on stdin. Pipe the input JSON in, e.g. jml run leaver --input - < leaver.json, or give it inline or as a file');
  }
  return text;
}

async function readFileText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? (error as Error).message);
    throw new UsageError(`Cannot read the input file ${path}: ${why}. Give a file path, inline JSON or -.`);
  }
}

/** Editors on Windows save UTF-8 with a byte order mark, which JSON.parse refuses: drop it. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseScalar(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Every workflow input is a JSON object; say what was given instead. */
function requireObject(value: unknown, what: string, showValue = true): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}${showValue ? ` (${JSON.stringify(value)})` : ''}`;
  throw new UsageError(`${what} is ${found}, not a JSON object: the workflow input is an object, e.g. {"email":"ada@acme.example"}`);
}

/** `--dry-run`: the workflow input field `dryRun`, set to true. */
export function withDryRun(input: Record<string, unknown>): Record<string, unknown> {
  return { ...input, dryRun: true };
}
