import type { Directory, DirectoryUser } from '../atlassian/directory.js';
import { AtlassianError, ErrorNames } from '../errors.js';

/**
 * Looks a user up by account id; an unknown user is an `Atlassian.NotFound` error whose message
 * an admin can act on. The workflow decides whether that ends the run or is fine.
 */
export async function requireUser(directory: Directory, accountId: string, operation: string): Promise<DirectoryUser> {
  const user = await directory.findUserByAccountId(accountId);
  if (user) return user;
  throw new AtlassianError(
    ErrorNames.NotFound,
    `No user with account id ${accountId} exists in this organization's directory. ` +
      'Check the account id (admin.atlassian.com > Directory > Users) or the HR record it came from.',
    { operation },
  );
}
