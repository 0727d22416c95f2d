import { Stack } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ActionFunctions } from './action-functions.js';
import type { WorkflowDefinition } from './workflow-definitions.js';
import { WorkflowLogKey, workflowLogGroupName } from './workflow-log-key.js';
import { WorkflowStateMachine } from './workflow-state-machine.js';

/** Props of {@link WorkflowStateMachines}. */
export interface WorkflowStateMachinesProps {
  workflows: readonly WorkflowDefinition[];
  functions: ActionFunctions;
  logRetention: logs.RetentionDays;
}

/** One state machine per workflow file, their log groups encrypted with one customer managed key. */
export class WorkflowStateMachines extends Construct {
  public readonly all: readonly WorkflowStateMachine[];
  public readonly logKey: WorkflowLogKey;

  constructor(scope: Construct, id: string, props: WorkflowStateMachinesProps) {
    super(scope, id);
    const logGroupName = (workflow: WorkflowDefinition) => workflowLogGroupName(Stack.of(this).stackName, workflow.name);
    this.logKey = new WorkflowLogKey(this, 'LogKey', { logGroupNames: props.workflows.map(logGroupName) });
    this.all = props.workflows.map(
      (workflow) =>
        new WorkflowStateMachine(this, pascalCase(workflow.name), {
          workflow,
          functions: props.functions,
          logRetention: props.logRetention,
          logGroupName: logGroupName(workflow),
          logKey: this.logKey.key,
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
