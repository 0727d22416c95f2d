import type { AslStateMachine } from '../engine/asl-types.js';
import { substituteLocalArns } from '../engine/task-bindings.js';
import { loadWorkflowDefinition, WORKFLOW_NAMES, type WorkflowName } from '../engine/workflow-definition.js';
import { parseArn, stateMachineArn } from './sfn/arns.js';
import { SfnError } from './sfn/sfn-error.js';
import type { ExecutionStore } from './store/execution-store.js';

/** One `workflows/<workflow>.asl.json`, hosted as the Standard state machine `jml-<workflow>`. */
export interface HostedStateMachine {
  workflow: WorkflowName;
  name: string;
  /** As stored (region `local`, sfn/arns.ts); answers show it in the client's region. */
  arn: string;
  /** The ASL with every `${...FunctionArn}` replaced by the local Lambda ARN the engine binds (as deploys substitute them). */
  definition: AslStateMachine;
  /** `definition` as DescribeStateMachine returns it. */
  definitionText: string;
  creationMs: number;
}

/** There is no IAM locally: every state machine reports this role. */
export const LOCAL_ROLE_ARN = 'arn:aws:iam::000000000000:role/jml-local-runtime';

/** The state machines this runtime hosts: one per workflow of `WORKFLOW_NAMES`. */
export class StateMachineCatalog {
  private readonly byArnMap: Map<string, HostedStateMachine>;

  private constructor(readonly all: readonly HostedStateMachine[]) {
    this.byArnMap = new Map(all.map((machine) => [machine.arn, machine]));
  }

  /** Reads every workflow's ASL now (a broken file stops the start, not a later execution). */
  static async load(store: ExecutionStore, nowMs: number): Promise<StateMachineCatalog> {
    const machines = await Promise.all(
      WORKFLOW_NAMES.map(async (workflow): Promise<HostedStateMachine> => {
        const definition = await loadWorkflowDefinition(workflow);
        substituteLocalArns(definition);
        const name = `jml-${workflow}`;
        const arn = stateMachineArn(name);
        return { workflow, name, arn, definition, definitionText: JSON.stringify(definition, null, 2), creationMs: store.ensureStateMachine(arn, name, nowMs) };
      }),
    );
    return new StateMachineCatalog([...machines].sort((a, b) => a.name.localeCompare(b.name)));
  }

  /** @throws SfnError InvalidArn for a malformed ARN, StateMachineDoesNotExist for an unknown one. */
  require(arn: string): HostedStateMachine {
    const machine = this.byArnMap.get(parseArn(arn, 'stateMachine'));
    if (!machine) {
      throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}' (this runtime hosts ${this.all.map((m) => m.name).join(', ')})`);
    }
    return machine;
  }

  /** By stored ARN (as the store keeps it). */
  byArn(arn: string): HostedStateMachine | undefined {
    return this.byArnMap.get(arn);
  }
}
