/**
 * Input of the hr-event workflow (`workflows/hr-event.asl.json`): one verified HR webhook delivery,
 * as the receiver (functions/triggers/hr-webhook.ts) starts it. Published as JSON Schema in
 * `workflows/schemas/hr-event.input.schema.json` (generated: `npx tsx workflows/build/generate.ts`).
 */
export { HrEventInputSchema, type HrEventInput } from '../functions/lib/hr/hr-notice.js';
