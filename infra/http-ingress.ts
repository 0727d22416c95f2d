import { CfnOutput, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EncryptedLogGroup } from './log-group-key.js';

/** One route to a Lambda function (payload format 2.0). */
export interface HttpIngressRoute {
  method: apigwv2.HttpMethod;
  /** e.g. `/webhooks/{source}`. */
  path: string;
  handler: lambda.IFunction;
}

/** Props of {@link HttpIngress}. */
export interface HttpIngressProps {
  routes: readonly HttpIngressRoute[];
  logRetention: logs.RetentionDays;
  /**
   * Requests per second across all routes, steady and burst. HR systems send a handful of events a
   * minute; the limit keeps a flood (or a misbehaving sender) from becoming a Lambda bill.
   * @default { rateLimit: 20, burstLimit: 50 }
   */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Output id of the base URL (a stack output). @default - no output */
  urlOutputId?: string;
  /** What callers reach here, for the API and output descriptions. */
  purpose: string;
}

/**
 * An API Gateway HTTP API for callers outside AWS (rather than a Lambda Function URL: throttling,
 * access logs, room for a custom domain and WAF): one `$default` stage, auto-deployed, with
 * throttling and JSON access logs to a KMS-encrypted log group, and the base URL as a stack output.
 */
export class HttpIngress extends Construct {
  public readonly api: apigwv2.HttpApi;
  public readonly stage: apigwv2.HttpStage;
  public readonly accessLogs: EncryptedLogGroup;
  /** `https://<id>.execute-api.<region>.amazonaws.com` (no trailing slash). */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: HttpIngressProps) {
    super(scope, id);
    const throttle = props.throttle ?? { rateLimit: 20, burstLimit: 50 };
    if (props.routes.length === 0) throw new Error(`${this.node.path}: an HttpIngress needs at least one route.`);
    if (!(throttle.rateLimit > 0) || !(throttle.burstLimit >= throttle.rateLimit)) {
      throw new Error(`${this.node.path}: throttle needs rateLimit > 0 and burstLimit >= rateLimit (got ${throttle.rateLimit}/${throttle.burstLimit}).`);
    }
    const stack = Stack.of(this);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      apiName: `${stack.stackName}-${id}`,
      description: `${props.purpose} (${stack.stackName})`,
      createDefaultStage: false,
    });
    this.accessLogs = new EncryptedLogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/vendedlogs/apigateway/${stack.stackName}-${id}`,
      retention: props.logRetention,
      purpose: `the access logs of ${props.purpose}`,
    });
    this.stage = new apigwv2.HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs.logGroup),
        // Who called which route with what result; never headers or bodies (signatures, personal data).
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    for (const [index, route] of props.routes.entries()) {
      this.api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration: new HttpLambdaIntegration(`Route${index}`, route.handler, { payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0 }),
      });
    }
    this.url = this.api.apiEndpoint;
    if (props.urlOutputId) {
      new CfnOutput(stack, props.urlOutputId, { value: this.url, description: `Base URL of ${props.purpose}` });
    }
  }
}
