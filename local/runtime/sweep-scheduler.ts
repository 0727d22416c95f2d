import { nextRunAfter } from '../../functions/lib/schedule/cron-schedule.js';
import { isAbortError, type EngineClock } from '../engine/engine-clock.js';

/** When the runtime starts the inactivity sweep: the same cron and time zone the AWS schedule takes. */
export interface SweepScheduleOptions {
  /** 5-field cron, e.g. `0 6 * * *` (daily 06:00). */
  cron: string;
  /** IANA time zone the cron is read in. */
  timeZone: string;
}

/** The AWS stack's default (infra/deploy-config.ts): daily 06:00 UTC. */
export const DEFAULT_SWEEP_SCHEDULE: SweepScheduleOptions = { cron: '0 6 * * *', timeZone: 'UTC' };

/**
 * Starts a sweep execution at every run time of the schedule, on the runtime's clock (a manual clock
 * in tests: moving it past 06:00 starts the sweep). The execution name is the run time, so a restart
 * within the same minute starts nothing twice (the name is taken: `ExecutionAlreadyExists`).
 */
export class SweepScheduler {
  private readonly stopping = new AbortController();
  private next: Date;

  constructor(
    private readonly schedule: SweepScheduleOptions,
    private readonly clock: EngineClock,
    private readonly start: (name: string) => void,
    private readonly log: (line: string) => void,
  ) {
    this.next = nextRunAfter(schedule.cron, schedule.timeZone, new Date(clock.now()));
    void this.loop();
  }

  /** The next time a sweep starts. */
  get nextRun(): Date {
    return this.next;
  }

  stop(): void {
    this.stopping.abort();
  }

  private async loop(): Promise<void> {
    for (;;) {
      try {
        await this.clock.sleepUntil(this.next.getTime(), this.stopping.signal);
      } catch (error) {
        if (isAbortError(error) || this.stopping.signal.aborted) return;
        throw error;
      }
      const name = `sweep-scheduled-${this.next.toISOString().slice(0, 16).replace(':', '-')}Z`;
      try {
        this.start(name);
        this.log(`scheduled sweep started: ${name}`);
      } catch (error) {
        const type = (error as { type?: string }).type ?? (error as Error).name;
        if (type !== 'ExecutionAlreadyExists') this.log(`scheduled sweep ${name} could not start: ${(error as Error).message}`);
      }
      this.next = nextRunAfter(this.schedule.cron, this.schedule.timeZone, new Date(this.next.getTime() + 60_000));
    }
  }
}
