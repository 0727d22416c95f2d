import type { Directory } from '../../functions/lib/atlassian/directory.js';

/** What the demo shows of one person: as the Admin API reports it, not from simulator internals. */
export interface PersonView {
  email: string;
  name?: string;
  /** `active`, `suspended`, `removed` (no membership) or `absent` (unknown to the org). */
  status: string;
  groups: string[];
  roles: string[];
}

/** Reads the given people through the same Directory client the handlers use. */
export async function snapshotPeople(directory: Directory, emails: readonly string[], roleNames: (resourceId: string) => string): Promise<PersonView[]> {
  const views: PersonView[] = [];
  for (const email of emails) {
    const user = await directory.findUserByEmail(email);
    if (!user) {
      views.push({ email, status: 'absent', groups: [], roles: [] });
      continue;
    }
    const removed = user.membershipStatus === 'no_membership';
    const groups = removed ? [] : (await directory.getUserGroups(user.accountId)).map((g) => (g.synced ? `${g.name} (IdP)` : g.name));
    const roles = removed ? [] : (await directory.getUserRoleAssignments(user.accountId)).map((r) => `${roleNames(r.resourceId)}:${r.role.replace(/^atlassian\//, '')}`);
    views.push({ email, name: user.name, status: removed ? 'removed' : user.membershipStatus, groups: groups.sort(), roles: roles.sort() });
  }
  return views;
}

/** A fixed-width table, one row per person; long group lists wrap under their column. */
export function renderPeopleTable(people: readonly PersonView[], width = 110): string[] {
  const emailWidth = Math.max(5, ...people.map((p) => p.email.length)) + 2;
  const statusWidth = 11;
  const groupsWidth = Math.max(30, width - emailWidth - statusWidth);
  const lines = [`${'Person'.padEnd(emailWidth)}${'Status'.padEnd(statusWidth)}Groups / direct roles`];
  lines.push('-'.repeat(Math.min(width, emailWidth + statusWidth + groupsWidth)));
  for (const person of people) {
    const access = [...person.groups, ...person.roles.map((r) => `[${r}]`)];
    const wrapped = wrapList(access.length > 0 ? access : ['-'], groupsWidth);
    wrapped.forEach((chunk, i) => {
      lines.push(i === 0 ? `${person.email.padEnd(emailWidth)}${person.status.padEnd(statusWidth)}${chunk}` : `${''.padEnd(emailWidth + statusWidth)}${chunk}`);
    });
  }
  return lines;
}

function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    const next = current ? `${current}, ${item}` : item;
    if (next.length > width && current) {
      lines.push(`${current},`);
      current = item;
    } else current = next;
  }
  lines.push(current);
  return lines;
}
