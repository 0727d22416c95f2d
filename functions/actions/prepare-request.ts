import * as z from 'zod';
import { ErrorNames, JmlError } from '../lib/errors.js';
import { formatIssuePath } from '../lib/config/load-jml-config.js';
import { WORKFLOW_INPUT_SCHEMAS, type WorkflowKind } from '../lib/workflow-input/index.js';
import { logicActionHandler, type LogicDeps } from '../lib/workflow-logic/logic-action.js';
import { prepareSweepRequest, type PreparedSweepRequest } from '../lib/sweep/prepare-sweep-request.js';
import type { SweepInput } from '../lib/workflow-input/sweep-input.js';

/** `{ workflow, input }`: the execution input, validated here before any API call. */
export const inputSchema = z.strictObject({
  workflow: z.enum(['joiner', 'mover', 'leaver', 'sweep'], { message: "workflow must be 'joiner', 'mover', 'leaver' or 'sweep'" }),
  input: z.unknown(),
  /** `$$.Execution.Name`: names the sweep's folder in the report store. */
  executionName: z.string().min(1).max(256).optional(),
});
export type PrepareRequestInput = z.output<typeof inputSchema>;

/** The normalized request every later state reads (`$.request`). Every field is always present. */
export interface PreparedRequest {
  workflow: Exclude<WorkflowKind, 'sweep'>;
  dryRun: boolean;
  reason: string;
  /** How findUser looks the user up: exactly one of the two, as findUser's input. */
  lookupBy: 'accountId' | 'email';
  lookup: { accountId: string } | { email: string };
  /** The identifier as given, for messages. */
  identifier: string;
  /** UTC ISO-8601 (`2026-12-01T09:00:00Z`), or '' when not given. */
  effectiveAt: string;
  /** True when effectiveAt is in the future and this is not a dry run: the workflow waits. */
  waitForEffectiveAt: boolean;
  /** HR attributes given in the input (joiner, mover). */
  attributes: { department?: string; jobTitle?: string; location?: string };
  /** Joiner: the invite's display name (given, or derived from the email). */
  displayName: string;
  /** Leaver: days and seconds between suspension and removal. */
  graceDays: number;
  graceSeconds: number;
}

/** Every field any of the three workflow inputs has (each schema's output fits this). */
interface InputFields {
  accountId?: string;
  email?: string;
  name?: string;
  department?: string;
  jobTitle?: string;
  location?: string;
  effectiveAt?: string;
  reason?: string;
  dryRun: boolean;
  graceDays?: number;
}

/** A Standard execution lasts at most 365 days; leave room for the run itself. */
export const MAX_WAIT_DAYS = 360;

/** `jane.doe@x` -> `Jane Doe`: a readable default display name for an invite. */
export function nameFromEmail(email: string): string {
  return email
    .split('@')[0]
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/**
 * Validates the execution input against the workflow's schema and fills in the defaults (dry
 * run off, grace period from the config), so the ASL reads fixed paths and never fails on a
 * missing field.
 * @throws JmlError `Jml.InvalidInput` naming each wrong field, before any Atlassian call.
 */
export async function prepareRequest(request: PrepareRequestInput & { workflow: 'sweep' }, deps: LogicDeps): Promise<PreparedSweepRequest>;
export async function prepareRequest(request: PrepareRequestInput & { workflow: PreparedRequest['workflow'] }, deps: LogicDeps): Promise<PreparedRequest>;
export async function prepareRequest(request: PrepareRequestInput, deps: LogicDeps): Promise<PreparedRequest | PreparedSweepRequest>;
export async function prepareRequest(request: PrepareRequestInput, deps: LogicDeps): Promise<PreparedRequest | PreparedSweepRequest> {
  const { workflow, input } = request;
  const { config, now } = deps;
  const parsed = WORKFLOW_INPUT_SCHEMAS[workflow].safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatIssuePath(issue.path, '(the input)')}: ${issue.message}`);
    throw new JmlError(ErrorNames.InvalidInput, `Invalid ${workflow} input: ${problems.join('; ')}. Fix the execution input; nothing was changed.`);
  }
  if (workflow === 'sweep') return prepareSweepRequest(parsed.data as SweepInput, config, now(), request.executionName ?? `sweep-${now().getTime()}`);
  const data = parsed.data as InputFields;
  const { accountId, email } = data;
  const effective = data.effectiveAt ? new Date(data.effectiveAt) : undefined;
  const graceDays = workflow === 'leaver' ? (data.graceDays ?? config.leaver.graceDays) : 0;
  const waitDays = Math.max(0, ((effective?.getTime() ?? 0) - now().getTime()) / 86_400_000) + graceDays;
  if (waitDays > MAX_WAIT_DAYS) {
    throw new JmlError(
      ErrorNames.InvalidInput,
      `Invalid ${workflow} input: effectiveAt plus the grace period is ${Math.ceil(waitDays)} days away; a Step Functions ` +
        `execution lasts at most a year, so keep it within ${MAX_WAIT_DAYS} days (start the run closer to the date). Nothing was changed.`,
    );
  }
  const attributes = Object.fromEntries(
    (['department', 'jobTitle', 'location'] as const).filter((key) => data[key] !== undefined).map((key) => [key, data[key]]),
  );
  return {
    workflow,
    dryRun: data.dryRun,
    reason: data.reason ?? '',
    lookupBy: accountId !== undefined ? 'accountId' : 'email',
    lookup: accountId !== undefined ? { accountId } : { email: email as string },
    identifier: accountId ?? (email as string),
    // Whole seconds, `Z`: the timestamp form every Wait state (AWS and local) accepts.
    effectiveAt: effective ? effective.toISOString().replace(/\.\d{3}Z$/, 'Z') : '',
    waitForEffectiveAt: effective !== undefined && !data.dryRun && effective.getTime() > now().getTime(),
    attributes,
    displayName: data.name ?? (email ? nameFromEmail(email) : ''),
    graceDays,
    graceSeconds: graceDays * 86_400,
  };
}

export const handler = logicActionHandler('prepareRequest', inputSchema, (input: PrepareRequestInput, deps: LogicDeps) => prepareRequest(input, deps));
