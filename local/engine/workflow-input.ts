import { describeIssues } from '../../functions/lib/zod-issues.js';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { WORKFLOWS, type WorkflowName } from '../../workflows/catalog.js';

/** `input` is the parsed input (defaults applied). */
export type InputCheck = { ok: true; input: unknown } | { ok: false; problems: string[] };

/**
 * Validates an execution input with the workflow's zod schema (`workflows/inputs/<name>.input.ts`), so a
 * bad input is refused before any API call. Each problem names the field and what was wrong.
 */
export async function checkWorkflowInput(workflow: WorkflowName, input: unknown): Promise<InputCheck> {
  const parsed = WORKFLOWS[workflow].inputSchema.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems = describeIssues(parsed.error.issues, '(input)');
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
