/**
 * Fault injection for the HR APIs: "the next N calls answer 503" (or another status), optionally
 * only for one vendor. Deterministic: exactly N calls fail, then the API recovers.
 */
export type HrVendor = 'bamboohr' | 'hibob';

interface PendingFault {
  remaining: number;
  status: number;
  vendor?: HrVendor;
}

export class HrFaults {
  private pending: PendingFault[] = [];
  /** Calls answered with an injected fault so far. */
  injected = 0;

  /** The next `count` calls (of `vendor`, or of any) answer `status` (default 503). */
  failNext(count: number, options: { status?: number; vendor?: HrVendor } = {}): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('failNext: count must be a whole number of calls, at least 1.');
    this.pending.push({ remaining: count, status: options.status ?? 503, vendor: options.vendor });
  }

  /** The status to answer this call with, or undefined to serve it normally. */
  take(vendor: HrVendor): number | undefined {
    const fault = this.pending.find((candidate) => candidate.remaining > 0 && (candidate.vendor === undefined || candidate.vendor === vendor));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.pending = this.pending.filter((candidate) => candidate.remaining > 0);
    this.injected += 1;
    return fault.status;
  }

  clear(): void {
    this.pending = [];
    this.injected = 0;
  }
}
