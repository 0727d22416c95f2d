import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import type { AslStateMachine } from './asl-types.js';

/** The workflows the engine and the `jml` CLI know, each a `workflows/<name>.asl.json` file. */
export const WORKFLOW_NAMES = ['joiner', 'mover', 'leaver', 'sweep'] as const;
export type WorkflowName = (typeof WORKFLOW_NAMES)[number];

export function isWorkflowName(value: string): value is WorkflowName {
  return (WORKFLOW_NAMES as readonly string[]).includes(value);
}

/** Absolute path of a workflow's ASL file in this repository. */
export function workflowDefinitionPath(name: WorkflowName): string {
  return fileURLToPath(new URL(`../../workflows/${name}.asl.json`, import.meta.url));
}

/**
 * Reads and parses a workflow's ASL. Every call returns a fresh object: aws-local-stepfunctions
 * and asl-validator both mutate the definition they are given.
 */
export async function loadWorkflowDefinition(name: WorkflowName): Promise<AslStateMachine> {
  const path = workflowDefinitionPath(name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the ${name} workflow at ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as AslStateMachine;
  } catch (error) {
    throw new Error(`The ${name} workflow at ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
