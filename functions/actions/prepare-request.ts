import * as z from 'zod';
import { ErrorNames, JmlError } from '../lib/errors.js';
import { describeIssues } from '../lib/zod-issues.js';
import { logicActionHandler, type LogicDeps } from '../lib/workflow-logic/logic-action.js';
import { WORKFLOWS, PreparedWorkflowNameSchema, type PrepareContext, type PreparedRequest, type PreparedRequestOf, type PreparedWorkflowName } from '../../workflows/catalog.js';

export type { PreparedRequest } from '../../workflows/catalog.js';
export { MAX_WAIT_DAYS } from '../lib/workflow-logic/requests/request-basics.js';
export { nameFromEmail } from '../lib/workflow-logic/requests/joiner-request.js';

/** `{ workflow, input }`: the execution input, validated here before any API call. */
export const inputSchema = z.strictObject({
  workflow: PreparedWorkflowNameSchema,
  input: z.unknown(),
  /** `$$.Execution.Name`: names the sweep's folder in the report store. */
  executionName: z.string().min(1).max(256).optional(),
});
export type PrepareRequestInput = z.output<typeof inputSchema>;

/**
 * Validates the execution input against the workflow's schema and fills in the defaults (dry
 * run off, grace period from the config), so the ASL reads fixed paths and never fails on a
 * missing field. Each workflow's request shape is its catalog entry's (workflows/catalog.ts).
 * @throws JmlError `Jml.InvalidInput` naming each wrong field, before any Atlassian call.
 */
export async function prepareRequest<Name extends PreparedWorkflowName>(
  request: PrepareRequestInput & { workflow: Name },
  deps: LogicDeps,
): Promise<PreparedRequestOf<Name>>;
export async function prepareRequest(request: PrepareRequestInput, deps: LogicDeps): Promise<PreparedRequest>;
export async function prepareRequest({ workflow, input, executionName }: PrepareRequestInput, { config, now }: LogicDeps): Promise<PreparedRequest> {
  const entry = WORKFLOWS[workflow];
  const parsed = entry.inputSchema.safeParse(input);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, '(the input)');
    throw new JmlError(ErrorNames.InvalidInput, `Invalid ${workflow} input: ${problems.join('; ')}. Fix the execution input; nothing was changed.`);
  }
  // The entry's prepare takes its own schema's output; the union of entries cannot say so to TS.
  const prepare = entry.prepare as (data: unknown, context: PrepareContext) => PreparedRequest;
  return prepare(parsed.data, { config, now: now(), ...(executionName ? { executionName } : {}) });
}

export const handler = logicActionHandler('prepareRequest', inputSchema, (input: PrepareRequestInput, deps: LogicDeps) => prepareRequest(input, deps));
