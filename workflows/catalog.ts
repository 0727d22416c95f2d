import * as z from 'zod';
import type { JmlConfig } from '../functions/lib/config/jml-config-schema.js';
import { prepareJoinerRequest } from '../functions/lib/workflow-logic/requests/joiner-request.js';
import { prepareLeaverRequest } from '../functions/lib/workflow-logic/requests/leaver-request.js';
import { prepareMoverRequest } from '../functions/lib/workflow-logic/requests/mover-request.js';
import { plannedAccessActions, plannedLeaverActions, type PlannedAction } from '../functions/lib/workflow-logic/planned-actions.js';
import type { RunStateView } from '../functions/lib/workflow-logic/run-state.js';
import { JoinerInputSchema } from './inputs/joiner.input.js';
import { LeaverInputSchema } from './inputs/leaver.input.js';
import { MoverInputSchema } from './inputs/mover.input.js';
import { HrEventInputSchema } from '../functions/lib/hr/hr-notice.js';
import { SweepInputSchema } from './inputs/sweep.input.js';
import { prepareSweepRequest } from '../functions/lib/sweep/prepare-sweep-request.js';

/** What `prepare` may read besides the input. */
export interface PrepareContext {
  config: JmlConfig;
  now: Date;
  /** `$$.Execution.Name`, when the workflow passes it (the sweep names its report folder after it). */
  executionName?: string;
}

/** One workflow: its input, how its `$.request` is prepared, what its dry run plans. */
export interface WorkflowEntry<Schema extends z.ZodType, Request> {
  /** One line for `--help`, docs and the console. */
  summary: string;
  /** The execution input's schema (published as `workflows/schemas/<name>.input.schema.json`). */
  inputSchema: Schema;
  /** The normalized request every later state reads (`$.request`); workflows without a `PrepareRequest` state have none. */
  prepare?(input: z.output<Schema>, context: PrepareContext): Request;
  /** A dry run's list of what a real run would do (workflows that have dry runs). */
  planned?(state: RunStateView): PlannedAction[];
}

const entry = <Schema extends z.ZodType, Request>(workflow: WorkflowEntry<Schema, Request>) => workflow;

/**
 * THE list of workflows. Each is also `workflows/<name>.asl.json`, generated from
 * `workflows/definitions/<name>-definition.ts`; every other list (CLI, engine, infra, the
 * prepare/summary actions, the published schemas) derives from this one. Adding a workflow is one
 * entry here, its definition, and its tests.
 */
export const WORKFLOWS = {
  joiner: entry({
    summary: 'Invite the new hire (or restore a rehire) and grant the access the rules give.',
    inputSchema: JoinerInputSchema,
    prepare: (input, { now }) => prepareJoinerRequest(input, now),
    planned: (state) => plannedAccessActions('joiner', state),
  }),
  mover: entry({
    summary: 'Change only the groups and roles the rules manage: adds first, then removals.',
    inputSchema: MoverInputSchema,
    prepare: (input, { now }) => prepareMoverRequest(input, now),
    planned: (state) => plannedAccessActions('mover', state),
  }),
  leaver: entry({
    summary: 'Suspend, remove group memberships, and after the grace period remove from the directory.',
    inputSchema: LeaverInputSchema,
    prepare: (input, { config, now }) => prepareLeaverRequest(input, config, now),
    planned: plannedLeaverActions,
  }),
  sweep: entry({
    summary: 'Scheduled inactivity sweep: find inactive accounts from last-active dates, reclaim licences or suspend, within a blast-radius limit, with a report.',
    inputSchema: SweepInputSchema,
    prepare: (input, { config, now, executionName }) => prepareSweepRequest(input, config, now, executionName ?? `sweep-${now.getTime()}`),
    // The sweep's plan is its report (summarizeSweep), not a per-user list.
    planned: () => [],
  }),
  /** Started by the HR webhook receiver (docs/webhooks.md): call the HR system back, start the mapped workflow. */
  'hr-event': entry({
    summary: 'One verified HR webhook delivery: resolve each person through the HR API and start their joiner, mover or leaver.',
    inputSchema: HrEventInputSchema,
  }),
};

export type WorkflowName = keyof typeof WORKFLOWS;
export const WORKFLOW_NAMES = Object.keys(WORKFLOWS) as WorkflowName[];

/** A workflow's prepared request type, e.g. `PreparedRequestOf<'leaver'>`. */
export type PreparedRequestOf<Name extends PreparedWorkflowName> = ReturnType<NonNullable<(typeof WORKFLOWS)[Name]['prepare']>>;
export type PreparedRequest = PreparedRequestOf<PreparedWorkflowName>;

/** The workflows whose first state is `PrepareRequest` (and which have dry runs). */
export const PREPARED_WORKFLOW_NAMES = ['joiner', 'mover', 'leaver', 'sweep'] as const satisfies readonly WorkflowName[];
export type PreparedWorkflowName = (typeof PREPARED_WORKFLOW_NAMES)[number];

/** `workflow` fields of the PrepareRequest / Summarize / RecordFailure actions. */
export const PreparedWorkflowNameSchema = z.enum(PREPARED_WORKFLOW_NAMES, {
  message: `workflow must be one of ${PREPARED_WORKFLOW_NAMES.map((name) => `'${name}'`).join(', ')}`,
});

export function isWorkflowName(value: string): value is WorkflowName {
  return Object.hasOwn(WORKFLOWS, value);
}

/** `workflow` fields of action inputs: one of the catalog's names. */
export const WorkflowNameSchema = z.enum(WORKFLOW_NAMES as [WorkflowName, ...WorkflowName[]], {
  message: `workflow must be one of ${WORKFLOW_NAMES.map((name) => `'${name}'`).join(', ')}`,
});
