import { readFile } from 'node:fs/promises';
import type { WorkflowName } from './workflow-definition.js';

/** The part of a zod schema the engine uses. */
interface InputSchema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

export type InputCheck = { ok: true; input: unknown } | { ok: false; problems: string[] };

/**
 * Validates an execution input with the workflow's zod schema (`workflows/<name>.input.ts`), so a
 * bad input is refused before any API call. Each problem names the field and what was wrong.
 */
export async function checkWorkflowInput(workflow: WorkflowName, input: unknown): Promise<InputCheck> {
  const schema = await loadInputSchema(workflow);
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`);
  return { ok: false, problems };
}

async function loadInputSchema(workflow: WorkflowName): Promise<InputSchema> {
  const module = (await import(`../../workflows/${workflow}.input.js`)) as Record<string, unknown>;
  const schemas = Object.entries(module).filter(([, value]) => typeof (value as InputSchema | null)?.safeParse === 'function');
  // Prefer the export that says it is the input schema (a module may also export parts of it).
  const preferred = schemas.find(([name]) => /input/i.test(name) && /schema/i.test(name)) ?? schemas[0];
  if (!preferred) throw new Error(`workflows/${workflow}.input.ts exports no zod schema`);
  return preferred[1] as InputSchema;
}

/** Path of the published JSON Schema of a workflow's input (generated from the zod schema). */
export function inputJsonSchemaPath(workflow: WorkflowName): string {
  return new URL(`../../workflows/schemas/${workflow}.input.schema.json`, import.meta.url).pathname;
}

/** The published JSON Schema, or undefined when it has not been generated. */
export async function readInputJsonSchema(workflow: WorkflowName): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(inputJsonSchemaPath(workflow), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
