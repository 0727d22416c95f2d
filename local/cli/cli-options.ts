import { parseArgs } from 'node:util';
import { parseArgsUsageError } from './parse-args-error.js';

/** Powertools log levels, for `--log-level` (its help and its error list the same ones). */
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;

/** Every option of `jml`, in the form `util.parseArgs` takes, with the text `--help` prints. */
export const CLI_OPTIONS = {
  input: { type: 'string', short: 'i', value: '<file|json|->', help: 'Execution input: a JSON file, inline JSON, or - for stdin (required for run).' },
  'dry-run': { type: 'boolean', help: 'Set "dryRun": true in the input: plan and report, change nothing.' },
  'api-url': { type: 'string', value: '<url>', help: 'Base URL of a compatible Admin API, e.g. https://api.atlassian.com/admin or http://127.0.0.1:N/admin (http:// only to this machine: the key is sent with every request). Without it, an embedded simulator with the demo org is started.' },
  'api-key': { type: 'string', value: '<key>', help: 'Org API key for --api-url. Prefer the ATLASSIAN_API_KEY environment variable (keeps it out of shell history). Never printed.' },
  'org-id': { type: 'string', value: '<id>', help: 'Org id for --api-url (or ATLASSIAN_ORG_ID).' },
  'directory-api': { type: 'string', value: 'v1|v2', help: 'Directory API generation: v2 (default) or v1 (sunset 2026-06-30 endpoints). Default: ATLASSIAN_DIRECTORY_API when set.' },
  'directory-id': { type: 'string', value: '<id>', help: 'v2 directory id (or ATLASSIAN_DIRECTORY_ID); discovered when absent.' },
  config: { type: 'string', value: '<file>', help: 'Access rules and protected accounts, JSON or YAML (default: JML_CONFIG_FILE, else config/jml.example.yaml).' },
  'no-check': { type: 'boolean', help: 'run: do not check the config against the org first (by default a run that may change something first checks that the org has every group, resource and protected account the config names, as check-config does; a success is remembered for an hour per config and org).' },
  data: { type: 'string', value: '<dir>', help: "run: folder for local state: the config checks it remembers (config-checks.json) and the sweep's reports (reports/). Default .jml, as npm start." },
  waits: { type: 'string', value: 'real|short', help: 'Wait states (effective time, grace period): "short" passes them at once. Default: short with the embedded simulator, real with --api-url.' },
  quiet: { type: 'boolean', short: 'q', help: 'No progress trace on stderr; only the output JSON on stdout.' },
  'log-level': { type: 'string', value: '<level>', help: `Show the handlers' Powertools logs on stderr at this level: ${LOG_LEVELS.join(', ')} (case-insensitive).` },
  help: { type: 'boolean', short: 'h', help: 'Show this help, including the input schema of every workflow.' },
  version: { type: 'boolean', short: 'V', help: 'Print the version of jml (package.json) and exit.' },
} as const;

export type CliValues = {
  input?: string;
  'dry-run'?: boolean;
  'api-url'?: string;
  'api-key'?: string;
  'org-id'?: string;
  'directory-api'?: string;
  'directory-id'?: string;
  config?: string;
  'no-check'?: boolean;
  data?: string;
  waits?: string;
  quiet?: boolean;
  'log-level'?: string;
  help?: boolean;
  version?: boolean;
};

export interface ParsedCommandLine {
  values: CliValues;
  positionals: string[];
}

/** Parses argv strictly: an unknown option or a missing value is a usage error (thrown, in our words). */
export function parseCommandLine(argv: string[]): ParsedCommandLine {
  const options = Object.fromEntries(
    Object.entries(CLI_OPTIONS).map(([name, spec]) => [name, { type: spec.type, ...('short' in spec ? { short: spec.short } : {}) }]),
  ) as Record<string, { type: 'string' | 'boolean'; short?: string }>;
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as CliValues, positionals };
  } catch (error) {
    throw parseArgsUsageError(error, Object.keys(CLI_OPTIONS), 'run, schema and check-config') ?? error;
  }
}
