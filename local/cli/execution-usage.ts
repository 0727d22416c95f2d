import { EXECUTION_OPTIONS } from './execution-options.js';
import { wrapText } from './render-json-schema.js';
import { WORKFLOW_NAMES } from '../engine/workflow-definition.js';

const SYNOPSIS = `Manual executions, on the local runtime (\`npm start\`, default http://127.0.0.1:8083) or with --aws on AWS Step Functions:
  npm run jml -- start <${WORKFLOW_NAMES.join('|')}> --input <file|json|-> [--name N] [--dry-run]
  npm run jml -- executions [--workflow W] [--status RUNNING|SUCCEEDED|FAILED|ABORTED|TIMED_OUT] [--limit N | --all] [--next-token T]
  npm run jml -- describe <name|arn>             status, dates, input, output or error and cause
  npm run jml -- history <name|arn>              state by state: entered, exited, retries, errors, waits
  npm run jml -- stop <name|arn> [--cause TEXT]
  npm run jml -- start leaver --input leaver.json --name leaver-HR-1234 --aws [--stack AtlassianJml] [--region eu-west-1]

start validates the input (the workflow's schema) and --name before anything is started; the sweep's input
is optional (as for run). Starting a name that is still running with the same input starts nothing: start
says so and prints that execution's ARN (Step Functions' idempotency). A bare name is
looked up among the workflows' state machines (local: jml-<workflow>; AWS: <stack>-<workflow>).
Tables on stdout; --json prints JSON instead (messages stay on stderr). Exit codes: 0 done, 1 a call
failed (describe and history: also when the execution FAILED, TIMED_OUT or was ABORTED), 2 bad usage or input.`;

/** The `--help` section of the manual-execution commands and their options. */
export function executionUsageLines(): string[] {
  const options = Object.entries(EXECUTION_OPTIONS)
    .filter(([, spec]) => spec.help !== '')
    .map(([name, spec]) => {
      const flag = `${'short' in spec ? `-${spec.short}, ` : '    '}--${name}${'value' in spec ? ` ${spec.value}` : ''}`;
      return wrapText(`  ${flag.padEnd(34)} ${spec.help}`, 37).join('\n');
    });
  return [SYNOPSIS, '', 'Options of the manual-execution commands (--input and --dry-run as for run):', ...options];
}
