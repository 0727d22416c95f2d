import { handlerEnvironment } from '../handler-environment-scope.js';
import { readFileSync } from 'node:fs';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { ErrorNames, JmlError } from '../errors.js';
import { registerSecret } from '../redaction.js';
import { ownEntry } from './own-entry.js';

/**
 * Where the HR secrets live: one Secrets Manager secret each on AWS (read through Powertools
 * Parameters, cached for 5 minutes across warm invocations, so a rotation is picked up within that
 * time), or locally the value itself in an environment variable or in a git-ignored JSON file named
 * by `JML_HR_SECRETS_FILE` (`{ "JML_HR_HIBOB_WEBHOOK_SECRET": "..." }`). Every value read is
 * registered with the log redactor; none is ever logged.
 */

export const HR_SECRET_NAMES = ['bamboohr-webhook', 'hibob-webhook', 'standard-webhook', 'bamboohr-api', 'hibob-api'] as const;
export type HrSecretName = (typeof HR_SECRET_NAMES)[number];

/** The environment variables of each secret: the Secrets Manager id (AWS), or the value (local). */
export const HR_SECRET_VARIABLES: Record<HrSecretName, { secretId: string; value: string; holds: string }> = {
  'bamboohr-webhook': { secretId: 'JML_HR_BAMBOOHR_WEBHOOK_SECRET_ID', value: 'JML_HR_BAMBOOHR_WEBHOOK_KEY', holds: 'the BambooHR webhook private key' },
  'hibob-webhook': { secretId: 'JML_HR_HIBOB_WEBHOOK_SECRET_ID', value: 'JML_HR_HIBOB_WEBHOOK_SECRET', holds: 'the HiBob webhook secret' },
  'standard-webhook': { secretId: 'JML_HR_STANDARD_WEBHOOK_SECRET_ID', value: 'JML_HR_STANDARD_WEBHOOK_SECRET', holds: 'the Standard Webhooks signing secret (whsec_...)' },
  'bamboohr-api': { secretId: 'JML_HR_BAMBOOHR_API_SECRET_ID', value: 'JML_HR_BAMBOOHR_API_KEY', holds: 'a BambooHR API key' },
  'hibob-api': { secretId: 'JML_HR_HIBOB_API_SECRET_ID', value: 'JML_HR_HIBOB_API_CREDENTIALS', holds: 'the HiBob service user as {"serviceUserId":"...","token":"..."}' },
};

export const HR_SECRETS_FILE_VARIABLE = 'JML_HR_SECRETS_FILE';
/** How long a secret read from Secrets Manager is reused. */
export const HR_SECRET_MAX_AGE_SECONDS = 300;

export type HrSecretReader = (name: HrSecretName) => Promise<string>;

export interface HrSecretReaderOptions {
  env?: NodeJS.ProcessEnv;
  /** Injected Secrets Manager client (tests). @default one created on first use */
  client?: SecretsManagerClient;
}

/**
 * Reads HR secrets from the environment's configuration: a secret id wins over a local value.
 * @throws JmlError `Jml.Configuration` (missing, empty, not readable) or `Jml.AwsTransient`.
 */
export function createHrSecretReader(options: HrSecretReaderOptions = {}): HrSecretReader {
  const env = options.env ?? handlerEnvironment();
  let provider: SecretsProvider | undefined;
  let fileValues: Record<string, unknown> | undefined;
  return async (name) => {
    const variables = HR_SECRET_VARIABLES[name];
    const secretId = env[variables.secretId]?.trim();
    let value: string | undefined;
    if (secretId) {
      provider ??= new SecretsProvider(options.client ? { awsSdkV3Client: options.client } : {});
      value = await readFromSecretsManager(provider, secretId, variables.secretId);
    } else {
      value = env[variables.value]?.trim() || hrSecretsFileValue((fileValues ??= readHrSecretsFile(env)), variables.value);
    }
    if (!value) {
      throw new JmlError(
        ErrorNames.Configuration,
        `No ${variables.holds}: on AWS set ${variables.secretId} to the Secrets Manager secret holding it (and put the value into that secret); ` +
          `locally set ${variables.value} or add it to the JSON file named by ${HR_SECRETS_FILE_VARIABLE}.`,
      );
    }
    registerSecret(value);
    return value;
  };
}

async function readFromSecretsManager(provider: SecretsProvider, secretId: string, variable: string): Promise<string | undefined> {
  try {
    const value = await provider.get(secretId, { maxAge: HR_SECRET_MAX_AGE_SECONDS });
    if (value === undefined) return undefined;
    return (typeof value === 'string' ? value : Buffer.from(value).toString('utf8')).trim();
  } catch (error) {
    const name = (error as { cause?: { name?: string } }).cause?.name ?? (error as Error).name;
    const permanent = ['ResourceNotFoundException', 'AccessDeniedException', 'DecryptionFailure', 'InvalidRequestException', 'InvalidParameterException'];
    if (permanent.includes(name)) {
      throw new JmlError(
        ErrorNames.Configuration,
        `Secret ${secretId} (${variable}) cannot be read (${name}). Check that it exists in this account and region and that this function may read it.`,
        { cause: error },
      );
    }
    throw new JmlError(ErrorNames.AwsTransient, `Secret ${secretId} (${variable}) could not be read from Secrets Manager (${name}); it is retried.`, { cause: error });
  }
}

/**
 * The JSON file named by `JML_HR_SECRETS_FILE` (`{}` when the variable is unset).
 * @throws JmlError `Jml.Configuration` when it cannot be read or is not a JSON object.
 */
export function readHrSecretsFile(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env[HR_SECRETS_FILE_VARIABLE]?.trim();
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new JmlError(ErrorNames.Configuration, `${HR_SECRETS_FILE_VARIABLE} names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the text, which holds secrets.
    throw new JmlError(ErrorNames.Configuration, `${path} (${HR_SECRETS_FILE_VARIABLE}) is not valid JSON: write it as { "JML_HR_HIBOB_WEBHOOK_SECRET": "..." }.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new JmlError(ErrorNames.Configuration, `${path} (${HR_SECRETS_FILE_VARIABLE}) must be a JSON object of variable name -> value.`);
  }
  return parsed as Record<string, unknown>;
}

/** The value of variable `name` in the secrets file's JSON (own entries only: the name is a variable's, never `constructor`). */
export function hrSecretsFileValue(values: Record<string, unknown>, name: string): string | undefined {
  const value = ownEntry(values, name);
  if (typeof value === 'string') return value.trim();
  // The HiBob credentials may be given as an object.
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return undefined;
}
