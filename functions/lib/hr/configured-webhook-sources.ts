import { HR_SOURCES, type HrConfig, type HrSource } from '../config/hr-config-schema.js';
import { JmlError } from '../errors.js';
import { HR_SECRET_VARIABLES, HR_SECRETS_FILE_VARIABLE, hrSecretsFileValue, readHrSecretsFile } from './hr-secrets.js';
import { WEBHOOK_SOURCES } from './webhook-sources.js';

/** Whether one webhook source can verify deliveries here, and what to set when it cannot. */
export interface WebhookSourceStatus {
  source: HrSource;
  /** Listed under `hr.sources` of the config; undefined when no config was given. */
  enabled?: boolean;
  /** A signing secret is configured (a Secrets Manager id counts: it is read at the first delivery). */
  configured: boolean;
  /** The variable it comes from, when configured: the `*_SECRET_ID`, the value's variable, or `JML_HR_SECRETS_FILE`. */
  from?: string;
  /** The variables that configure it, in the order they are read: on AWS the secret id, locally the value, or the file. */
  variables: readonly [secretId: string, value: string, secretsFile: string];
  /** Why the secrets file could not be read, when that is why it is not configured (never a secret's value). */
  problem?: string;
  /** One sentence for a banner, `--help` or a 503: what to set (names only, never a value). */
  hint: string;
}

/**
 * Per HR webhook source, whether its signing secret is configured in `env` and which variable to
 * set (for the runtime's start banner and `npm start -- --help`). Reads the environment and the
 * secrets file only: nothing is fetched from Secrets Manager, no value is returned.
 * @param hr the config's `hr:` section, to say which sources are enabled.
 */
export function configuredWebhookSources(env: NodeJS.ProcessEnv, hr?: HrConfig): WebhookSourceStatus[] {
  let file: Record<string, unknown> | undefined;
  let problem: string | undefined;
  try {
    file = readHrSecretsFile(env);
  } catch (error) {
    if (!(error instanceof JmlError)) throw error;
    problem = error.message;
  }
  return HR_SOURCES.map((source) => {
    const [secretId, value, secretsFile] = webhookSecretVariables(source);
    const from = env[secretId]?.trim() ? secretId
      : env[value]?.trim() ? value
      : file && hrSecretsFileValue(file, value) ? secretsFile
      : undefined;
    return {
      source,
      ...(hr ? { enabled: hr.sources[source] !== undefined } : {}),
      configured: from !== undefined,
      ...(from ? { from } : {}),
      variables: [secretId, value, secretsFile] as const,
      ...(!from && problem ? { problem } : {}),
      hint: webhookSecretHint(source),
    };
  });
}

/** The variables that hold a source's signing secret: `[secret id (AWS), value (local), secrets file (local)]`. */
export function webhookSecretVariables(source: HrSource): readonly [string, string, string] {
  const variables = HR_SECRET_VARIABLES[WEBHOOK_SOURCES[source].secret];
  return [variables.secretId, variables.value, HR_SECRETS_FILE_VARIABLE];
}

/** `set JML_HR_HIBOB_WEBHOOK_SECRET (or that key in the file JML_HR_SECRETS_FILE names); on AWS JML_HR_HIBOB_WEBHOOK_SECRET_ID ...` */
export function webhookSecretHint(source: HrSource): string {
  const [secretId, value, secretsFile] = webhookSecretVariables(source);
  const holds = HR_SECRET_VARIABLES[WEBHOOK_SOURCES[source].secret].holds;
  return `${holds}: set ${value} (or that key in the JSON file ${secretsFile} names); on AWS set ${secretId} to the Secrets Manager secret holding it`;
}
