import type { DailyBackups } from '../../../functions/lib/local-storage/daily-backups.js';

/** A store whose daily backups the runtime takes. */
export interface BackedUpStore {
  /** For log lines, e.g. `runtime.sqlite`. */
  name: string;
  backups: DailyBackups;
  backup(destination: string): Promise<unknown>;
}

/** How often the runtime looks whether a new day needs its backup. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Takes each store's daily backup: at start (in the background: the store stays in use), then whenever the
 * UTC day of the wall clock has none yet (checked hourly). Dated by the wall clock, not the runtime's
 * clock: a manual clock moved 30 days ahead is a test device, backups are about the disk. A failed
 * backup is logged and tried again an hour later; it never stops the runtime. A backup taken is not logged.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly stores: readonly BackedUpStore[],
    private readonly now: () => Date,
    private readonly log: (line: string) => void,
  ) {}

  /** Takes the backups due now (none when today's exist). */
  runDue(): Promise<void> {
    this.running ??= (async () => {
      for (const store of this.stores) {
        try {
          await store.backups.takeIfDue(store, this.now()); // silent when it works: docs/runtime.md says where they are
        } catch (error) {
          this.log(`backup of ${store.name} failed: ${(error as Error).message} (the store itself is unaffected; tried again within the hour)`);
        }
      }
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.runDue(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
