import { Duration } from 'aws-cdk-lib';
import { ownRoleAndLogs } from './function-role.js';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TriggerDefinition } from '../functions/registry.js';
import { bundledFunctionOptions, POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME } from './action-function.js';

/** Props of {@link TriggerFunction}. */
export interface TriggerFunctionProps {
  trigger: TriggerDefinition;
  logLevel: string;
  logRetention: logs.RetentionDays;
  /** Validated JML config as JSON (`JML_CONFIG`): the trigger reads its `hr:` section. */
  jmlConfigJson: string;
  /** @default 10 seconds: a webhook sender waits for the answer; API Gateway allows at most 30. */
  timeout?: Duration;
  /** @default 512: more memory is more CPU, a shorter cold start while a sender waits. */
  memorySize?: number;
}

/**
 * One registry trigger as a Lambda function, built like the actions (runtime, arm64, tracing, ESM
 * bundle): its own role and log group; what else it may do is granted by whoever wires it
 * (infra/hr-webhooks.ts grants exactly the trigger's registry `permissions`).
 */
export class TriggerFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;
  public readonly trigger: TriggerDefinition;

  constructor(scope: Construct, id: string, props: TriggerFunctionProps) {
    super(scope, id);
    this.trigger = props.trigger;
    ({ role: this.role, logGroup: this.logGroup } = ownRoleAndLogs(this, `the ${props.trigger.name} trigger`, props.logRetention));
    this.function = new NodejsFunction(this, 'Function', {
      ...bundledFunctionOptions(props.trigger.entry),
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.trigger.description.slice(0, 256),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        NODE_OPTIONS: '--enable-source-maps',
        JML_CONFIG: props.jmlConfigJson,
      },
    });
  }
}
