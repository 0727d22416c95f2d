import { loadJmlConfigFile, type JmlConfig } from '../functions/lib/config/index.js';
import { DeployConfigError } from './deploy-config.js';
import { fromProjectRoot } from './project-paths.js';

/**
 * Lambda caps the environment of a function at 4 KB in total; the config travels in `JML_CONFIG`
 * and the other variables need room too.
 */
export const MAX_JML_CONFIG_BYTES = 3_500;

/** The access rules and protected accounts, validated, and the JSON the handlers receive. */
export interface AccessConfig {
  config: JmlConfig;
  /** Compact JSON of the validated config (defaults applied), the value of `JML_CONFIG`. */
  json: string;
}

/**
 * Loads and validates the access-rules / protected-accounts file with the same schema the handlers
 * use at run time, so a config the handlers would reject never deploys.
 * @throws DeployConfigError naming the wrong entries, or when the config is too large for Lambda.
 */
export function loadAccessConfig(configFile: string): AccessConfig {
  let config: JmlConfig;
  try {
    config = loadJmlConfigFile(fromProjectRoot(configFile));
  } catch (error) {
    throw new DeployConfigError(`configFile (${configFile}): ${(error as Error).message}`, { cause: error });
  }
  const json = JSON.stringify(config);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_JML_CONFIG_BYTES) {
    throw new DeployConfigError(
      `configFile (${configFile}): the validated config is ${bytes} bytes as JSON, more than the ${MAX_JML_CONFIG_BYTES} bytes ` +
        'that fit in a Lambda environment (4 KB in total). Shorten descriptions, merge rules or use resource aliases.',
    );
  }
  return { config, json };
}
