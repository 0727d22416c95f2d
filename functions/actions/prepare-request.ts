import * as z from 'zod';
import { ErrorNames, JmlError } from '../lib/errors.js';
import { formatIssuePath } from '../lib/config/load-jml-config.js';
import { WORKFLOW_INPUT_SCHEMAS, type WorkflowKind } from '../lib/workflow-input/index.js';
import { logicActionHandler, type LogicDeps } from '../lib/workflow-logic/logic-action.js';

/** `{ workflow, input }`: the execution input, validated here before any API call. */
export const inputSchema = z.strictObject({
  workflow: z.enum(['joiner', 'mover', 'leaver'], { message: "workflow must be 'joiner', 'mover' or 'leaver'" }),
  input: z.unknown(),
});
export type PrepareRequestInput = z.output<typeof inputSchema>;

/** The normalized request every later state reads (`$.request`). Every field is always present. */
export interface PreparedRequest {
  workflow: WorkflowKind;
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
  /** Leaver: go ahead although the org-wide daily brake is engaged (a person decided so). */
  overrideLimits: boolean;
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
  overrideLimits?: boolean;
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
export async function prepareRequest({ workflow, input }: PrepareRequestInput, { config, now }: LogicDeps): Promise<PreparedRequest> {
  const parsed = WORKFLOW_INPUT_SCHEMAS[workflow].safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatIssuePath(issue.path, '(the input)')}: ${issue.message}`);
    throw new JmlError(ErrorNames.InvalidInput, `Invalid ${workflow} input: ${problems.join('; ')}. Fix the execution input; nothing was changed.`);
  }
  const data: InputFields = parsed.data;
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
    overrideLimits: data.overrideLimits === true,
  };
}

export const handler = logicActionHandler('prepareRequest', inputSchema, prepareRequest);
