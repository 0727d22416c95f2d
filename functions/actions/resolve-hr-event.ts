import * as z from 'zod';
import { HR_SOURCES } from '../lib/config/hr-config-schema.js';
import { loadJmlConfig } from '../lib/config/load-jml-config.js';
import { ErrorNames, JmlError } from '../lib/errors.js';
import { HrNoticeSchema } from '../lib/hr/hr-notice.js';
import { createHrSecretReader, type HrSecretReader } from '../lib/hr/hr-secrets.js';
import { createPersonFetcher } from '../lib/hr/person-fetcher.js';
import { resolveNotice, type Resolution, type ResolveDeps } from '../lib/hr/resolve-notice.js';
import { createActionHandler } from '../lib/middleware/create-action-handler.js';
import { handlerNow } from '../lib/handler-clock.js';

/** One notice of an hr-event execution, with where it came from. */
export const inputSchema = z.strictObject({
  source: z.enum(HR_SOURCES),
  deliveryId: z.string().min(1).max(128),
  index: z.number().int().min(0),
  notice: HrNoticeSchema,
});
export type ResolveHrEventInput = z.output<typeof inputSchema>;

/**
 * Calls the HR system back for the person a notice names (BambooHR employee API, HiBob People
 * API; field-based and standard payloads carry the values) and maps the event to a joiner, mover
 * or leaver input, validated with that workflow's schema, under a deterministic execution name.
 * `{ mapped: false }` for events that mean nothing for Atlassian. `Hr.Unavailable` is retried by
 * the workflow for hours.
 */
export async function resolveHrEvent(input: ResolveHrEventInput, deps: ResolveDeps): Promise<Resolution> {
  return resolveNotice(input, deps);
}

let secrets: HrSecretReader | undefined;

export const handler = createActionHandler({
  name: 'resolveHrEvent',
  inputSchema,
  resolveDeps: (): ResolveDeps => {
    const { hr } = loadJmlConfig();
    if (!hr) throw new JmlError(ErrorNames.Configuration, 'The JML config has no hr: section, so HR events cannot be mapped. Add one (see config/jml.example.yaml).');
    secrets ??= createHrSecretReader();
    return { hr, now: handlerNow, fetchPerson: createPersonFetcher({ hr, secrets }) };
  },
  run: resolveHrEvent,
});
