import type { core } from 'zod';

/**
 * The one way this side of the wire (handlers, CLI, infra) turns zod issues into words: each problem
 * names the wrong entry by its path, e.g. `accessRules[2].grant.groups[0]: expected a group name`.
 * (The simulator has its own, for its wire errors: local/simulator/http/zod-issues.ts.)
 */

/** `['accessRules', 2, 'grant']` -> `accessRules[2].grant`; `root` for the whole value. */
export function issuePath(path: readonly PropertyKey[], root: string): string {
  if (path.length === 0) return root;
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** `path: message` for each issue, at most `max` (then "(and N more)"). */
export function describeIssues(issues: readonly core.$ZodIssue[], root: string, max = Number.POSITIVE_INFINITY): string[] {
  const lines = issues.slice(0, max).map((issue) => `${issuePath(issue.path, root)}: ${issue.message}`);
  if (issues.length > lines.length) lines.push(`(and ${issues.length - lines.length} more)`);
  return lines;
}
