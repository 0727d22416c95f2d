/**
 * Keeps secrets out of logs. Two layers: any field whose *name* looks secret is masked, and any
 * string containing a *registered secret value* (the org API key once loaded) has it masked, wherever
 * it hides: a message, an error text, a stack, a nested object.
 */

export const REDACTED = '[REDACTED]';

/** Field names whose values are never logged, whatever they hold. */
const SECRET_FIELD = /(authorization|api[-_]?key|secret(?!Id)|password|passwd|token(?!s?Count)|credential|cookie|bearer)/i;

// Module-level on purpose: one process, one set of secrets, shared by every logger instance.
const registeredSecrets = new Set<string>();

/**
 * Registers a secret value so it is masked in every log line from now on. Values shorter than
 * 8 characters are ignored: masking them would shred ordinary text, and no real key is that short.
 */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) registeredSecrets.add(value);
}

/** Forgets every registered secret (tests). */
export function clearRegisteredSecrets(): void {
  registeredSecrets.clear();
}

/** True for a field name that must never carry its value into a log. */
export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** Masks every registered secret inside `text`, including `Bearer <key>` forms. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of registeredSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out.replace(/\b(Bearer|Basic)\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`);
}

/**
 * A `JSON.stringify` replacer: masks secret-named fields and registered secret values. Powertools
 * Logger calls it for every key of every log item (`jsonReplacerFn`), including `message` and the
 * fields of serialized errors.
 */
export function redactingJsonReplacer(key: string, value: unknown): unknown {
  if (key !== '' && isSecretFieldName(key) && value !== undefined && value !== null && value !== '') {
    return REDACTED;
  }
  if (typeof value === 'string') return redactText(value);
  return value;
}
