import * as z from 'zod';
import { ResultsSchema, assertNoFailures, flattenResults } from '../lib/workflow-logic/run-record.js';
import { logicActionHandler } from '../lib/workflow-logic/logic-action.js';

export const inputSchema = z.strictObject({ results: ResultsSchema });
export type VerifyResultsInput = z.output<typeof inputSchema>;

/**
 * A checkpoint between phases (e.g. the mover's adds and removes): passes when every recorded
 * action succeeded, otherwise throws an error named after the first failure so the workflow's
 * Catch sends the run to its failure path with the whole record.
 */
export async function verifyResults(input: VerifyResultsInput): Promise<{ checked: number }> {
  const actions = flattenResults(input.results);
  assertNoFailures(actions);
  return { checked: actions.length };
}

export const handler = logicActionHandler('verifyResults', inputSchema, verifyResults);
