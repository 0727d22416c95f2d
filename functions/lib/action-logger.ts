import { Logger } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions } from '@aws-lambda-powertools/logger/types';

/**
 * Powertools Logger whose `cold_start` is shared by the root and every child logger. Stock child
 * loggers each keep their own cold-start flag, so a child created per invocation would report
 * `cold_start: true` on every invocation; here the flag follows the process instead.
 */
let invocationsStarted = 0;

/** Called once at the start of every invocation (by the correlation middleware). */
export function noteInvocationStart(): void {
  invocationsStarted += 1;
}

export class ActionLogger extends Logger {
  /** True during the first invocation of this process, as Powertools defines it (not for provisioned concurrency). */
  override getColdStart(): boolean {
    return process.env.AWS_LAMBDA_INITIALIZATION_TYPE !== 'provisioned-concurrency' && invocationsStarted <= 1;
  }

  protected override createLogger(options?: ConstructorOptions): ActionLogger {
    return new ActionLogger(options);
  }

  override createChild(options?: ConstructorOptions): ActionLogger {
    return super.createChild(options) as ActionLogger;
  }
}
