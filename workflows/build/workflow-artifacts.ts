import * as z from 'zod';
import { HrEventInputSchema } from '../../functions/lib/hr/hr-notice.js';
import { StandardHrEventSchema } from '../../functions/lib/hr/standard-hr-event.js';
import { WORKFLOW_INPUT_SCHEMAS } from '../../functions/lib/workflow-input/index.js';
import { hrEventDefinition } from './hr-event-definition.js';
import { joinerDefinition } from './joiner-definition.js';
import { leaverDefinition } from './leaver-definition.js';
import { moverDefinition } from './mover-definition.js';

/** Every generated workflow and its input schema: the three JML workflows and the hr-event trigger workflow. */
export const GENERATED_INPUT_SCHEMAS = { ...WORKFLOW_INPUT_SCHEMAS, 'hr-event': HrEventInputSchema } as const;
type WorkflowKind = keyof typeof GENERATED_INPUT_SCHEMAS;

/** The definition object of each workflow, as generated into `workflows/<name>.asl.json`. */
export const WORKFLOW_DEFINITIONS: Record<WorkflowKind, object> = {
  joiner: joinerDefinition,
  mover: moverDefinition,
  leaver: leaverDefinition,
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
 * the input as written (defaults optional); rules JSON Schema cannot say (exactly one of accountId
 * and email) are in the descriptions and enforced by the zod schema at run time.
 */
export function inputSchemaText(name: WorkflowKind): string {
  const schema = z.toJSONSchema(GENERATED_INPUT_SCHEMAS[name], { io: 'input', target: 'draft-2020-12' });
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
