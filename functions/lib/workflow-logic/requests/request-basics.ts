import { ErrorNames, JmlError } from '../../errors.js';

/**
 * What every workflow's prepared request (`$.request`) holds, whatever the workflow. The ASL reads
 * fixed paths, so every field is always present.
 */
export interface RequestBasics {
  dryRun: boolean;
  reason: string;
  /** UTC ISO-8601 (`2026-12-01T09:00:00Z`), or '' when not given. */
  effectiveAt: string;
  /** True when effectiveAt is in the future and this is not a dry run: the workflow waits. */
  waitForEffectiveAt: boolean;
  /** The identifier as given (account id or email), for messages. */
  identifier: string;
}

/** How findUser looks the user up: exactly one of the two, as findUser's input. */
export interface UserLookup {
  lookupBy: 'accountId' | 'email';
  lookup: { accountId: string } | { email: string };
}

/** The fields of the inputs these helpers read. */
export interface BasicInput {
  accountId?: string;
  email?: string;
  effectiveAt?: string;
  reason?: string;
  dryRun: boolean;
  department?: string;
  jobTitle?: string;
  location?: string;
}

/** A Standard execution lasts at most 365 days; leave room for the run itself. */
export const MAX_WAIT_DAYS = 360;

/** Dry run, reason, effective time and whether to wait for it. */
export function requestBasics(workflow: string, data: BasicInput, now: Date, extraWaitDays = 0): RequestBasics {
  const effective = data.effectiveAt ? new Date(data.effectiveAt) : undefined;
  const waitDays = Math.max(0, ((effective?.getTime() ?? 0) - now.getTime()) / 86_400_000) + extraWaitDays;
  if (waitDays > MAX_WAIT_DAYS) {
    throw new JmlError(
      ErrorNames.InvalidInput,
      `Invalid ${workflow} input: effectiveAt plus the grace period is ${Math.ceil(waitDays)} days away; a Step Functions ` +
        `execution lasts at most a year, so keep it within ${MAX_WAIT_DAYS} days (start the run closer to the date). Nothing was changed.`,
    );
  }
  return {
    dryRun: data.dryRun,
    reason: data.reason ?? '',
    // Whole seconds, `Z`: the timestamp form every Wait state (AWS and local) accepts.
    effectiveAt: effective ? effective.toISOString().replace(/\.\d{3}Z$/, 'Z') : '',
    waitForEffectiveAt: effective !== undefined && !data.dryRun && effective.getTime() > now.getTime(),
    identifier: data.accountId ?? data.email ?? '',
  };
}

/** The lookup of an input that names its user by exactly one of accountId and email. */
export function userLookup(data: BasicInput): UserLookup {
  return data.accountId !== undefined
    ? { lookupBy: 'accountId', lookup: { accountId: data.accountId } }
    : { lookupBy: 'email', lookup: { email: data.email as string } };
}

/** HR attributes given in the input (left-out ones are absent, not empty). */
export function givenAttributes(data: BasicInput): { department?: string; jobTitle?: string; location?: string } {
  return Object.fromEntries((['department', 'jobTitle', 'location'] as const).filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));
}
