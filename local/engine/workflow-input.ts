import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import type { ZodType } from 'zod';
import type { WorkflowName } from './workflow-definition.js';

/** The zod input schema of each workflow (`workflows/<name>.input.ts`), loaded on first use. */
const INPUT_SCHEMAS: Record<WorkflowName, () => Promise<ZodType>> = {
  joiner: async () => (await import('../../workflows/joiner.input.js')).JoinerInputSchema,
  mover: async () => (await import('../../workflows/mover.input.js')).MoverInputSchema,
  leaver: async () => (await import('../../workflows/leaver.input.js')).LeaverInputSchema,
  sweep: async () => (await import('../../workflows/sweep.input.js')).SweepInputSchema,
};

/** `input` is the parsed input (defaults applied). */
export type InputCheck = { ok: true; input: unknown } | { ok: false; problems: string[] };

/**
 * Validates an execution input with the workflow's zod schema (`workflows/<name>.input.ts`), so a
 * bad input is refused before any API call. Each problem names the field and what was wrong.
 */
export async function checkWorkflowInput(workflow: WorkflowName, input: unknown): Promise<InputCheck> {
  const schema = await INPUT_SCHEMAS[workflow]();
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`);
  return { ok: false, problems };
}

/** Path of the published JSON Schema of a workflow's input (generated from the zod schema). */
export function inputJsonSchemaPath(workflow: WorkflowName): string {
  return fileURLToPath(new URL(`../../workflows/schemas/${workflow}.input.schema.json`, import.meta.url));
}

/** The published JSON Schema, or undefined when it has not been generated. */
export async function readInputJsonSchema(workflow: WorkflowName): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(inputJsonSchemaPath(workflow), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
