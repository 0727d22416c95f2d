import type { ZodType } from 'zod';
import { JoinerInputSchema } from './joiner-input.js';
import { LeaverInputSchema } from './leaver-input.js';
import { MoverInputSchema } from './mover-input.js';
import { SweepInputSchema } from './sweep-input.js';

export { JoinerInputSchema, type JoinerInput } from './joiner-input.js';
export { LeaverInputSchema, type LeaverInput } from './leaver-input.js';
export { MoverInputSchema, type MoverInput } from './mover-input.js';
export { SweepInputSchema, type SweepInput } from './sweep-input.js';

/** The workflows and the schema of each one's execution input. */
export const WORKFLOW_INPUT_SCHEMAS = {
  joiner: JoinerInputSchema,
  mover: MoverInputSchema,
  leaver: LeaverInputSchema,
  sweep: SweepInputSchema,
} as const satisfies Record<string, ZodType>;

export type WorkflowKind = keyof typeof WORKFLOW_INPUT_SCHEMAS;
