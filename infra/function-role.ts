import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * A function's own log group and role, as every registry function (action or trigger) gets them:
 * an own role instead of the default one (no AWSLambdaBasicExecutionRole, which writes to every
 * log group), allowed to write to its own log group only. Anything else is granted by the caller.
 */
export function ownRoleAndLogs(scope: Construct, what: string, retention: logs.RetentionDays): { role: iam.Role; logGroup: logs.LogGroup } {
  const logGroup = new logs.LogGroup(scope, 'Logs', { retention });
  const role = new iam.Role(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Runs ${what} of ${Stack.of(scope).stackName}`,
  });
  logGroup.grantWrite(role);
  return { role, logGroup };
}
