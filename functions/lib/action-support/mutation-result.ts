import type { MutationOutcome } from '../atlassian/directory.js';
import { actionResult, type ActionResult } from '../action-result.js';

/** What to tell the admin for each outcome of a mutation. */
export interface MutationDetails {
  done: string;
  /** The API reported that the end state already held (a repeat of an earlier call). */
  already: string;
}

/** The action's result for a mutation's outcome, with the detail that fits the outcome. */
export function mutationResult(action: string, target: string, outcome: MutationOutcome, details: MutationDetails): ActionResult {
  return actionResult(action, target, outcome, outcome === 'done' ? details.done : details.already);
}
