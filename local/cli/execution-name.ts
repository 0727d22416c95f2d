import { randomBytes } from 'node:crypto';

/** The characters Step Functions refuses in execution names (besides whitespace and control characters). */
const FORBIDDEN = '<>{}[]?*"#%\\^|~`$&,;:/';

/**
 * Why `name` is not a valid Step Functions execution name, or undefined when it is: 1-80
 * characters, no whitespace, none of `<>{}[]?*"#%\^|~`$&,;:/`, no control characters.
 * Checked before the call so the message names the offending character.
 */
export function executionNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty: give 1-80 characters';
  if (name.length > 80) return `is ${name.length} characters long: at most 80`;
  for (const char of name) {
    const code = char.codePointAt(0)!;
    if (/\s/u.test(char)) return 'contains whitespace: use - or _ instead';
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    if (FORBIDDEN.includes(char)) return `contains ${JSON.stringify(char)}: none of ${FORBIDDEN} is allowed`;
  }
  return undefined;
}

/**
 * A fresh name, `<workflow>-<yyyymmdd>-<hhmmss>-<4 random>` in UTC: sortable, readable in a
 * listing, and free of personal data (names and ARNs end up in logs and metrics).
 */
export function defaultExecutionName(workflow: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const suffix = randomBytes(3).readUIntBE(0, 3).toString(36).padStart(4, '0').slice(-4);
  return `${workflow}-${stamp}-${suffix}`;
}
