import type { MutationOutcome } from '../atlassian/directory.js';
import { actionResult, type ActionResult } from '../action-result.js';
import { AtlassianError, ErrorNames } from '../errors.js';
import { mutationResult, type MutationDetails } from './mutation-result.js';

/**
 * Atlassian's documented 403 codes for "this group is not yours to change": the v1 API does not
 * say up front which groups are IdP-synced, it refuses the change. Such a refusal is a deliberate
 * non-action for the workflow (`skipped` with the reason), not a failure.
 */
const GROUP_REFUSALS: Readonly<Record<string, string>> = {
  'ADMIN-403-5': 'Atlassian does not allow managing this group through the API (ADMIN-403-5), typically because an identity provider syncs it; make the change there.',
  'ADMIN-403-6': 'Atlassian does not allow deleting a group that grants default product access (ADMIN-403-6); change the product defaults first.',
  'ADMIN-403-7': 'Atlassian does not allow this change to the group (ADMIN-403-7).',
};

/** The admin-readable reason when `error` is Atlassian refusing to let us manage a group, else undefined. */
export function groupRefusalReason(error: unknown): string | undefined {
  if (!(error instanceof AtlassianError) || error.name !== ErrorNames.Forbidden || error.code === undefined) return undefined;
  return GROUP_REFUSALS[error.code];
}

/** Runs a group mutation; a documented group refusal becomes `{ refused: reason }` instead of an error. */
export async function unlessGroupRefused<T>(mutation: () => Promise<T>): Promise<{ value: T } | { refused: string }> {
  try {
    return { value: await mutation() };
  } catch (error) {
    const reason = groupRefusalReason(error);
    if (reason === undefined) throw error;
    return { refused: reason };
  }
}

/** Runs a group mutation and reports its outcome; a documented group refusal is `skipped` with the reason. */
export async function groupMutationResult(
  action: string,
  target: string,
  mutation: () => Promise<MutationOutcome>,
  details: MutationDetails,
): Promise<ActionResult> {
  const attempt = await unlessGroupRefused(mutation);
  if ('refused' in attempt) return actionResult(action, target, 'skipped', attempt.refused);
  return mutationResult(action, target, attempt.value, details);
}
