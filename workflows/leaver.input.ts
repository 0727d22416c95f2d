/**
 * Input of the leaver workflow (`workflows/leaver.asl.json`). The schema lives in
 * functions/lib/workflow-input/ because the prepareRequest action validates with it inside the
 * workflow; here it is for the CLI, tests and infra. Published as JSON Schema in
 * `workflows/schemas/leaver.input.schema.json` (generated: `npx tsx workflows/build/generate.ts`).
 */
export { LeaverInputSchema, type LeaverInput } from '../functions/lib/workflow-input/leaver-input.js';
