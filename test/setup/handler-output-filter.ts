/**
 * Recognises what the handlers write to stdout/stderr for CloudWatch (Powertools JSON log lines,
 * EMF metric documents) and drops it from a stream; used by `quiet-handler-output.ts`.
 */
const FILTERED = Symbol.for('jml.test.quietHandlerOutput');

/** A Powertools Logger line (`level`, `message`, `timestamp`) or an EMF document (`_aws`). */
export function isHandlerOutput(chunk: unknown): boolean {
  const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : '';
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
  return trimmed.split('\n').every((line) => {
    try {
      const value = JSON.parse(line) as Record<string, unknown>;
      return '_aws' in value || ('level' in value && 'message' in value && 'timestamp' in value);
    } catch {
      return false;
    }
  });
}

/** Drops handler output written to `stream`; everything else passes. Idempotent. */
export function dropHandlerOutput(stream: { write: (...args: never[]) => boolean; [FILTERED]?: true }): void {
  if (stream[FILTERED]) return;
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!isHandlerOutput(chunk)) return write(chunk, ...rest);
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof stream.write;
  stream[FILTERED] = true;
}

