import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { HrConfig, HrSource } from '../functions/lib/config/hr-config-schema.js';
import { STATE_MACHINE_ARN_VARIABLES, type StartableWorkflow } from '../functions/lib/executions/state-machine-arns.js';
import { SIGNATURE_FAILURE_METRIC } from '../functions/lib/observability.js';
import type { FunctionPermissions, TriggerDefinition } from '../functions/registry.js';
import { POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME } from './action-function.js';
import type { ActionFunctions } from './action-functions.js';
import { HrSecrets } from './hr-secrets.js';
import { HttpIngress } from './http-ingress.js';
import { TriggerFunction } from './trigger-function.js';
import type { WorkflowStateMachines } from './workflow-state-machines.js';

/** Props of {@link HrWebhooks}. */
export interface HrWebhooksProps {
  /** The validated `hr:` config; its enabled sources get secrets and a route. */
  hr: HrConfig;
  /** The webhook receiver's registry entry (`hrWebhook`). */
  receiver: TriggerDefinition;
  functions: ActionFunctions;
  stateMachines: WorkflowStateMachines;
  topic: sns.ITopic;
  logLevel: string;
  logRetention: logs.RetentionDays;
  jmlConfigJson: string;
  /** Deliveries with a refused signature in 5 minutes that raise the alarm. @default 5 */
  signatureFailureThreshold?: number;
}

const PERIOD = Duration.minutes(5);

/**
 * The HR webhook trigger in AWS: the receiver Lambda behind an HTTP API route
 * (`POST /webhooks/{source}`), one secret per HR secret of the enabled sources, and every
 * function's registry `permissions` granted exactly: the receiver may start only the hr-event state
 * machine and read only the webhook secrets; the hr-event actions may start only the joiner, mover
 * and leaver machines, or read only the HR API credentials. Alarms: refused signatures (someone
 * posting with the wrong key, or a key rotated on one side only) and 5xx answers (deliveries the
 * senders will retry).
 */
export class HrWebhooks extends Construct {
  public readonly secrets: HrSecrets;
  public readonly receiver: TriggerFunction;
  public readonly ingress: HttpIngress;
  public readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: HrWebhooksProps) {
    super(scope, id);
    const sources = Object.keys(props.hr.sources) as HrSource[];
    if (sources.length === 0) throw new Error(`${this.node.path}: hr.sources enables no source; leave the construct out instead.`);
    this.secrets = new HrSecrets(this, 'Secrets', { sources });
    this.receiver = new TriggerFunction(this, 'Receiver', {
      trigger: props.receiver,
      logLevel: props.logLevel,
      logRetention: props.logRetention,
      jmlConfigJson: props.jmlConfigJson,
    });
    this.grant(this.receiver, props.receiver.permissions, props.stateMachines);
    for (const fn of props.functions.all) {
      if (fn.action.permissions.starts || fn.action.permissions.hrSecrets) this.grant(fn, fn.action.permissions, props.stateMachines);
    }

    this.ingress = new HttpIngress(this, 'Ingress', {
      purpose: 'the HR webhooks',
      routes: [{ method: apigwv2.HttpMethod.POST, path: props.receiver.ingress.path, handler: this.receiver.function }],
      logRetention: props.logRetention,
      urlOutputId: 'HrWebhookBaseUrl',
    });

    const stack = Stack.of(this);
    for (const source of sources) {
      new CfnOutput(stack, `HrWebhookUrl${pascal(source)}`, { value: `${this.ingress.url}${props.receiver.ingress.path.replace('{source}', source)}`, description: `Register this URL as the ${source} webhook` });
    }
    for (const [name, secret] of this.secrets.secrets) {
      new CfnOutput(stack, `HrSecret${pascal(name)}`, { value: secret.secretArn, description: `Put ${name} here (see docs/deploy.md, "HR webhooks: secrets and registration")` });
    }

    const signatureFailures = new cloudwatch.Metric({
      namespace: POWERTOOLS_METRICS_NAMESPACE,
      metricName: SIGNATURE_FAILURE_METRIC,
      dimensionsMap: { service: POWERTOOLS_SERVICE_NAME },
      statistic: 'Sum',
      period: PERIOD,
    });
    const notify = new actions.SnsAction(props.topic);
    this.alarms = [
      this.alarm('SignatureFailures', signatureFailures, props.signatureFailureThreshold ?? 5,
        'HR webhook deliveries were refused for a bad or missing signature or a stale timestamp. If the HR system rotated its key, put the new one into its secret; if not, someone is probing the URL. Metric dimensions source and reason say which.'),
      this.alarm('ServerErrors', this.ingress.api.metricServerError({ period: PERIOD, statistic: 'Sum' }), 1,
        'The HR webhook endpoint answered 5xx: the sender retries, but check the receiver log group (a missing secret, Step Functions unavailable).'),
      this.alarm('ReceiverErrors', this.receiver.function.metricErrors({ period: PERIOD, statistic: 'Sum' }), 1,
        'The HR webhook receiver function failed. Its log group has the error.'),
    ];
    for (const alarm of this.alarms) alarm.addAlarmAction(notify);
    this.acknowledgeNagFindings();
  }

  /** Grants a function its registry permissions: start exactly these machines, read exactly these secrets. */
  private grant(fn: { role: iam.IGrantable; function: { addEnvironment(key: string, value: string): unknown } }, permissions: FunctionPermissions, machines: WorkflowStateMachines): void {
    const starts = (permissions.starts ?? []).map((workflow) => [workflow, machineOf(machines, workflow)] as const);
    if (starts.length > 0) {
      fn.role.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: starts.map(([, machine]) => machine.stateMachineArn) }));
      for (const [workflow, machine] of starts) fn.function.addEnvironment(STATE_MACHINE_ARN_VARIABLES[workflow], machine.stateMachineArn);
    }
    this.secrets.grantTo(fn, permissions.hrSecrets ?? []);
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      alarmDescription: description,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** Each finding on the one construct it is about, with the reason a reviewer needs. */
  private acknowledgeNagFindings(): void {
    Validations.of(this.ingress.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'HR systems cannot sign requests with IAM or send JWTs; each delivery is authenticated by its HMAC signature (BambooHR, ' +
        'HiBob, Standard Webhooks), verified over the raw body in the receiver, which an authorizer never sees. Unsigned or ' +
        'badly signed requests get 401 and start nothing; throttling bounds the cost of probes.',
    });
    const policy = this.receiver.role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error(`${this.receiver.role.node.path} has no DefaultPolicy (grants were expected on it).`);
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords use Resource "*" (active tracing): X-Ray supports no resource-level ' +
        'permissions for them. states:StartExecution and secretsmanager:GetSecretValue are granted on exact ARNs.',
    });
    for (const secret of this.secrets.secrets.values()) {
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'The secret holds a key the HR vendor issues (webhook signing key, API key, service user token); it can only be rotated ' +
          'in the vendor\'s admin screens, not by a Lambda. Rotate there and put the new value into this secret (docs/deploy.md, "HR webhooks: secrets and registration"); ' +
          'signing secrets may hold the old and the new key side by side during the change.',
      });
    }
  }
}

function pascal(name: string): string {
  return name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

function machineOf(machines: WorkflowStateMachines, workflow: StartableWorkflow) {
  const found = machines.all.find((machine) => machine.workflow.name === workflow);
  if (!found) throw new Error(`No state machine for workflow '${workflow}' (workflows/${workflow}.asl.json) to grant states:StartExecution on.`);
  return found.stateMachine;
}
