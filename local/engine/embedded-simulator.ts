import type { ApiTarget } from './handler-environment.js';

/** A simulator started in this process for one CLI run or the demo. */
export interface EmbeddedSimulator {
  api: ApiTarget;
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
    close: async () => {
      await sim.close();
    },
  };
}
