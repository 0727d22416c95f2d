import type { V2InviteResponse } from '../schemas/v2-invite.js';

/** Admin-readable lines for every group or role Atlassian could not assign in a 206 invite. */
export function inviteWarnings(response: V2InviteResponse): string[] {
  const warnings: string[] = [];
  for (const invitee of response.data) {
    for (const result of invitee.results ?? []) {
      for (const group of result.groupAssignmentResult ?? []) {
        if (group.status === 'ERROR') warnings.push(`${invitee.email ?? 'invitee'}: not added to group ${group.group ?? '?'}${reason(group.statusReason)}`);
      }
      for (const role of result.roleAssignmentResult ?? []) {
        if (role.status === 'ERROR') {
          warnings.push(`${invitee.email ?? 'invitee'}: role ${role.role ?? '?'} on ${role.resource ?? '?'} not granted${reason(role.statusReason)}`);
        }
      }
    }
  }
  return warnings.length ? warnings : ['Atlassian reported that part of the invitation failed (HTTP 206) without details.'];
}

function reason(text: string | null | undefined): string {
  return text ? ` (${text})` : '';
}
