import type { Directory, DirectoryGroup } from '../atlassian/directory.js';
import { AtlassianError, ErrorNames } from '../errors.js';

/** How an input names a group: by id or by exact name. */
export interface GroupRefInput {
  groupId?: string;
  groupName?: string;
}

/** `id 123` or `name "Engineering"`: how a group is named in results and messages. */
export function describeGroupRef(ref: GroupRefInput): string {
  return ref.groupId !== undefined ? `group ${ref.groupId}` : `group "${ref.groupName}"`;
}

/** Looks the group up by whichever reference the input used; `null` when it does not exist. */
export async function findGroup(directory: Directory, ref: GroupRefInput): Promise<DirectoryGroup | null> {
  if (ref.groupId !== undefined) return directory.getGroup(ref.groupId);
  if (ref.groupName !== undefined) return directory.findGroupByName(ref.groupName);
  throw new TypeError('findGroup needs groupId or groupName (the input schema should have enforced this)');
}

/**
 * Like `findGroup`, but a missing group is an `Atlassian.NotFound` error: for actions (add a
 * member, assign a role) whose desired state cannot hold without the group.
 */
export async function requireGroup(directory: Directory, ref: GroupRefInput, operation: string): Promise<DirectoryGroup> {
  const group = await findGroup(directory, ref);
  if (group) return group;
  throw new AtlassianError(
    ErrorNames.NotFound,
    `The ${describeGroupRef(ref)} does not exist in this organization's directory. ` +
      'Create the group first (createGroup) or correct the access rules that name it.',
    { operation },
  );
}
