import * as z from 'zod';
import { WORKFLOW_INPUT_SCHEMAS, type WorkflowKind } from '../../functions/lib/workflow-input/index.js';
import { joinerDefinition } from './joiner-definition.js';
import { leaverDefinition } from './leaver-definition.js';
import { moverDefinition } from './mover-definition.js';
import { sweepDefinition } from './sweep-definition.js';

/** The definition object of each workflow, as generated into `workflows/<name>.asl.json`. */
export const WORKFLOW_DEFINITIONS: Record<WorkflowKind, object> = {
  joiner: joinerDefinition,
  mover: moverDefinition,
  leaver: leaverDefinition,
  sweep: sweepDefinition,
};

/** Repo-relative paths of the generated files. */
export const aslPath = (name: WorkflowKind) => `workflows/${name}.asl.json`;
export const schemaPath = (name: WorkflowKind) => `workflows/schemas/${name}.input.schema.json`;

/** The JSON text of a workflow's ASL, exactly as committed. */
export function aslText(name: WorkflowKind): string {
  return `${JSON.stringify(WORKFLOW_DEFINITIONS[name], null, 2)}\n`;
}

/**
 * The JSON Schema of a workflow's input, for people who start executions by hand. It describes
 * the input as written (defaults optional); rules JSON Schema cannot say (exactly one of accountId
 * and email) are in the descriptions and enforced by the zod schema at run time.
 */
export function inputSchemaText(name: WorkflowKind): string {
  const schema = z.toJSONSchema(WORKFLOW_INPUT_SCHEMAS[name], { io: 'input', target: 'draft-2020-12' });
  const document = {
    $id: `https://github.com/atlassian-jml/workflows/schemas/${name}.input.schema.json`,
    title: `${name} workflow input`,
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
