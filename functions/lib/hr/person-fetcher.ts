import { handlerEnvironment } from '../handler-environment-scope.js';
import type { HrConfig } from '../config/hr-config-schema.js';
import { ErrorNames, JmlError } from '../errors.js';
import { bambooHrBaseUrl, fetchBambooHrEmployee } from './bamboohr-api.js';
import { fetchHiBobEmployee, HIBOB_DEFAULT_BASE_URL } from './hibob-api.js';
import type { FetchLike } from './hr-http.js';
import type { HrSecretReader } from './hr-secrets.js';
import type { PersonFetcher } from './resolve-notice.js';
import { bambooHrApiKey, hiBobServiceUser } from './secret-values.js';
import { fieldMapOf } from './vendor-defaults.js';

/**
 * The HR API base URLs may be overridden from the environment (`JML_HR_BAMBOOHR_API_URL`,
 * `JML_HR_HIBOB_API_URL`): local runs point them at the HR simulator.
 */
export const HR_API_URL_VARIABLES = { bamboohr: 'JML_HR_BAMBOOHR_API_URL', hibob: 'JML_HR_HIBOB_API_URL' } as const;

/** Builds the person reader of the resolve action from the config, the environment and the secrets. */
export function createPersonFetcher(options: { hr: HrConfig; secrets: HrSecretReader; env?: NodeJS.ProcessEnv; fetch?: FetchLike; timeoutMs?: number }): PersonFetcher {
  const env = options.env ?? handlerEnvironment();
  const { hr } = options;
  return async (source, employeeId) => {
    if (source === 'bamboohr') {
      const settings = hr.sources.bamboohr;
      if (!settings) throw notConfigured('bamboohr');
      return fetchBambooHrEmployee(employeeId, {
        baseUrl: trimSlash(env[HR_API_URL_VARIABLES.bamboohr]) ?? settings.apiBaseUrl ?? bambooHrBaseUrl(settings.companyDomain),
        apiKey: async () => bambooHrApiKey(await options.secrets('bamboohr-api')),
        fields: fieldMapOf('bamboohr', hr),
        timeoutMs: options.timeoutMs,
        fetch: options.fetch,
      });
    }
    const settings = hr.sources.hibob;
    if (!settings) throw notConfigured('hibob');
    return fetchHiBobEmployee(employeeId, {
      baseUrl: trimSlash(env[HR_API_URL_VARIABLES.hibob]) ?? settings.apiBaseUrl ?? HIBOB_DEFAULT_BASE_URL,
      credentials: async () => hiBobServiceUser(await options.secrets('hibob-api')),
      fields: fieldMapOf('hibob', hr),
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
    });
  };
}

function notConfigured(source: string): JmlError {
  return new JmlError(ErrorNames.Configuration, `An event from ${source} arrived, but hr.sources.${source} is not in the JML config. Add it (see config/jml.example.yaml).`);
}

function trimSlash(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.replace(/\/+$/, '') : undefined;
}
