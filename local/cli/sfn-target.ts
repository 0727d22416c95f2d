import {
  DescribeExecutionCommand,
  ListStateMachinesCommand,
  SFNClient,
  type DescribeExecutionCommandOutput,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-sfn';
import type { Command } from '@smithy/types';
import { WORKFLOW_NAMES, type WorkflowName } from '../engine/workflow-definition.js';
import { CommandFailure, SfnCallError } from './sfn-errors.js';
import { executionNameProblem } from './execution-name.js';
import { LOCAL_STATE_MACHINE_PREFIX, type SfnTargetSpec } from './sfn-target-options.js';
import { UsageError } from './read-input.js';

/** One workflow's state machine as found on the target. */
export interface WorkflowMachine {
  workflow: WorkflowName;
  name: string;
  arn: string;
}

const EXECUTION_ARN = /^arn:[a-z-]+:states:[^:]*:[^:]*:(execution|express):[^:]+:[^:]+$/;
const STATE_MACHINE_ARN = /^arn:[a-z-]+:states:[^:]*:[^:]*:stateMachine:/;

/**
 * The Step Functions service the execution commands talk to (the local runtime or AWS), and the
 * workflows' state machines on it: found by name through ListStateMachines, once per run.
 */
export class SfnTarget {
  readonly client: SFNClient;
  private listing?: Promise<Map<string, string>>;

  constructor(readonly spec: SfnTargetSpec) {
    // The SDK warns on Node 20 about its releases of 2027; this project supports Node 20 and the
    // notice would only clutter every command's stderr.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    this.client =
      spec.kind === 'local'
        ? // The local runtime checks no signature: fixed dummy credentials, so no AWS configuration is needed.
          new SFNClient({ endpoint: spec.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'jml-local', secretAccessKey: 'jml-local' }, maxAttempts: 2 })
        : new SFNClient(spec.region ? { region: spec.region } : {});
  }

  /** `jml-<workflow>` locally, `<stack>-<workflow>` on AWS. */
  stateMachineName(workflow: WorkflowName): string {
    return `${this.spec.kind === 'local' ? LOCAL_STATE_MACHINE_PREFIX : this.spec.stack}-${workflow}`;
  }

  /** "the local runtime at URL" or "AWS (stack S, region R)", for messages. */
  async where(): Promise<string> {
    if (this.spec.kind === 'local') return `the local runtime at ${this.spec.endpoint}`;
    const region = this.spec.region ?? (await this.client.config.region().catch(() => undefined));
    return `AWS (stack ${this.spec.stack}${region ? `, region ${region}` : ''})`;
  }

  /** Sends one command; a failure becomes an {@link SfnCallError} that names the operation. */
  async send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(command: Command<ServiceInputTypes, I, ServiceOutputTypes, O, SFNClient['config']>): Promise<O> {
    try {
      return await this.client.send(command);
    } catch (error) {
      throw new SfnCallError(command.constructor.name.replace(/Command$/, ''), error);
    }
  }

  /** The workflow's state machine, or a failure that says which name was looked for where. */
  async machine(workflow: WorkflowName): Promise<WorkflowMachine> {
    const name = this.stateMachineName(workflow);
    const arn = (await this.listMachines()).get(name);
    if (!arn) throw new CommandFailure(`no state machine named ${name} on ${await this.where()}: ${this.notDeployedHint()}`);
    return { workflow, name, arn };
  }

  /** The state machines of these workflows that exist (at least one, else a failure). */
  async machines(workflows: readonly WorkflowName[] = WORKFLOW_NAMES): Promise<WorkflowMachine[]> {
    const listed = await this.listMachines();
    const found = workflows
      .map((workflow) => ({ workflow, name: this.stateMachineName(workflow), arn: listed.get(this.stateMachineName(workflow)) }))
      .filter((machine): machine is WorkflowMachine => machine.arn !== undefined);
    if (found.length === 0) {
      const names = workflows.map((workflow) => this.stateMachineName(workflow)).join(', ');
      throw new CommandFailure(`none of the state machines ${names} is on ${await this.where()}: ${this.notDeployedHint()}`);
    }
    return found;
  }

  /** The workflow a state machine ARN belongs to, when it is one of this target's. */
  workflowOf(stateMachineArn: string | undefined): WorkflowName | undefined {
    const name = stateMachineArn?.split(':stateMachine:')[1]?.split(':')[0];
    return WORKFLOW_NAMES.find((workflow) => this.stateMachineName(workflow) === name);
  }

  /**
   * Finds an execution by ARN, or by bare name among the workflows' state machines (the
   * execution ARN is the state machine's with `:execution:` and `:<name>`).
   */
  async findExecution(ref: string, workflows: readonly WorkflowName[] = WORKFLOW_NAMES): Promise<DescribeExecutionCommandOutput> {
    if (ref.startsWith('arn:')) {
      if (STATE_MACHINE_ARN.test(ref)) throw new UsageError(`${ref} is a state machine ARN: give an execution name or execution ARN`);
      if (!EXECUTION_ARN.test(ref)) throw new UsageError(`${JSON.stringify(ref)} is not an execution ARN (arn:aws:states:<region>:<account>:execution:<state machine>:<name>)`);
      const found = await this.describeIfExists(ref);
      if (!found) throw new CommandFailure(`no execution ${ref} on ${await this.where()}`);
      return found;
    }
    const problem = executionNameProblem(ref);
    if (problem) throw new UsageError(`${JSON.stringify(ref)} is neither an execution ARN nor a valid execution name: it ${problem}`);
    const machines = await this.machines(workflows);
    // Default names start with the workflow: look there first.
    machines.sort((a, b) => Number(ref.startsWith(`${b.workflow}-`)) - Number(ref.startsWith(`${a.workflow}-`)));
    for (const machine of machines) {
      const found = await this.describeIfExists(`${machine.arn.replace(':stateMachine:', ':execution:')}:${ref}`);
      if (found) return found;
    }
    throw new CommandFailure(`no execution named ${JSON.stringify(ref)} in ${machines.map((machine) => machine.name).join(', ')} on ${await this.where()}: list them with \`jml executions\``);
  }

  /** DescribeExecution, or undefined when there is no such execution. */
  async describeIfExists(executionArn: string): Promise<DescribeExecutionCommandOutput | undefined> {
    try {
      return await this.send(new DescribeExecutionCommand({ executionArn }));
    } catch (error) {
      if (error instanceof SfnCallError && error.code === 'ExecutionDoesNotExist') return undefined;
      throw error;
    }
  }

  private listMachines(): Promise<Map<string, string>> {
    this.listing ??= (async () => {
      const byName = new Map<string, string>();
      let nextToken: string | undefined;
      do {
        const page = await this.send(new ListStateMachinesCommand({ nextToken, maxResults: 1000 }));
        for (const machine of page.stateMachines ?? []) if (machine.name && machine.stateMachineArn) byName.set(machine.name, machine.stateMachineArn);
        nextToken = page.nextToken;
      } while (nextToken);
      return byName;
    })();
    return this.listing;
  }

  private notDeployedHint(): string {
    return this.spec.kind === 'local'
      ? 'is the service at this endpoint the jml runtime (`npm start`)?'
      : `is the stack deployed under this name in this region? Pass --stack and --region (the state machines are <stack>-<workflow>)`;
  }
}
