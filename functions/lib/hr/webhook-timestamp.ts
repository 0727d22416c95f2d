/**
 * Parses a webhook timestamp header: Unix seconds (`1769884920`), Unix milliseconds, or ISO-8601
 * with a zone (`2026-01-31T18:42:00Z`, `...+00:00`, BambooHR's `...+0000`). Undefined otherwise:
 * a timestamp without a zone is ambiguous, so it is refused rather than guessed.
 */
const UNIX_SECONDS = /^\d{9,11}$/;
const UNIX_MILLIS = /^\d{12,14}$/;
const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/i;

export function parseWebhookTimestamp(text: string | undefined): number | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (UNIX_SECONDS.test(value)) return Number(value) * 1000;
  if (UNIX_MILLIS.test(value)) return Number(value);
  const iso = ISO_WITH_ZONE.exec(value);
  if (!iso) return undefined;
  const zone = iso[3].toUpperCase() === 'Z' ? 'Z' : iso[3].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${iso[1]}T${iso[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}
