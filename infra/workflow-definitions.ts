import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findActionByPlaceholder, type ActionDefinition } from '../functions/registry.js';
import { DeployConfigError } from './deploy-config.js';
import { fromProjectRoot } from './project-paths.js';

/** One `workflows/<name>.asl.json` file and the registry actions its Task states call. */
export interface WorkflowDefinition {
  /** File name without `.asl.json`, e.g. `leaver`. */
  name: string;
  /** The ASL text exactly as in the file, `${Placeholder}` resources included. */
  definition: string;
  /** The actions whose placeholders the definition uses, in order of first use, each once. */
  actions: ActionDefinition[];
}

const ASL_SUFFIX = '.asl.json';
/** Matches CloudFormation-style `${Name}` substitutions anywhere in the text. */
const PLACEHOLDER = /\$\{([^}]*)\}/g;

/**
 * Reads every `*.asl.json` in the workflows folder. A placeholder that names no registry action
 * fails synth here: deployed as is it would leave a literal `${...}` in the state machine.
 * @param folder repository-relative or absolute. @default 'workflows'
 */
export function loadWorkflowDefinitions(
  folder = 'workflows',
  lookup: (placeholder: string) => ActionDefinition | undefined = findActionByPlaceholder,
): WorkflowDefinition[] {
  const directory = fromProjectRoot(folder);
  const files = readdirSync(directory)
    .filter((file) => file.endsWith(ASL_SUFFIX))
    .sort();
  if (files.length === 0) {
    throw new DeployConfigError(`No *${ASL_SUFFIX} workflow in ${directory}: there is nothing to deploy.`);
  }
  return files.map((file) => readWorkflow(join(directory, file), file.slice(0, -ASL_SUFFIX.length), lookup));
}

function readWorkflow(path: string, name: string, lookup: (placeholder: string) => ActionDefinition | undefined): WorkflowDefinition {
  const definition = readFileSync(path, 'utf8');
  try {
    JSON.parse(definition);
  } catch (error) {
    throw new DeployConfigError(`Workflow ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const actions = new Set<ActionDefinition>();
  const unknown = new Set<string>();
  for (const [, placeholder] of definition.matchAll(PLACEHOLDER)) {
    const action = lookup(placeholder);
    if (action) actions.add(action);
    else unknown.add(placeholder);
  }
  if (unknown.size > 0) {
    throw new DeployConfigError(
      `Workflow ${path} uses \${${[...unknown].join('}, ${')}}, which no action in functions/registry.ts provides. ` +
        'Use an action placeholder (PascalCase action name + "FunctionArn", e.g. ${SuspendUserFunctionArn}) or add the action to the registry.',
    );
  }
  return { name, definition, actions: [...actions] };
}
