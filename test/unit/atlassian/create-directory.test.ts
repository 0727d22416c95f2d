import { beforeEach, describe, expect, it } from 'vitest';
import { createDirectory } from '../../../functions/lib/atlassian/directory/create-directory.js';
import { clearDirectoryIdCache } from '../../../functions/lib/atlassian/directory/directory-id.js';

/** A fetch that serves `GET …/directories` and `GET …/users/{id}` and counts calls per path. */
function fakeAtlassian(directories: Array<{ directoryId: string; name?: string }>) {
  const calls: string[] = [];
  const fetch = (async (url: string) => {
    const path = new URL(url).pathname;
    calls.push(path);
    if (path.endsWith('/directories')) return Response.json({ data: directories, links: {} });
    const user = { accountId: 'u1', email: 'u1@x.test', name: 'U', accountStatus: 'active', membershipStatus: 'active' };
    return Response.json({ data: user });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const base = { orgId: 'org-1', baseUrl: 'https://admin.example.test/admin', apiKey: async () => 'k' };

describe('createDirectory', () => {
  beforeEach(() => clearDirectoryIdCache());

  it('builds the v2 directory by default and discovers the directory id once, across instances', async () => {
    // Prepare
    const { fetch, calls } = fakeAtlassian([{ directoryId: 'dir-9', name: 'Main' }]);
    // Act: two "invocations" of a warm container
    const first = await createDirectory({ ...base, fetch });
    await first.findUserByAccountId('u1');
    const second = await createDirectory({ ...base, fetch });
    await second.findUserByAccountId('u1');
    // Assess
    expect(first.generation).toBe('v2');
    expect(calls.filter((p) => p.endsWith('/directories'))).toHaveLength(1);
    expect(calls.filter((p) => p.includes('/directories/dir-9/users/u1'))).toHaveLength(2);
  });

  it('checks a configured directory id once against the org, then uses it', async () => {
    const { fetch, calls } = fakeAtlassian([{ directoryId: 'configured' }, { directoryId: 'other' }]);
    const directory = await createDirectory({ ...base, fetch, directoryId: 'configured' });
    await directory.findUserByAccountId('u1');
    await directory.findUserByAccountId('u1');
    expect(calls).toEqual([
      '/admin/v2/orgs/org-1/directories',
      '/admin/v2/orgs/org-1/directories/configured/users/u1',
      '/admin/v2/orgs/org-1/directories/configured/users/u1',
    ]);
  });

  it('refuses a configured directory id the org does not have, instead of finding nobody', async () => {
    const { fetch } = fakeAtlassian([{ directoryId: 'real', name: 'Main' }]);
    const directory = await createDirectory({ ...base, fetch, directoryId: 'typo' });
    await expect(directory.findUserByAccountId('u1')).rejects.toMatchObject({
      name: 'Jml.Configuration',
      message: expect.stringContaining('ATLASSIAN_DIRECTORY_ID typo is not a directory of organization org-1 (it has: real (Main))'),
    });
  });

  it('refuses to guess between several directories, naming them', async () => {
    const { fetch } = fakeAtlassian([{ directoryId: 'a', name: 'Staff' }, { directoryId: 'b', name: 'Customers' }]);
    const directory = await createDirectory({ ...base, fetch });
    await expect(directory.findUserByAccountId('u1')).rejects.toMatchObject({
      name: 'Jml.Configuration',
      message: expect.stringMatching(/a \(Staff\), b \(Customers\).*ATLASSIAN_DIRECTORY_ID/),
    });
  });

  it('does not cache a failed discovery', async () => {
    const empty = fakeAtlassian([]);
    await expect((await createDirectory({ ...base, fetch: empty.fetch })).findUserByAccountId('u1')).rejects.toMatchObject({ name: 'Jml.Configuration' });
    const fixed = fakeAtlassian([{ directoryId: 'dir-1' }]);
    await expect((await createDirectory({ ...base, fetch: fixed.fetch })).findUserByAccountId('u1')).resolves.toMatchObject({ accountId: 'u1' });
  });

  it('builds the v1 directory when configured', async () => {
    const { fetch } = fakeAtlassian([]);
    await expect(createDirectory({ ...base, fetch, generation: 'v1' })).resolves.toMatchObject({ generation: 'v1' });
  });
});
