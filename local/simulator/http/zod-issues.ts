import type { z } from 'zod';

/**
 * One line naming each bad field (`0.rate5xx: ...`; `root`, if any, names the value itself). Messages
 * that already start with the field's name (the simulator's own, e.g. "timeScale must be ...")
 * are not prefixed with it twice.
 */
export function describeIssues(error: z.ZodError, root = 'body'): string {
  return error.issues.map((issue) => {
    const keys = issue.path.map(String);
    const field = keys.at(-1);
    if (field === undefined) return root ? `${root}: ${issue.message}` : issue.message;
    if (issue.message.startsWith(field)) return [...keys.slice(0, -1), issue.message].join('.');
    return `${keys.join('.')}: ${issue.message}`;
  }).join('; ');
}
