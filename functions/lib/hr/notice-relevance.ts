import type { HrConfig } from '../config/hr-config-schema.js';
import type { HrNotice } from './hr-notice.js';
import { meaningOf, normalizeFieldName, watchedFields, type VendorSource } from './vendor-defaults.js';

export type Relevance = { relevant: true } | { relevant: false; reason: string };

/**
 * Whether a notice can lead to a workflow, judged from the payload alone (no HR API call): the
 * receiver acknowledges the rest without starting anything. Unknown event types, event types
 * mapped to `ignore`, kinds switched off (`workflows.<kind>: none`), and updates whose changed-field
 * list names no field the workflows use (a first-name fix) are not relevant.
 */
export function noticeRelevance(notice: HrNotice, hr: HrConfig): Relevance {
  if (notice.format === 'standard.v1') {
    const workflow = hr.workflows[notice.event.type];
    return workflow === 'none' ? { relevant: false, reason: `${notice.event.type} is switched off (hr.workflows.${notice.event.type}: none)` } : { relevant: true };
  }
  const source: VendorSource = notice.format === 'hibob.v2' ? 'hibob' : 'bamboohr';
  const meaning = meaningOf(source, notice.type, hr);
  if (meaning === 'ignore') return { relevant: false, reason: `event type ${notice.type} is not mapped to an HR event` };
  if (meaning !== 'auto' && hr.workflows[meaning] === 'none') {
    return { relevant: false, reason: `${notice.type} means ${meaning}, which is switched off (hr.workflows.${meaning}: none)` };
  }
  if (meaning === 'auto' && notice.changedFields !== undefined) {
    const watched = watchedFields(source, hr);
    if (!notice.changedFields.some((field) => watched.has(normalizeFieldName(field)))) {
      return { relevant: false, reason: `no field the workflows use changed (${notice.changedFields.slice(0, 10).join(', ') || 'none listed'})` };
    }
  }
  return { relevant: true };
}
