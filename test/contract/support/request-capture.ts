/** A request the client sent, as the wire saw it. */
export interface CapturedRequest {
  method: string;
  url: URL;
  body: unknown;
}

/** Wraps fetch so every request is recorded before it is sent. */
export function capturingFetch(captured: CapturedRequest[], inner: typeof fetch = globalThis.fetch): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const raw = typeof init?.body === 'string' ? init.body : undefined;
    captured.push({ method: init?.method ?? 'GET', url: new URL(String(input)), body: raw === undefined ? undefined : JSON.parse(raw) });
    return inner(input, init);
  }) as typeof fetch;
}
