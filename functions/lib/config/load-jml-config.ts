import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { core } from 'zod';
import { ErrorNames, JmlError } from '../errors.js';
import { JmlConfigSchema, type JmlConfig } from './jml-config-schema.js';

/** `['accessRules', 2, 'grant', 'groups', 0]` -> `accessRules[2].grant.groups[0]`. */
export function formatIssuePath(path: readonly PropertyKey[], root = '(the whole config)'): string {
  if (path.length === 0) return root;
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** One line per problem, each starting with the path of the wrong entry. */
export function describeConfigIssues(issues: readonly core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
}

/**
 * Validates an already-parsed config object.
 * @param source where it came from, for the message (a file path or `JML_CONFIG`).
 * @throws JmlError `Jml.Configuration` listing every wrong entry.
 */
export function parseJmlConfig(value: unknown, source = 'the config'): JmlConfig {
  const parsed = JmlConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = describeConfigIssues(parsed.error.issues);
  throw new JmlError(
    ErrorNames.Configuration,
    `The JML config (${source}) is not valid:\n  - ${problems.join('\n  - ')}\nFix these entries (see config/jml.example.yaml) and retry.`,
  );
}

/** Parses config text as YAML (a superset of JSON) and validates it. */
export function parseJmlConfigText(text: string, source: string): JmlConfig {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new JmlError(ErrorNames.Configuration, `The JML config (${source}) is neither valid YAML nor JSON: ${(error as Error).message}`);
  }
  return parseJmlConfig(value, source);
}

/** Reads and validates a config file (`.yaml`, `.yml` or `.json`). */
export function loadJmlConfigFile(path: string): JmlConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new JmlError(ErrorNames.Configuration, `Cannot read the JML config file ${path}: ${(error as Error).message}. Check JML_CONFIG_FILE.`);
  }
  return parseJmlConfigText(text, path);
}

const cache = new Map<string, JmlConfig>();

/**
 * The config of a workflow-logic handler: `JML_CONFIG` (JSON or YAML text, used in AWS) wins over
 * `JML_CONFIG_FILE` (a path, local runs). Cached per distinct value, so a warm Lambda parses once
 * and a test that changes the environment gets the new config.
 * @throws JmlError `Jml.Configuration` when neither is set or the config is invalid.
 */
export function loadJmlConfig(env: NodeJS.ProcessEnv = process.env): JmlConfig {
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
  const config = inline ? parseJmlConfigText(inline, 'JML_CONFIG') : loadJmlConfigFile(file as string);
  cache.set(key, config);
  return config;
}
