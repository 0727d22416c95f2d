/**
 * The JML config's public entry for code outside functions/ (infra, the CLI, the local runtime):
 * load and validate a config, its types, and the check against an org. Everything else in this
 * folder is the handlers' own.
 */
export { loadJmlConfig, loadJmlConfigFile } from './load-jml-config.js';
export type { JmlConfig, AccessRule, ProtectedAccount } from './jml-config-schema.js';
export { checkConfigAgainstOrg, describeOrgProblem } from './check-config-against-org.js';
