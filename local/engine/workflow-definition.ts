import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import type { AslStateMachine } from './asl-types.js';
import type { WorkflowName } from '../../workflows/catalog.js';

/**
 * The workflows the engine and the `jml` CLI know: the catalog's, each a `workflows/<name>.asl.json`
 * file. `hr-event` is started by the HR webhook receiver (docs/webhooks.md), not usually by hand.
 */
export { WORKFLOW_NAMES, isWorkflowName, type WorkflowName } from '../../workflows/catalog.js';

/** Absolute path of a workflow's ASL file in this repository. */
export function workflowDefinitionPath(name: WorkflowName): string {
  return fileURLToPath(new URL(`../../workflows/${name}.asl.json`, import.meta.url));
}

/** The parsed file per workflow: read once per process (a runtime runs thousands of executions). */
const parsed = new Map<WorkflowName, AslStateMachine>();

/**
 * Reads and parses a workflow's ASL (once per process). Every call returns a fresh copy:
 * aws-local-stepfunctions and asl-validator both mutate the definition they are given.
 */
export async function loadWorkflowDefinition(name: WorkflowName): Promise<AslStateMachine> {
  const cached = parsed.get(name);
  if (cached) return structuredClone(cached);
  const path = workflowDefinitionPath(name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the ${name} workflow at ${path}: ${(error as Error).message}`, { cause: error });
  }
  let definition: AslStateMachine;
  try {
    definition = JSON.parse(text) as AslStateMachine;
  } catch (error) {
    throw new Error(`The ${name} workflow at ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  parsed.set(name, definition);
  return structuredClone(definition);
}
