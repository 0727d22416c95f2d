import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** Lambda's default timeout in the infra stack is well above this; handlers only read it for logging. */
const LOCAL_TIMEOUT_MS = 60_000;

/**
 * A Lambda `Context` for one in-process invocation, shaped like the real one so Powertools
 * (`addContext`, cold-start metric) and middy see what they would see in AWS.
 */
export function createLambdaContext(actionName: string): Context {
  const deadline = Date.now() + LOCAL_TIMEOUT_MS;
  const functionName = `jml-local-${actionName}`;
  const notSupported = (what: string) => () => {
    throw new Error(`context.${what}() is a deprecated Lambda API; return or throw from the handler instead`);
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: notSupported('done'),
    fail: notSupported('fail'),
    succeed: notSupported('succeed'),
  };
}
