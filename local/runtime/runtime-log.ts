import { isEmailAddress } from '../../functions/lib/email-address.js';
import { readableCause } from '../engine/lambda-error.js';
import type { ExecutionObserver } from './executor/execution-observer.js';
import type { ExecutionOutcome, ExecutionRecord } from './store/store-types.js';

/** `text`: one readable line per event; `json`: one JSON object per line (`time`, `level`, `event`, fields) for log collectors. */
export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

type Level = 'info' | 'warn' | 'error';

/** One delivery on `POST /webhooks/:source`, as the receiver answered it (never its body). */
export interface WebhookDelivery {
  source: string;
  status: number;
  /** The receiver's `status` when it took the delivery (accepted, duplicate, ignored, ok), its `error` code when it refused it. */
  outcome: string;
  /** The HR event types of the delivery (`employee.left`), when it took it. */
  events?: string[];
  /** The hr-event execution it started (or had started). */
  execution?: string;
  /** Why it was ignored or refused: the receiver's words. */
  reason?: string;
}

/** How much of a cause a line keeps: the start says what happened; DescribeExecution has the rest. */
const MAX_CAUSE_CHARS = 300;
/** Lines of the runtime's components (they pass text only) that report a problem, or something to look at. */
const PROBLEM = /unexpected error|could not|cannot|error while|failed|ServiceUnavailable/i;
const NOTICE = /left as it is|ended ABORTED|adopted|paused/i;

/**
 * The runtime's log (stderr of `npm start`): one line per webhook delivery, per execution start and
 * end (workflow, name, status, duration, the person's email), per failure with its error and the
 * start of its cause, and the components' own messages. Personal data: the email from the execution
 * input, nothing else (no names, no bodies).
 */
export class RuntimeLog implements ExecutionObserver {
  constructor(
    private readonly write: (line: string) => void,
    private readonly format: LogFormat = 'text',
    /** Log time is wall-clock time (durations come from the runtime's clock, as in DescribeExecution). */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A component's message (what `log(line)` receives); its level read from its words unless given. */
  readonly message = (text: string, level?: Level): void => {
    this.emit(level ?? (PROBLEM.test(text) ? 'error' : NOTICE.test(text) ? 'warn' : 'info'), 'message', { message: text }, text);
  };

  webhookDelivery(delivery: WebhookDelivery): void {
    const source = JSON.stringify(delivery.source.slice(0, 40));
    const refused = delivery.status >= 400;
    const reason = delivery.reason?.replace(/\s+/g, ' ').slice(0, MAX_CAUSE_CHARS);
    const events = delivery.events?.slice(0, 10).map((event) => event.slice(0, 80));
    const text = refused
      ? `webhook ${source}: refused ${delivery.status} ${delivery.outcome}${reason ? `: ${reason}` : ''}`
      : `webhook ${source}: ${delivery.status} ${delivery.outcome}${events?.length ? ` (${events.join(', ')})` : ''}${delivery.execution ? `: execution ${delivery.execution}` : ''}${reason ? `: ${reason}` : ''}`;
    const level: Level = delivery.status >= 500 ? 'error' : refused ? 'warn' : 'info';
    this.emit(level, 'webhook', { source: delivery.source.slice(0, 40), status: delivery.status, outcome: delivery.outcome, ...(events ? { events } : {}), ...(delivery.execution ? { execution: delivery.execution } : {}), ...(reason ? { reason } : {}) }, text);
  }

  started(execution: ExecutionRecord): void {
    const person = personOf(execution.input);
    const workflow = workflowOf(execution);
    this.emit('info', 'execution.started', { workflow, name: execution.name, ...(person ? { person } : {}) }, `execution started: ${workflow} ${execution.name}${person ? ` for ${person}` : ''}`);
  }

  ended(execution: ExecutionRecord, outcome: ExecutionOutcome): void {
    const person = personOf(execution.input);
    const workflow = workflowOf(execution);
    const durationMs = outcome.stopMs - execution.startMs;
    const cause = outcome.cause === undefined ? undefined : readableCause(outcome.cause).replace(/\s+/g, ' ').trim();
    const shortCause = cause && cause.length > MAX_CAUSE_CHARS ? `${cause.slice(0, MAX_CAUSE_CHARS)}…` : cause;
    const level: Level = outcome.status === 'SUCCEEDED' ? 'info' : outcome.status === 'FAILED' || outcome.status === 'TIMED_OUT' ? 'error' : 'warn';
    const why = [outcome.error, shortCause].filter((part) => part !== undefined && part !== '').join(': ');
    this.emit(
      level,
      'execution.ended',
      { workflow, name: execution.name, status: outcome.status, durationMs, ...(person ? { person } : {}), ...(outcome.error ? { error: outcome.error } : {}), ...(shortCause ? { cause: shortCause } : {}) },
      `execution ${outcome.status}: ${workflow} ${execution.name}${person ? ` for ${person}` : ''} after ${formatDuration(durationMs)}${why ? `: ${why}` : ''}`,
    );
  }

  private emit(level: Level, event: string, fields: Record<string, unknown>, text: string): void {
    this.write(this.format === 'json' ? JSON.stringify({ time: this.now().toISOString(), level, event, ...fields }) : text);
  }
}

/** `jml-leaver` -> `leaver` (the state machine of the execution's ARN). */
function workflowOf(execution: ExecutionRecord): string {
  const machine = execution.stateMachineArn.slice(execution.stateMachineArn.lastIndexOf(':') + 1);
  return machine.startsWith('jml-') ? machine.slice(4) : machine;
}

/** The `email` of the execution input when it is an email address (the workflows' rule): a name typed into `email` is never logged. */
function personOf(input: string): string | undefined {
  try {
    const email = (JSON.parse(input) as { email?: unknown } | null)?.email;
    return typeof email === 'string' && isEmailAddress(email) ? email : undefined;
  } catch {
    return undefined;
  }
}

/** 850 ms, 2.4 s, 3 min 20 s, 5 h 2 min, 30 d 0 h. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.floor(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
