import type { HrConfig, HrEventKind, HrSource } from '../config/hr-config-schema.js';
import { bambooHrPerson } from './bamboohr-api.js';
import { classifyUpdate } from './classify-update.js';
import { utcDay } from './effective-time.js';
import { shortHash } from './execution-name.js';
import type { HrNotice } from './hr-notice.js';
import type { HrPerson } from './hr-person.js';
import { ownEntry } from './own-entry.js';
import { fieldMapOf, meaningOf, normalizeFieldName, type VendorSource } from './vendor-defaults.js';
import { buildWorkflowRequest, type WorkflowRequest } from './workflow-request.js';

/** Reads a person from a vendor's API (the HR system is called back: v2 payloads carry ids only). */
export type PersonFetcher = (source: VendorSource, employeeId: string) => Promise<HrPerson>;

export interface ResolveDeps {
  hr: HrConfig;
  now: () => Date;
  fetchPerson: PersonFetcher;
}

export interface NoticeRef {
  source: HrSource;
  deliveryId: string;
  index: number;
  notice: HrNotice;
}

/** A notice that starts a workflow, or one that (after looking) means nothing for Atlassian. */
export type Resolution =
  | ({ mapped: true; kind: HrEventKind; target: string; detail: string } & WorkflowRequest)
  | { mapped: false; target: string; detail: string };

/**
 * Resolves one notice: the person (from the payload where it carries the values, else from the
 * HR API), what happened (the vendor event's meaning, or for updates the record itself), and the
 * workflow execution that follows. Errors are the HR API's (`Hr.Unavailable` is retried by the
 * workflow) or the mapping's (`Hr.UnexpectedResponse`, `Jml.InvalidInput`).
 */
export async function resolveNotice(ref: NoticeRef, deps: ResolveDeps): Promise<Resolution> {
  const { notice } = ref;
  const now = deps.now();
  if (notice.format === 'standard.v1') {
    const { event } = notice;
    const person: HrPerson = {
      employeeId: event.person.id ?? `email-${shortEmailId(event.person.workEmail)}`,
      email: event.person.workEmail.toLowerCase(),
      displayName: event.person.name,
      department: event.person.department,
      jobTitle: event.person.jobTitle,
      location: event.person.location,
    };
    return finish(ref, deps, event.type, event.type, person, now, { effectiveDate: event.effectiveDate, reference: event.reference });
  }
  const source: VendorSource = notice.format === 'hibob.v2' ? 'hibob' : 'bamboohr';
  const target = `${source} employee ${notice.employeeId}`;
  const meaning = meaningOf(source, notice.type, deps.hr);
  if (meaning === 'ignore') return { mapped: false, target, detail: `Event type ${notice.type} is not mapped to an HR event; nothing to do.` };
  const person = notice.format === 'bamboohr.fields' ? await fieldBasedPerson(notice, deps) : await deps.fetchPerson(source, notice.employeeId);
  const classified = meaning === 'auto' ? classifyUpdate(source, person, notice.changedFields, utcDay(now)) : { kind: meaning };
  if ('ignore' in classified) return { mapped: false, target, detail: `Nothing to do: ${classified.ignore}.` };
  return finish(ref, deps, notice.type, classified.kind, person, now, {});
}

function finish(
  ref: NoticeRef,
  deps: ResolveDeps,
  eventType: string,
  kind: HrEventKind,
  person: HrPerson,
  now: Date,
  extra: { effectiveDate?: string; reference?: string },
): Resolution {
  const target = `${ref.source} employee ${person.employeeId}`;
  const request = buildWorkflowRequest({ source: ref.source, kind, eventType, person, deliveryId: ref.deliveryId, index: ref.index, hr: deps.hr, now, ...extra });
  if (!request) return { mapped: false, target, detail: `${kind} is switched off (hr.workflows.${kind}: none); nothing to do.` };
  return { mapped: true, kind, target, detail: `${kind}: ${request.workflow} ${request.executionName}`, ...request };
}

/**
 * A field-based delivery carries the values (by the names the webhook posts, display names such as
 * `Work Email` matched too). Without a work email among them the record is read from the API.
 */
async function fieldBasedPerson(notice: Extract<HrNotice, { format: 'bamboohr.fields' }>, deps: ResolveDeps): Promise<HrPerson> {
  const byNormalizedName = new Map(Object.entries(notice.fields).map(([name, value]) => [normalizeFieldName(name), value]));
  const person = bambooHrPerson(notice.employeeId, notice.fields, fieldMapOf('bamboohr', deps.hr), (values, name) => ownEntry(values, name) ?? byNormalizedName.get(normalizeFieldName(name)));
  return person.email ? person : deps.fetchPerson('bamboohr', notice.employeeId);
}

/** A stable, email-free id for a standard event without `person.id`. */
function shortEmailId(email: string): string {
  return shortHash(email.toLowerCase(), 12);
}
