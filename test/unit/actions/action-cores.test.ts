import { describe, expect, it } from 'vitest';
import { suspendUser } from '../../../functions/actions/suspend-user.js';
import { addToGroup } from '../../../functions/actions/add-to-group.js';
import { createDirectory } from '../../../functions/lib/atlassian/directory/create-directory.js';
import type { Directory, DirectoryUser } from '../../../functions/lib/atlassian/directory.js';
import { AtlassianError, ErrorNames } from '../../../functions/lib/errors.js';
import { rootLogger } from '../../../functions/lib/observability.js';
import { CANARY_API_KEY, EMAIL, accountIdOf, useSimulator } from './simulator-harness.js';

const harness = useSimulator();

const USER: DirectoryUser = {
  accountId: 'acc-1', email: 'a@acme.example', name: 'A', accountStatus: 'active', membershipStatus: 'active',
  managementSource: 'invited', platformRoles: [],
};

/** A Directory whose every method fails unless the test provides it. */
function fakeDirectory(methods: Partial<Directory>): Directory {
  return new Proxy(methods as Directory, {
    get: (target, prop) => (prop in target ? target[prop as keyof Directory] : () => Promise.reject(new Error(`unexpected call ${String(prop)}`))),
  });
}

describe('action cores without middy (how the local engine and tests inject a Directory)', () => {
  it('runs a core against a Directory built by the caller', async () => {
    // Prepare
    const directory = await createDirectory({ orgId: harness.sim.orgId, baseUrl: harness.sim.baseUrl, apiKey: async () => CANARY_API_KEY });

    // Act
    const result = await suspendUser({ accountId: accountIdOf(EMAIL.active) }, { directory, logger: rootLogger });

    // Assess
    expect(result).toMatchObject({ action: 'suspendUser', outcome: 'done' });
  });

  it('reports already when the API says so although the pre-check did not (a concurrent run got there first)', async () => {
    // Prepare
    const directory = fakeDirectory({
      findUserByAccountId: async () => USER,
      suspendUser: async () => 'already',
    });

    // Act
    const result = await suspendUser({ accountId: 'acc-1' }, { directory, logger: rootLogger });

    // Assess
    expect(result).toMatchObject({ outcome: 'already', detail: 'The user was already suspended.' });
  });

  it('turns a documented group refusal (ADMIN-403-5) into skipped, but lets other 403s fail', async () => {
    // Prepare
    const refusing = (code: string) =>
      fakeDirectory({
        findGroupByName: async () => ({ id: 'g-1', name: 'all-staff', synced: false }),
        getUserGroups: async () => [],
        addToGroup: async () => {
          throw new AtlassianError(ErrorNames.Forbidden, 'refused', { operation: 'v1.addUserToGroup', status: 403, code });
        },
      });
    const input = { accountId: 'acc-1', groupName: 'all-staff' };

    // Act
    const skipped = await addToGroup(input, { directory: refusing('ADMIN-403-5'), logger: rootLogger });
    const failed = addToGroup(input, { directory: refusing('ADMIN-403-3'), logger: rootLogger });

    // Assess
    expect(skipped).toMatchObject({ outcome: 'skipped', detail: expect.stringMatching(/identity provider syncs it/) });
    await expect(failed).rejects.toMatchObject({ name: 'Atlassian.Forbidden', code: 'ADMIN-403-3' });
  });
});
