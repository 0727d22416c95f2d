import * as z from 'zod';
import { WORKFLOWS, type WorkflowName } from '../catalog.js';
import { StandardHrEventSchema } from '../../functions/lib/hr/standard-hr-event.js';
import { hrEventDefinition } from './hr-event-definition.js';
import { joinerDefinition } from './joiner-definition.js';
import { leaverDefinition } from './leaver-definition.js';
import { moverDefinition } from './mover-definition.js';
import { sweepDefinition } from './sweep-definition.js';

type WorkflowKind = WorkflowName;

/** The definition of each catalog workflow (typed: a catalog entry without one does not compile). */
export const WORKFLOW_DEFINITIONS: Record<WorkflowName, object> = {
  joiner: joinerDefinition,
  mover: moverDefinition,
  leaver: leaverDefinition,
  sweep: sweepDefinition,
  'hr-event': hrEventDefinition,
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
 * the input as written (defaults optional). Rules zod checks by refinement or after trimming
 * carry their JSON Schema form as metadata (exactly one of accountId and email as `oneOf`,
 * blank text as `pattern`), so both accept and refuse the same inputs
 * (test/workflows/input-schemas-agree.test.ts).
 */
export function inputSchemaText(name: WorkflowKind): string {
  const schema = z.toJSONSchema(WORKFLOWS[name].inputSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    $id: `https://github.com/atlassian-jml/workflows/schemas/${name}.input.schema.json`,
    title: `${name} workflow input`,
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Where the JSON Schema of the `standard` webhook body is published (docs/webhooks.md shows it too). */
export const STANDARD_EVENT_SCHEMA_PATH = 'docs/schemas/standard-hr-event.schema.json';

/** The JSON Schema of a `standard` webhook body (functions/lib/hr/standard-hr-event.ts). */
export function standardEventSchemaText(): string {
  const schema = z.toJSONSchema(StandardHrEventSchema, { io: 'input', target: 'draft-2020-12' });
  const document = { $id: 'https://github.com/atlassian-jml/docs/schemas/standard-hr-event.schema.json', title: 'atlassian-jml HR event (standard webhook body)', ...schema };
  return `${JSON.stringify(document, null, 2)}\n`;
}
