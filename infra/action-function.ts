import { Duration } from 'aws-cdk-lib';
import { ownRoleAndLogs } from './function-role.js';
import { acknowledgeNag, defaultPolicyOf } from './nag-acknowledgement.js';
import { FUNCTION_BUNDLING } from './function-bundling.js';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ActionDefinition } from '../functions/registry.js';
import type { ApiKeySecret } from './api-key-secret.js';
import { REPORT_PREFIX, type SweepReportBucket } from './sweep-report-bucket.js';
import { fromProjectRoot, PROJECT_ROOT } from './project-paths.js';

/** The newest Node.js runtime aws-cdk-lib offers (checked in aws-lambda/lib/runtime.d.ts). */
export const ACTION_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** Service name and metrics namespace the handlers log and emit under (functions/lib/observability.ts). */
export const POWERTOOLS_SERVICE_NAME = 'atlassian-jml';
export const POWERTOOLS_METRICS_NAMESPACE = 'AtlassianJml';

/**
 * An API action may retry one Atlassian call for up to 4 attempts x 10 s plus 30 s of backoff
 * (functions/lib/atlassian/http) and make a few calls; the timeout leaves room for that so the
 * function reports a named error the workflow can retry instead of being cut off.
 */
const API_ACTION_TIMEOUT = Duration.minutes(2);
/** Workflow-logic actions only compute on their input and the config. */
const LOGIC_ACTION_TIMEOUT = Duration.seconds(15);
/** 256 MB on arm64 keeps cold starts (zod, Powertools, the SDK client) short at a small cost. */
const MEMORY_MB = 256;

/** Deploy-time settings every action function gets. */
export interface ActionFunctionSettings {
  orgId: string;
  directoryApi: 'v1' | 'v2';
  directoryId?: string;
  logLevel: string;
  logRetention: logs.RetentionDays;
  /** JSON of the validated access-rules / protected-accounts config, for workflow-logic actions. */
  jmlConfigJson: string;
}

/** Props of {@link ActionFunction}. */
export interface ActionFunctionProps {
  action: ActionDefinition;
  secret: ApiKeySecret;
  settings: ActionFunctionSettings;
  /** The sweep's report bucket; required for actions with `reportStore` access. */
  reports?: SweepReportBucket;
}

/**
 * One registry action as a Lambda function: its own role (logs to its own log group, traces, and
 * the API key only when the action calls Atlassian), ESM bundle of just what the handler imports.
 */
export class ActionFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;
  public readonly action: ActionDefinition;

  constructor(scope: Construct, id: string, props: ActionFunctionProps) {
    super(scope, id);
    const { action, secret, settings, reports } = props;
    if (action.reportStore && !reports) throw new Error(`ActionFunction ${action.name}: it uses the report store, so pass the report bucket (reports).`);
    this.action = action;
    ({ role: this.role, logGroup: this.logGroup } = ownRoleAndLogs(this, `the ${action.name} action`, settings.logRetention));

    this.function = new NodejsFunction(this, 'Function', {
      ...bundledFunctionOptions(action.entry),
      memorySize: action.resources?.memoryMb ?? MEMORY_MB,
      timeout: action.resources ? Duration.seconds(action.resources.timeoutSeconds) : action.usesAtlassianApi ? API_ACTION_TIMEOUT : LOGIC_ACTION_TIMEOUT,
      description: action.description.slice(0, 256),
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...environmentFor(action, secret, settings), ...reportStoreEnvironment(action, reports) },
    });
    if (action.usesAtlassianApi) secret.grantReadValue(this.function);
    if (action.reportStore && reports) reports.grant(this.role, action.reportStore);
  }

  /**
   * X-Ray's trace actions take no resource ARN; a sweep step's report files have run-time keys under
   * the bucket's reports/ prefix. Called once every grant on the role is made.
   */
  acknowledgeNagFindings(reportBucketLogicalId?: string): void {
    acknowledgeNag(defaultPolicyOf(this.role), {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords use Resource "*" (active tracing): X-Ray supports no ' +
        'resource-level permissions for them. Logs and the API key secret are granted on their exact ARNs.',
    });
    if (this.action.reportStore && reportBucketLogicalId) {
      acknowledgeNag(defaultPolicyOf(this.role), {
        id: `AwsSolutions-IAM5[Resource::<${reportBucketLogicalId}.Arn>/reports/*]`,
        reason:
          `The ${this.action.name} sweep step reads or writes its run's files (scan parts, decisions, snapshots, the report) whose keys ` +
          'are only known at run time (reports/sweep/<date>/<execution>/...): object actions (s3:GetObject and/or s3:PutObject only, ' +
          'no list or delete) on the reports/ prefix of the one report bucket.',
      });
    }
  }
}

/**
 * What every registry function (action or trigger) is built with: the newest Node.js runtime on
 * arm64, active tracing, and an ESM bundle of just what its handler imports.
 */
export function bundledFunctionOptions(entry: string): NodejsFunctionProps {
  return {
    entry: fromProjectRoot(entry),
    handler: 'handler',
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: fromProjectRoot('package-lock.json'),
    runtime: ACTION_RUNTIME,
    architecture: lambda.Architecture.ARM_64,
    tracing: lambda.Tracing.ACTIVE,
    bundling: {
      format: OutputFormat.ESM,
      target: FUNCTION_BUNDLING.target,
      minify: FUNCTION_BUNDLING.minify,
      // esbuild's per-file size table is noise in `cdk synth`; warnings and errors still show.
      logLevel: LogLevel.WARNING,
      sourceMap: true,
      sourcesContent: false,
      mainFields: [...FUNCTION_BUNDLING.mainFields],
      // Bundle the AWS SDK too: the deployed code runs the SDK version the tests ran.
      externalModules: [],
      banner: FUNCTION_BUNDLING.banner,
    },
  };
}

/** Where a sweep step reads and writes its files (functions/lib/report-store/report-store-from-env.ts). */
function reportStoreEnvironment(action: ActionDefinition, reports: SweepReportBucket | undefined): Record<string, string> {
  if (!action.reportStore || !reports) return {};
  return { JML_REPORT_BUCKET: reports.bucket.bucketName, JML_REPORT_PREFIX: REPORT_PREFIX };
}

/** The handler environment of docs/contracts.md: Atlassian settings or the config, never both. */
function environmentFor(action: ActionDefinition, secret: ApiKeySecret, settings: ActionFunctionSettings): Record<string, string> {
  const common = {
    POWERTOOLS_SERVICE_NAME,
    POWERTOOLS_METRICS_NAMESPACE,
    POWERTOOLS_LOG_LEVEL: settings.logLevel,
    NODE_OPTIONS: '--enable-source-maps',
  };
  if (!action.usesAtlassianApi) return { ...common, JML_CONFIG: settings.jmlConfigJson };
  return {
    ...common,
    ...(action.readsConfig ? { JML_CONFIG: settings.jmlConfigJson } : {}),
    ATLASSIAN_ORG_ID: settings.orgId,
    ATLASSIAN_DIRECTORY_API: settings.directoryApi,
    ...(settings.directoryId ? { ATLASSIAN_DIRECTORY_ID: settings.directoryId } : {}),
    ATLASSIAN_API_KEY_SECRET_ID: secret.secretId,
  };
}
