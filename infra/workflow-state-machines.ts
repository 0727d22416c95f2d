import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ActionFunctions } from './action-functions.js';
import type { WorkflowDefinition } from './workflow-definitions.js';
import { WorkflowStateMachine } from './workflow-state-machine.js';

/** Props of {@link WorkflowStateMachines}. */
export interface WorkflowStateMachinesProps {
  workflows: readonly WorkflowDefinition[];
  functions: ActionFunctions;
  logRetention: logs.RetentionDays;
}

/** One state machine per workflow file. */
export class WorkflowStateMachines extends Construct {
  public readonly all: readonly WorkflowStateMachine[];

  constructor(scope: Construct, id: string, props: WorkflowStateMachinesProps) {
    super(scope, id);
    this.all = props.workflows.map(
      (workflow) =>
        new WorkflowStateMachine(this, pascalCase(workflow.name), {
          workflow,
          functions: props.functions,
          logRetention: props.logRetention,
        }),
    );
  }
}

/** `inactivity-sweep` -> `InactivitySweep`. */
function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
