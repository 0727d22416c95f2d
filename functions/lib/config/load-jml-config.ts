import { readFileSync } from 'node:fs';
import type { core } from 'zod';
import { BoundedCache } from '../bounded-cache.js';
import { ErrorNames, JmlError } from '../errors.js';
import { handlerEnvironment, type HandlerEnvironment } from '../handler-environment-scope.js';
import { JmlConfigSchema, type JmlConfig } from './jml-config-schema.js';
import { reservedKeyPaths } from './reserved-keys.js';
import { loadYamlParser } from './yaml-parser.js';
import { describeIssues } from '../zod-issues.js';
import { describeUnknownKeys } from './unknown-config-keys.js';

/** One line per problem, each starting with the path of the wrong entry (an unknown key: the key's own path). */
export function describeConfigIssues(issues: readonly core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => describeUnknownKeys(issue, JmlConfigSchema, ROOT_LABEL) ?? describeIssues([issue], ROOT_LABEL));
}

const ROOT_LABEL = '(the whole config)';

/**
 * Validates an already-parsed config object.
 * @param source where it came from, for the message (a file path or `JML_CONFIG`).
 * @throws JmlError `Jml.Configuration` listing every wrong entry.
 */
export function parseJmlConfig(value: unknown, source = 'the config'): JmlConfig {
  const reserved = reservedKeyPaths(value);
  if (reserved.length > 0) {
    throw new JmlError(
      ErrorNames.Configuration,
      `The JML config (${source}) is not valid:\n  - ${reserved.slice(0, 20).map((path) => `${path}: this name belongs to every JavaScript object and cannot name an entry; rename or remove it`).join('\n  - ')}\nFix these entries (see config/jml.example.yaml) and retry.`,
    );
  }
  const parsed = JmlConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = describeConfigIssues(parsed.error.issues);
  throw new JmlError(
    ErrorNames.Configuration,
    `The JML config (${source}) is not valid:\n  - ${problems.join('\n  - ')}\nFix these entries (see config/jml.example.yaml) and retry.`,
  );
}

const NO_YAML = 'YAML cannot be read here: the yaml package is not installed (Lambda bundles leave it out).';
const INLINE_HINT = 'JML_CONFIG holds the config as JSON, e.g. {"accessRules":[]} (deploys write it from the validated config file).';

/**
 * Parses config text as YAML (a superset of JSON) and validates it. The YAML parser loads on first
 * use; where it is missing (a Lambda bundle) only JSON is read.
 */
export function parseJmlConfigText(text: string, source: string): JmlConfig {
  const parseYaml = loadYamlParser();
  if (!parseYaml) return parseJmlConfigJson(text, source, NO_YAML);
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new JmlError(ErrorNames.Configuration, `The JML config (${source}) is neither valid YAML nor JSON: ${(error as Error).message}`);
  }
  return parseJmlConfig(value, source);
}

/**
 * Parses config text as JSON and validates it (no YAML parser involved).
 * @param hint added to the message when the text is not JSON.
 */
export function parseJmlConfigJson(text: string, source: string, hint?: string): JmlConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new JmlError(
      ErrorNames.Configuration,
      `The JML config (${source}) is not valid JSON: ${(error as Error).message}.${hint ? ` ${hint}` : ''}`,
    );
  }
  return parseJmlConfig(value, source);
}

/**
 * `JML_CONFIG` text: JSON, as infra and the local engine write it. Only when it is not JSON and
 * the YAML parser is installed (local runs) is it read as YAML, which the docs allow locally.
 */
function parseInlineConfig(text: string): JmlConfig {
  const looksLikeJson = text.startsWith('{') || text.startsWith('[');
  if (looksLikeJson || !loadYamlParser()) return parseJmlConfigJson(text, 'JML_CONFIG', looksLikeJson ? INLINE_HINT : `${INLINE_HINT} ${NO_YAML}`);
  return parseJmlConfigText(text, 'JML_CONFIG');
}

/**
 * Reads and validates a config file: `.json` as JSON, anything else (`.yaml`, `.yml`) as YAML.
 * @param origin what named the file (`--config`, `JML_CONFIG_FILE`), so an unreadable path is
 *   blamed on what the person actually set; absent, the message names only the path.
 */
export function loadJmlConfigFile(path: string, origin?: string): JmlConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new JmlError(ErrorNames.Configuration, unreadableConfigMessage(path, error as NodeJS.ErrnoException, origin));
  }
  return /\.json$/i.test(path) ? parseJmlConfigJson(text, path) : parseJmlConfigText(text, path);
}

/**
 * `--config DIR names a directory: ...`, `JML_CONFIG_FILE=x.yaml: no such file; ...`, or without an
 * origin `Cannot read the JML config file x.yaml: no such file; ...`.
 */
function unreadableConfigMessage(path: string, error: NodeJS.ErrnoException, origin: string | undefined): string {
  const example = 'a JSON or YAML file such as config/jml.example.yaml';
  const why =
    error.code === 'EISDIR' ? ['names a directory', `give the config file itself, ${example}`]
    : error.code === 'ENOENT' ? ['no such file', `give ${example}`]
    : error.code === 'EACCES' ? ['permission denied', 'make it readable by this user']
    : [error.message, `give ${example}`];
  if (origin === undefined) return `Cannot read the JML config file ${path}: ${why[0]}; ${why[1]}.`;
  const named = origin.startsWith('-') ? `${origin} ${path}` : `${origin}=${path}`;
  return error.code === 'EISDIR' ? `${named} ${why[0]}: ${why[1]}.` : `${named}: ${why[0]}; ${why[1]}.`;
}

/** A Lambda sees one config; the local runtime one per distinct config its executions use. */
const cache = new BoundedCache<string, JmlConfig>(32);

/**
 * The config of a workflow-logic handler: `JML_CONFIG` (JSON text, used in AWS) wins over
 * `JML_CONFIG_FILE` (a path, local runs), read from the handler environment (the current
 * execution's scope locally, `process.env` in Lambda). Cached per distinct value, so a warm Lambda
 * parses once and concurrent local executions with different configs each get their own.
 * @throws JmlError `Jml.Configuration` when neither is set or the config is invalid.
 */
export function loadJmlConfig(env: HandlerEnvironment = handlerEnvironment()): JmlConfig {
  const inline = env.JML_CONFIG?.trim();
  const file = env.JML_CONFIG_FILE?.trim();
  const key = inline ? `inline:${inline}` : file ? `file:${file}` : '';
  if (!key) {
    throw new JmlError(
      ErrorNames.Configuration,
      'No JML config: set JML_CONFIG to the config as JSON, or JML_CONFIG_FILE to a YAML/JSON file such as config/jml.example.yaml.',
    );
  }
  const cached = cache.get(key);
  if (cached) return cached;
  const config = inline ? parseInlineConfig(inline) : loadJmlConfigFile(file as string, 'JML_CONFIG_FILE');
  cache.set(key, config);
  return config;
}
