import type { RoleAssignment } from '../atlassian/directory.js';

/** Whether `assignments` holds exactly this role on this resource. */
export function hasRole(assignments: readonly RoleAssignment[], wanted: RoleAssignment): boolean {
  return assignments.some((a) => a.resourceId === wanted.resourceId && a.role === wanted.role);
}
