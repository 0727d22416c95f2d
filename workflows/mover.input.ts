/**
 * Input of the mover workflow (`workflows/mover.asl.json`). The schema lives in
 * functions/lib/workflow-input/ because the prepareRequest action validates with it inside the
 * workflow; here it is for the CLI, tests and infra. Published as JSON Schema in
 * `workflows/schemas/mover.input.schema.json` (generated: `npx tsx workflows/build/generate.ts`).
 */
export { MoverInputSchema, type MoverInput } from '../functions/lib/workflow-input/mover-input.js';
