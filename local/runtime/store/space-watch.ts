import type { WriteGate } from './write-gate.js';

/** How often a closed write gate tries its probe write when nobody writes. @default 10 s */
export const DEFAULT_SPACE_CHECK_MS = 10_000;

/**
 * While the store's write gate is closed (a full data folder), tries the probe write on a timer, so
 * paused executions continue once there is room even when no request comes in to try a write.
 */
export class SpaceWatch {
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly gate: WriteGate, private readonly intervalMs = DEFAULT_SPACE_CHECK_MS) {
    this.unsubscribe = gate.subscribe({ blocked: () => this.arm(), reopened: () => this.disarm() });
  }

  stop(): void {
    this.disarm();
    this.unsubscribe();
  }

  private arm(): void {
    this.timer ??= setInterval(() => {
      try {
        this.gate.tryReopen();
      } catch {
        // Not a lack of room (tryReopen rethrows those): the next write reports it.
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  private disarm(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
