import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../local/simulator/index.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestSimulator extends RunningSimulator {
  /** Calls the API with the right bearer token (or `auth: null` for none). Paths are relative to `/admin`. */
  api<T = any>(method: string, path: string, body?: unknown, options?: { auth?: string | null; rawBody?: string }): Promise<ApiResponse<T>>;
  /** Calls `/__control/...`. */
  controlApi<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  /** `/v2/orgs/{orgId}/directories/{directoryId}` */
  v2: string;
  /** `/v1/orgs/{orgId}` */
  v1: string;
}

/** Starts a simulator on an ephemeral port with a fixed clock start, for HTTP-level tests. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const sim = await startSimulator({ now: '2026-11-01T12:00:00.000Z', ...options });
  async function request<T>(url: string, method: string, body: unknown, headers: Record<string, string>, rawBody?: string): Promise<ApiResponse<T>> {
    const response = await fetch(url, {
      method,
      headers: { ...headers, ...(body !== undefined || rawBody !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }
  return Object.assign(sim, {
    api<T>(method: string, path: string, body?: unknown, options: { auth?: string | null; rawBody?: string } = {}) {
      const auth = options.auth === undefined ? sim.apiKey : options.auth;
      return request<T>(`${sim.baseUrl}${path}`, method, body, auth === null ? {} : { Authorization: `Bearer ${auth}` }, options.rawBody);
    },
    controlApi<T>(method: string, path: string, body?: unknown) {
      return request<T>(`${sim.controlUrl}${path}`, method, body, {});
    },
    v2: `/v2/orgs/${sim.orgId}/directories/${sim.directoryId}`,
    v1: `/v1/orgs/${sim.orgId}`,
  });
}
