/**
 * Input of the joiner workflow (`workflows/joiner.asl.json`). The schema lives in
 * functions/lib/workflow-input/ because the prepareRequest action validates with it inside the
 * workflow; here it is for the CLI, tests and infra. Published as JSON Schema in
 * `workflows/schemas/joiner.input.schema.json` (generated: `npx tsx workflows/build/generate.ts`).
 */
export { JoinerInputSchema, type JoinerInput } from '../functions/lib/workflow-input/joiner-input.js';
