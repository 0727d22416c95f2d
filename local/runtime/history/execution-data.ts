/** Step Functions' payload limit (UTF-8 bytes) for inputs, outputs and history event data. */
export const MAX_PAYLOAD_BYTES = 262_144;

/** JSON text of a value passed between states; undefined stays undefined. */
export function jsonText(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

/**
 * `{ input, inputDetails }` (or output) of a history event from JSON text: beyond the payload
 * limit only `truncated: true` is kept, as AWS records oversized data.
 */
export function executionData(field: 'input' | 'output', text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  const truncated = Buffer.byteLength(text, 'utf8') > MAX_PAYLOAD_BYTES;
  return { ...(truncated ? {} : { [field]: text }), [`${field}Details`]: { truncated } };
}
