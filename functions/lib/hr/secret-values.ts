import { ErrorNames, JmlError } from '../errors.js';

/**
 * The shapes an HR secret's value may take. Signing keys: plain text (one key), whitespace-separated
 * keys, or JSON `{"keys": [...]}` / `{"key": "..."}`: several keys during a rotation. API keys:
 * plain or `{"apiKey": "..."}`. HiBob service user: `{"serviceUserId": "...", "token": "..."}` or
 * `id:token`. Messages name the shape expected, never the value.
 */

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());

/** Every signing key in the secret (at least one). @throws JmlError `Jml.Configuration` when there is none. */
export function signingKeys(text: string, what: string): string[] {
  const json = parseJsonObject(text.trim());
  const keys = json ? [...strings(json.keys), ...strings(json.key), ...strings(json.secret), ...strings(json.secrets)] : text.trim().split(/\s+/).filter(Boolean);
  if (keys.length === 0) throw new JmlError(ErrorNames.Configuration, `The secret of ${what} holds no key: store it as plain text or {"keys": ["..."]}.`);
  return keys;
}

/** The BambooHR API key. */
export function bambooHrApiKey(text: string): string {
  const json = parseJsonObject(text.trim());
  const key = json ? strings(json.apiKey)[0] : text.trim();
  if (!key) throw new JmlError(ErrorNames.Configuration, 'The BambooHR API secret holds no key: store it as plain text or {"apiKey": "..."}.');
  return key;
}

/** The HiBob service user. */
export function hiBobServiceUser(text: string): { serviceUserId: string; token: string } {
  const json = parseJsonObject(text.trim());
  const [id, ...rest] = json ? [strings(json.serviceUserId)[0], strings(json.token)[0]] : text.trim().split(':');
  const token = json ? rest[0] : rest.join(':');
  if (!id || !token) {
    throw new JmlError(ErrorNames.Configuration, 'The HiBob API secret must be {"serviceUserId": "...", "token": "..."} (or serviceUserId:token).');
  }
  return { serviceUserId: id, token };
}
