import { CLOCK_PATH } from './http/clock-route.js';
import type { RunningRuntime } from './start-runtime.js';
import { webhookSourceLines } from './webhook-sources-status.js';

/** What `npm start` prints once it serves: where to send requests, what it hosts, where its data is. */
export function runtimeBanner(runtime: RunningRuntime): string {
  const org = runtime.api.embedded
    ? `embedded simulator ${runtime.api.baseUrl} (demo org ${runtime.api.orgId}; control ${runtime.simulatorControlUrl}; its state lives in memory)`
    : `${runtime.api.baseUrl} (org ${runtime.api.orgId})`;
  const clock = runtime.clockMode === 'manual'
    ? `manual: only POST ${runtime.endpoint}${CLOCK_PATH} {"advanceMs":N} | {"setTime":ISO} moves it`
    : 'system';
  const { running, waiting } = runtime.resumed;
  return [
    `jml runtime: Step Functions API (AWS JSON 1.0) at ${runtime.endpoint}`,
    '  state machines:',
    ...runtime.stateMachines.map((machine) => `    ${machine.arn}`),
    `  Atlassian Admin API: ${org}`,
    `  data: ${runtime.dataFile} (SQLite, WAL)`,
    `  clock: ${clock}`,
    `  concurrency: ${runtime.concurrency} executions running states at once`,
    `  resumed: ${running} running execution(s), ${waiting} of them in a Wait`,
    `  HR webhooks: POST ${runtime.endpoint}/webhooks/{bamboohr|hibob|standard} (secrets from JML_HR_* variables, docs/webhooks.md)`,
    ...webhookSourceLines(runtime.webhookSources, '    '),
    runtime.sweepSchedule
      ? `  inactivity sweep: "${runtime.sweepSchedule.cron}" ${runtime.sweepSchedule.timeZone}, next ${runtime.sweepSchedule.nextRun.toISOString()}`
      : '  inactivity sweep: not scheduled (--sweep-schedule off)',
    `  try: AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local aws stepfunctions list-state-machines --endpoint-url ${runtime.endpoint} --region us-east-1`,
    'Ctrl-C stops; running executions are kept and continue at the next start.',
  ].join('\n');
}
