import type { ChangeBudgetStore, ReservationOutcome, ReservationRequest } from './change-budget-store.js';

/**
 * The budget in this process's memory: shared by every execution of the process (the local
 * engine, a one-shot `jml run`), gone when it exits. Check and count happen in one synchronous
 * step, so concurrent executions of the process cannot overshoot.
 */
export class InMemoryChangeBudgetStore implements ChangeBudgetStore {
  /** `kind|scope|executionName` -> day. */
  private readonly reservations = new Map<string, string>();
  /** `kind|scope|day` -> units used. */
  private readonly used = new Map<string, number>();

  async reserve(request: ReservationRequest): Promise<ReservationOutcome> {
    const reservationKey = `${request.kind}|${request.scope}|${request.executionName}`;
    const counterKey = `${request.kind}|${request.scope}|${request.day}`;
    const reservedOn = this.reservations.get(reservationKey);
    if (reservedOn !== undefined) return { status: 'already', day: reservedOn, used: this.used.get(`${request.kind}|${request.scope}|${reservedOn}`) };
    const used = this.used.get(counterKey) ?? 0;
    if (request.enforce && used >= request.limit) return { status: 'exceeded', used };
    this.reservations.set(reservationKey, request.day);
    this.used.set(counterKey, used + 1);
    return { status: 'reserved', used: used + 1 };
  }

  /** Forgets every reservation (tests). */
  clear(): void {
    this.reservations.clear();
    this.used.clear();
  }
}
