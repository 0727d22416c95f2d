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

/** One scheduled start: the run time it stands for goes into the name and the input (`scheduledAt`). */
export interface ScheduledStart {
  name: string;
  input: { scheduledAt: string };
}

/** Counting missed run times stops here (a minutely cron over years of clock movement). */
const MAX_COUNTED_RUNS = 100_000;

/**
 * Starts a sweep execution at the run times of the schedule, on the runtime's clock (a manual clock
 * in tests: moving it past 06:00 starts the sweep). The execution name and its `scheduledAt` are the
 * run time, so a restart within the same minute starts nothing twice (`ExecutionAlreadyExists`) and
 * the report is titled and filed by it. Run times that passed while the runtime could not start them
 * (the manual clock moved 31 days, a laptop slept) are coalesced into one start, for the latest of
 * them, as EventBridge Scheduler does not catch up either; the log line says how many were skipped.
 */
export class SweepScheduler {
  private readonly stopping = new AbortController();
  private next: Date;

  constructor(
    private readonly schedule: SweepScheduleOptions,
    private readonly clock: EngineClock,
    private readonly start: (run: ScheduledStart) => void,
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
        // In the background: a manual clock's move does not stop at each run time, it wakes this once.
        await this.clock.sleepUntil(this.next.getTime(), this.stopping.signal, { background: true });
      } catch (error) {
        if (isAbortError(error) || this.stopping.signal.aborted) return;
        throw error;
      }
      const first = this.next;
      const { latest, skipped } = this.latestDue(new Date(this.clock.now()));
      this.startRun(latest, skipped > 0 ? ` (coalesced: ${skipped} earlier run time(s) from ${first.toISOString()} passed without a sweep; one sweep stands for them)` : '');
      this.next = nextRunAfter(this.schedule.cron, this.schedule.timeZone, new Date(Math.max(latest.getTime() + 60_000, this.clock.now())));
    }
  }

  /** The latest run time at or before `now`, and how many earlier ones since `next` it stands for. */
  private latestDue(now: Date): { latest: Date; skipped: number } {
    let latest = this.next;
    let skipped = 0;
    for (;;) {
      const following = nextRunAfter(this.schedule.cron, this.schedule.timeZone, new Date(latest.getTime() + 60_000));
      if (following.getTime() > now.getTime() || skipped >= MAX_COUNTED_RUNS) break;
      latest = following;
      skipped += 1;
    }
    return { latest, skipped };
  }

  /** Starts the sweep that stands for `runTime`; `coalesced` says what else it stands for, in the log line. */
  private startRun(runTime: Date, coalesced: string): void {
    const name = `sweep-scheduled-${runTime.toISOString().slice(0, 16).replace(':', '-')}Z`;
    try {
      this.start({ name, input: { scheduledAt: runTime.toISOString() } });
      this.log(`scheduled sweep started: ${name}${coalesced}`);
    } catch (error) {
      const type = (error as { type?: string }).type ?? (error as Error).name;
      if (type !== 'ExecutionAlreadyExists') this.log(`scheduled sweep ${name} could not start: ${(error as Error).message}`);
    }
  }
}
