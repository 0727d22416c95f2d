import type { ApiTarget } from './handler-environment.js';

/** A simulator started in this process for one CLI run, the demo or the local runtime. */
export interface EmbeddedSimulator {
  api: ApiTarget;
  /** Its control endpoint, e.g. `http://127.0.0.1:N/__control`. */
  controlUrl: string;
  /** Moves the simulator's clock forward (the local runtime keeps it in step with a manual clock). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/**
 * Starts the simulator with the demo org on an ephemeral loopback port. Loaded lazily so `--help`
 * and input validation do not pay for it.
 */
export async function startEmbeddedSimulator(generation: 'v1' | 'v2' = 'v2'): Promise<EmbeddedSimulator> {
  const { startSimulator } = await import('../simulator/index.js');
  const sim = await startSimulator({ port: 0 });
  return {
    api: { baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId, generation, ...(generation === 'v2' ? { directoryId: sim.directoryId } : {}) },
    controlUrl: sim.controlUrl,
    advanceClock: (ms) => sim.control.setClock({ advanceMs: ms }),
    close: async () => {
      await sim.close();
    },
  };
}
