import { AtlassianError, ErrorNames } from '../../errors.js';
import type { MutationOutcome } from '../directory.js';

/** Which errors mean "the desired end state already holds". */
export type AlreadyWhen = (error: AtlassianError) => boolean;

/** Atlassian codes that mean "the group does not exist" (never "not a member, so done"). */
const GROUP_NOT_FOUND_CODES = new Set(['ADMIN-404-10', 'ADMIN-UAM-404-3']);

/** "Organization not found": the configuration is wrong; never read as "the object is gone". */
const ORG_NOT_FOUND_CODES = new Set(['ADMIN-404-2', 'ADMIN-UAM-404-2']);

const isNotFound = (error: AtlassianError) => error.name === ErrorNames.NotFound && !ORG_NOT_FOUND_CODES.has(error.code ?? '');

export const whenConflict: AlreadyWhen = (error) => error.name === ErrorNames.Conflict;
export const whenNotFound: AlreadyWhen = isNotFound;
/** 404 on removing a membership: the user is not in the group, unless the group itself is missing. */
export const whenNotAMember: AlreadyWhen = (error) => isNotFound(error) && !GROUP_NOT_FOUND_CODES.has(error.code ?? '');

/**
 * Runs a mutation and reports `done`, or `already` when Atlassian's error says the desired end
 * state already holds (e.g. 409 "already a member"). Every other error propagates with its name.
 */
export async function mutate(run: () => Promise<unknown>, alreadyWhen: AlreadyWhen): Promise<MutationOutcome> {
  try {
    await run();
    return 'done';
  } catch (error) {
    if (error instanceof AtlassianError && alreadyWhen(error)) return 'already';
    throw error;
  }
}

/** Looks up something that may not exist: `null` on NotFound (not on "organization not found"). */
export async function orNull<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AtlassianError && isNotFound(error)) return null;
    throw error;
  }
}
