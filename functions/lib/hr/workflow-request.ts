import type { HrConfig, HrEventKind, HrSource } from '../config/hr-config-schema.js';
import { ErrorNames, JmlError } from '../errors.js';
import { WORKFLOWS } from '../../../workflows/catalog.js';
import { describeIssues } from '../zod-issues.js';

/** The workflows an HR event can start (their input schemas are the catalog's). */
type WorkflowKind = 'joiner' | 'mover' | 'leaver';
import { effectiveInstant, utcDay } from './effective-time.js';
import { shortHash, toExecutionName } from './execution-name.js';
import { ownEntry } from './own-entry.js';
import type { HrPerson } from './hr-person.js';

/** The execution an HR event asks for: which workflow, under which deterministic name, with which input. */
export interface WorkflowRequest {
  workflow: WorkflowKind;
  executionName: string;
  input: Record<string, unknown>;
}

export interface WorkflowRequestContext {
  source: HrSource;
  kind: HrEventKind;
  /** The vendor's event type, for the audit reason. */
  eventType: string;
  person: HrPerson;
  /** The delivery and the notice's place in it: the identity of a mover request. */
  deliveryId: string;
  index: number;
  hr: HrConfig;
  now: Date;
  /** Standard events: their effective date and reference. */
  effectiveDate?: string;
  reference?: string;
}

const SOURCE_LABEL: Record<HrSource, string> = { bamboohr: 'BambooHR', hibob: 'HiBob', standard: 'HR' };

/**
 * Builds the joiner / mover / leaver execution for an HR event, validated with that workflow's
 * input schema. Execution names say who and when, so the same fact reported twice (HiBob's
 * `employee.left` and `employee.inactivated`, a redelivery, an update repeated by BambooHR) starts
 * one execution: hire `joiner-<source>-<id>-<start date>`, termination `leaver-<source>-<id>-<last
 * day>`, rehire per day, change per event.
 * @returns undefined when the configured workflow for `kind` is `none`.
 * @throws JmlError `Hr.UnexpectedResponse` (no work email), `Jml.InvalidInput` (the HR values do not fit the input schema).
 */
export function buildWorkflowRequest(context: WorkflowRequestContext): WorkflowRequest | undefined {
  const { kind, person, hr, source } = context;
  const workflow = hr.workflows[kind];
  if (workflow === 'none') return undefined;
  if (!person.email) {
    throw new JmlError(
      ErrorNames.HrUnexpectedResponse,
      `${SOURCE_LABEL[source]} employee ${person.employeeId} has no work email, so no Atlassian account can be matched (${kind}). Fill in the work email in the HR system and redeliver the event, or run the ${workflow} by hand.`,
    );
  }
  const today = utcDay(context.now);
  // The location is HR's data: only a configured entry counts, never an inherited `constructor`.
  const zone = (person.location && ownEntry(hr.timing.locationTimeZones, person.location)) || hr.timing.timeZone;
  const dated = (date: string | undefined, time: string) => (date ? effectiveInstant(date, time, zone) : undefined);
  const reason = [`${SOURCE_LABEL[source]} employee ${person.employeeId}: ${kind} (${context.eventType})`, context.reference].filter(Boolean).join('; ');
  const attributes = { department: person.department, jobTitle: person.jobTitle, location: person.location };
  const who = `${source}-${person.employeeId}`;
  let request: WorkflowRequest;
  if (workflow === 'leaver') {
    const lastDay = context.effectiveDate ?? person.terminationDate;
    request = {
      workflow,
      executionName: toExecutionName(`leaver-${who}-${(lastDay ?? today).slice(0, 10)}`),
      input: compact({ email: person.email, effectiveAt: dated(lastDay, hr.timing.endTime), reason }),
    };
  } else if (workflow === 'joiner') {
    const start = context.effectiveDate ?? person.hireDate;
    const key = kind === 'rehire' ? `rehire-${today}` : (start ?? today).slice(0, 10);
    request = {
      workflow,
      executionName: toExecutionName(`joiner-${who}-${key}`),
      input: compact({ email: person.email, name: displayName(person), ...attributes, effectiveAt: dated(start, hr.timing.startTime), reason }),
    };
  } else {
    request = {
      workflow,
      executionName: toExecutionName(`mover-${who}-${shortHash(`${context.deliveryId}#${context.index}`)}`),
      input: compact({ email: person.email, ...attributes, effectiveAt: dated(context.effectiveDate, hr.timing.startTime), reason }),
    };
  }
  const checked = WORKFLOWS[request.workflow].inputSchema.safeParse(request.input);
  if (!checked.success) {
    const problems = describeIssues(checked.error.issues, '(input)').join('; ');
    throw new JmlError(
      ErrorNames.InvalidInput,
      `${SOURCE_LABEL[source]} employee ${person.employeeId} (${kind}) does not make a valid ${request.workflow} input: ${problems}. Correct the HR record and redeliver, or run the ${request.workflow} by hand.`,
    );
  }
  return request;
}

function displayName(person: HrPerson): string | undefined {
  const joined = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return person.displayName ?? (joined || undefined);
}

/** Drops undefined fields: the workflow schemas are strict and `undefined` is not JSON. */
function compact(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
