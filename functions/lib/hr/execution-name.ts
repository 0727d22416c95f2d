import { createHash } from 'node:crypto';

/** Step Functions execution names: 1-80 characters. */
export const MAX_EXECUTION_NAME_LENGTH = 80;
const HASH_LENGTH = 16;

/** Hex SHA-256 of `text`, shortened: an identity, not a security measure. */
export function shortHash(text: string | Uint8Array, length = HASH_LENGTH): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * A deterministic execution name for `raw`: the same input always gives the same name, so a second
 * StartExecution of the same event is refused as `ExecutionAlreadyExists`. Step Functions forbids
 * whitespace, `<>{}[]?*"#%\^|~\`$&,;:/` and control characters; we keep a conservative set
 * (letters, digits, `_ . = + @ -`). A name that had to change, or is longer than 80 characters,
 * gets a hash of the original appended, so two different raw names never collide after cleaning.
 */
export function toExecutionName(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_.=+@-]+/g, '-');
  if (cleaned === raw && raw.length > 0 && raw.length <= MAX_EXECUTION_NAME_LENGTH) return raw;
  const head = cleaned.slice(0, MAX_EXECUTION_NAME_LENGTH - HASH_LENGTH - 1).replace(/-+$/, '');
  return `${head || 'x'}-${shortHash(raw)}`;
}
