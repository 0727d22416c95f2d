import * as z from 'zod';
import type { UserLastActive } from '../lib/atlassian/directory.js';
import { AccountIdSchema } from '../lib/action-support/inputs.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({ accountId: AccountIdSchema });
export type GetLastActiveDatesInput = z.output<typeof inputSchema>;

/** Last-active date per product and overall, for inactivity sweeps (Atlassian: 200 requests/min per org). */
export async function getLastActiveDates(input: GetLastActiveDatesInput, { directory }: DirectoryDeps): Promise<UserLastActive> {
  return directory.getLastActiveDates(input.accountId);
}

export const handler = directoryActionHandler('getLastActiveDates', inputSchema, getLastActiveDates);
