import { CLI_OPTIONS } from './cli-options.js';
import { renderJsonSchema, wrapText } from './render-json-schema.js';
import { readInputJsonSchema } from '../engine/workflow-input.js';
import { WORKFLOW_NAMES } from '../engine/workflow-definition.js';
import { executionUsageLines } from './execution-usage.js';

/** Every command (all eight), as printed after a wrong one and at the top of `--help`. */
export const USAGE_LINES = [
  'Usage:',
  '  npm run jml -- run <workflow> --input <file|json|-> [--dry-run] [options]',
  '  npm run jml -- run sweep [--dry-run]              inactivity sweep (its input is optional)',
  '  npm run jml -- schema <workflow>                  print the input JSON Schema',
  '  npm run jml -- check-config [--config F] [--api-url U --org-id O]',
  '                                                   check the config against the org',
  '  npm run jml -- start <workflow> --input <file|json|-> [--name N]',
  '                                                   start an execution on the local runtime (or --aws)',
  '  npm run jml -- executions [--workflow W] [--status S]',
  '  npm run jml -- describe | history | stop <execution name|arn>',
  '  npm run jml -- --help | --version',
  `  <workflow> is one of ${WORKFLOW_NAMES.join(', ')}`,
];

const SYNOPSIS = `jml: joiner / mover / leaver workflows and the inactivity sweep for an Atlassian Cloud organization, run locally.

${USAGE_LINES.join('\n')}

Example:
  npm run jml -- run leaver --input '{"email":"ada@acme.example"}' --api-url https://api.atlassian.com/admin --org-id ORG

Without --api-url the workflow runs against an embedded simulator with the demo org (nothing real is
touched). Progress goes to stderr, the output JSON to stdout (pipe it with \`npm run -s jml -- ...\`:
without -s npm prints its own banner on stdout). A failed execution prints {status, error, cause,
record} where record is what the workflow had done.
Exit codes: 0 execution succeeded, 1 execution failed, 2 bad usage or invalid input (nothing was called)
or a config the org does not fit (nothing was changed), 130 stopped by Ctrl-C (during a real wait: nothing
further was changed; the record so far is printed).

Before a run that may change something, run checks the config against the org as check-config does (a
dry run is not checked; --no-check skips it). With --api-url a success is remembered for an hour per
config, API and org in <--data>/config-checks.json (default .jml/).

check-config validates the config file (as run does), then looks up every group the access rules
grant, every role resource (the resources aliases and raw ARIs: the org's workspaces) and every
protected account in the org, the embedded simulator's demo org unless --api-url is given, and lists
each entry the org does not have (e.g. accessRules[2].grant.groups[0]: group "finanse" does not exist
in the org). Reads only: about 4 API calls for a whole config. Exit 0 config OK, 1 the org could not
be read, 2 the config is wrong.`;

/** The full `--help` text: synopsis, every option, and the input of every workflow. */
export async function usageText(): Promise<string> {
  const optionLines = Object.entries(CLI_OPTIONS).map(([name, spec]) => {
    const flag = `${'short' in spec ? `-${spec.short}, ` : '    '}--${name}${'value' in spec ? ` ${spec.value}` : ''}`;
    return wrapText(`  ${flag.padEnd(34)} ${spec.help}`, 37).join('\n');
  });
  const inputs: string[] = [];
  for (const workflow of WORKFLOW_NAMES) {
    const schema = await readInputJsonSchema(workflow);
    inputs.push(`  ${workflow}:`);
    inputs.push(...(schema ? renderJsonSchema(schema) : [`    (workflows/schemas/${workflow}.input.schema.json not generated yet)`]));
  }
  // The options win over these; each is what the handlers read in AWS (docs/contracts.md).
  const environment = [
    '  ATLASSIAN_API_KEY        org API key for --api-url (instead of --api-key)',
    '  ATLASSIAN_ORG_ID         org id for --api-url (instead of --org-id)',
    '  ATLASSIAN_DIRECTORY_API  v1 or v2: default for --directory-api (also with the embedded simulator)',
    '  ATLASSIAN_DIRECTORY_ID   v2 directory id for --api-url (instead of --directory-id)',
    '  JML_CONFIG               access rules as inline JSON, used when --config is not given',
    '  JML_CONFIG_FILE          default for --config',
    '  JML_ENDPOINT             default for --endpoint (the local runtime\'s Step Functions endpoint)',
    '  AWS_REGION, AWS_PROFILE  with --aws: region and credentials (the AWS SDK\'s default chain)',
  ];
  return [SYNOPSIS, '', 'Options:', ...optionLines, '', ...executionUsageLines(), '', 'Environment:', ...environment, '', 'Workflow inputs (camelCase JSON; full JSON Schema: jml schema <workflow>, or workflows/schemas/):', ...inputs, ''].join('\n');
}
