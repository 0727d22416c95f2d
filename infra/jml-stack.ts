import { CfnOutput, Stack, type CfnElement, type StackProps } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { ActionDefinition, TriggerDefinition } from '../functions/registry.js';
import type { AccessConfig } from './access-config.js';
import { ActionFunctions } from './action-functions.js';
import { OperationalAlarms } from './alarms.js';
import { AlarmTopic } from './alarm-topic.js';
import { ApiKeySecret } from './api-key-secret.js';
import { ChangeBudget } from './change-budget.js';
import type { DeployConfig } from './deploy-config.js';
import { guardAgainstExampleOrgId } from './example-org-guard.js';
import { HrWebhooks } from './hr-webhooks.js';
import { SweepReportBucket } from './sweep-report-bucket.js';
import { SweepSchedule } from './sweep-schedule.js';
import type { WorkflowDefinition } from './workflow-definitions.js';
import { WorkflowStateMachines } from './workflow-state-machines.js';

/** Props of {@link JmlStack}: everything already validated. */
export interface JmlStackProps extends StackProps {
  deploy: DeployConfig;
  access: AccessConfig;
  /** The action registry (`ACTIONS`). */
  actions: readonly ActionDefinition[];
  /** The workflow files (`loadWorkflowDefinitions()`). */
  workflows: readonly WorkflowDefinition[];
  /** The registry triggers (`TRIGGERS`). @default none: no HR webhook ingress */
  triggers?: readonly TriggerDefinition[];
}

/**
 * The whole product in one account and region: the API key secret, one function per action,
 * one state machine per workflow, and the alarms with their topic.
 */
export class JmlStack extends Stack {
  public readonly apiKey: ApiKeySecret;
  public readonly functions: ActionFunctions;
  public readonly stateMachines: WorkflowStateMachines;
  public readonly alarmTopic: AlarmTopic;
  public readonly alarms: OperationalAlarms;
  /** The org-wide daily change budget; absent only when the registry has no reserveChangeBudget (tests). */
  public readonly changeBudget?: ChangeBudget;
  /** The HR webhook ingress, receiver and secrets: present when the config enables an `hr.sources` entry. */
  public readonly hrWebhooks?: HrWebhooks;
  public readonly reports: SweepReportBucket;
  /** Present when the workflows include the inactivity sweep. */
  public readonly sweepSchedule?: SweepSchedule;

  constructor(scope: Construct, id: string, props: JmlStackProps) {
    super(scope, id, props);
    const { deploy } = props;
    const logRetention = deploy.logRetentionDays as logs.RetentionDays;
    guardAgainstExampleOrgId(this, deploy.orgId);

    this.apiKey = new ApiKeySecret(this, 'AtlassianApiKey', { existing: deploy.apiKeySecret, kmsKeyArn: deploy.apiKeySecretKmsKeyArn });
    this.reports = new SweepReportBucket(this, 'SweepReports', { retentionDays: deploy.reportRetentionDays });
    this.functions = new ActionFunctions(this, 'Actions', {
      actions: props.actions,
      secret: this.apiKey,
      reports: this.reports,
      settings: {
        orgId: deploy.orgId,
        directoryApi: deploy.directoryApi,
        directoryId: deploy.directoryId,
        logLevel: deploy.logLevel,
        logRetention,
        jmlConfigJson: props.access.json,
      },
    });
    this.stateMachines = new WorkflowStateMachines(this, 'Workflows', {
      workflows: props.workflows,
      functions: this.functions,
      logRetention,
    });
    this.alarmTopic = new AlarmTopic(this, 'Alarms', { email: deploy.alarmEmail });
    this.alarms = new OperationalAlarms(this, 'Alarm', {
      functions: this.functions,
      stateMachines: this.stateMachines,
      topic: this.alarmTopic.topic,
    });
    const reserveAction = props.actions.find((action) => action.name === 'reserveChangeBudget');
    if (reserveAction) {
      this.changeBudget = new ChangeBudget(this, 'ChangeBudget', {
        reserveFunction: this.functions.forAction(reserveAction),
        orgId: deploy.orgId,
        topic: this.alarmTopic.topic,
      });
    }
    const receiver = props.triggers?.find((trigger) => trigger.name === 'hrWebhook');
    const hr = props.access.config.hr;
    if (receiver && hr && Object.keys(hr.sources).length > 0) {
      this.hrWebhooks = new HrWebhooks(this, 'HrWebhooks', {
        hr,
        receiver,
        functions: this.functions,
        stateMachines: this.stateMachines,
        topic: this.alarmTopic.topic,
        logLevel: deploy.logLevel,
        logRetention,
        jmlConfigJson: props.access.json,
      });
    }
    const sweep = this.stateMachines.all.find((machine) => machine.workflow.name === 'sweep');
    if (sweep) {
      this.sweepSchedule = new SweepSchedule(this, 'SweepSchedule', {
        stateMachine: sweep.stateMachine,
        cron: deploy.sweepSchedule,
        timeZone: deploy.sweepTimeZone,
        enabled: deploy.sweepScheduleEnabled,
        alarmTopic: this.alarmTopic.topic,
      });
    }
    // Each construct acknowledges its own findings, once every grant on its roles is made.
    const reportBucketId = this.getLogicalId(this.reports.bucket.node.defaultChild as CfnElement);
    for (const fn of this.functions.all) fn.acknowledgeNagFindings(reportBucketId);
    for (const machine of this.stateMachines.all) machine.acknowledgeNagFindings();

    new CfnOutput(this, 'ApiKeySecretId', { value: this.apiKey.secretId, description: 'Put the Atlassian org API key into this secret' });
    new CfnOutput(this, 'SweepReportBucketName', { value: this.reports.bucket.bucketName, description: 'Inactivity sweep reports (reports/sweep/<date>/<execution>/report.html)' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topic.topicArn, description: 'Alarm notifications' });
    for (const machine of this.stateMachines.all) {
      new CfnOutput(this, `${machine.node.id}StateMachineArn`, {
        value: machine.stateMachine.stateMachineArn,
        description: `Start a ${machine.workflow.name} execution here`,
      });
    }
  }
}
