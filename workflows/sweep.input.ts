/**
 * Input of the inactivity sweep (`workflows/sweep.asl.json`). The schema lives in
 * functions/lib/workflow-input/ because the prepareRequest action validates with it inside the
 * workflow; here it is for the CLI, tests and infra. Published as JSON Schema in
 * `workflows/schemas/sweep.input.schema.json` (generated: `npx tsx workflows/build/generate.ts`).
 */
export { SweepInputSchema, type SweepInput } from '../functions/lib/workflow-input/sweep-input.js';
