import { randomUUID } from 'node:crypto';
import { refuseNonAwsJson } from '../http/request-guards.js';
import { refusalResponse } from '../http/runtime-server.js';
import type { RouteHandler, RuntimeResponse } from '../http/router.js';
import { describeExecution, listExecutions, startExecution, stopExecution } from './execution-operations.js';
import { getExecutionHistory } from './history-operation.js';
import { requestRegion } from './request-region.js';
import type { SfnContext, SfnOperation } from './sfn-context.js';
import { SfnError } from './sfn-error.js';
import { describeStateMachine, listStateMachines } from './state-machine-operations.js';

/**
 * The operations served, by their `X-Amz-Target` name. A Map, not an object: the name comes from
 * outside, and on an object `constructor` or `__proto__` would select what every object inherits.
 */
export const SFN_OPERATIONS: ReadonlyMap<string, SfnOperation> = new Map<string, SfnOperation>([
  ['ListStateMachines', listStateMachines],
  ['DescribeStateMachine', describeStateMachine],
  ['StartExecution', startExecution],
  ['DescribeExecution', describeExecution],
  ['ListExecutions', listExecutions],
  ['StopExecution', stopExecution],
  ['GetExecutionHistory', getExecutionHistory],
]);

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** How much of an unknown target the error repeats (a header can be kilobytes long). */
const MAX_ECHOED_TARGET = 100;

/**
 * `POST /`: the Step Functions API in the AWS JSON 1.0 protocol, as `@aws-sdk/client-sfn` and
 * `aws stepfunctions --endpoint-url` speak it: `X-Amz-Target: AWSStepFunctions.<Operation>`, a JSON
 * body, answers with `x-amzn-RequestId` and errors as `{"__type", "message"}`. Request signatures
 * are not checked (any credentials do): the guards in request-guards.ts keep other callers out. The
 * signature's credential scope gives the region of the ARNs answered (request-region.ts).
 */
export function sfnApiRoute(context: SfnContext, log: (line: string) => void): RouteHandler {
  return (request) => {
    const refusal = refuseNonAwsJson(request.headers);
    if (refusal) return refusalResponse('/', refusal);
    const requestId = randomUUID();
    try {
      const operation = resolveOperation(request.headers['x-amz-target']);
      // ARNs in the answer carry the region the client signed for; the store keeps them region-free.
      const region = requestRegion(request.headers);
      return answer(200, operation({ ...context, region }, parseBody(request.body)), requestId);
    } catch (error) {
      if (error instanceof SfnError) return answer(error.status, error.body, requestId);
      log(`Step Functions API: unexpected error: ${(error as Error).stack ?? String(error)}`);
      const failure = new SfnError('InternalFailure', 'The runtime hit an unexpected error; see its log.');
      return answer(failure.status, failure.body, requestId);
    }
  };
}

function resolveOperation(target: string | string[] | undefined): SfnOperation {
  const value = Array.isArray(target) ? target[0] : target;
  const name = value?.startsWith(TARGET_PREFIX) ? value.slice(TARGET_PREFIX.length) : undefined;
  const operation = name === undefined ? undefined : SFN_OPERATIONS.get(name);
  if (operation) return operation;
  const served = [...SFN_OPERATIONS.keys()].join(', ');
  throw new SfnError(
    'UnknownOperationException',
    value === undefined
      ? `No X-Amz-Target header: send X-Amz-Target: ${TARGET_PREFIX}<Operation>, one of ${served}.`
      : `${JSON.stringify(value.slice(0, MAX_ECHOED_TARGET))}${value.length > MAX_ECHOED_TARGET ? ' (cut)' : ''} is not an operation of this runtime; it serves ${TARGET_PREFIX}{${served}}.`,
  );
}

function parseBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new SfnError('SerializationException', `The request body is not JSON: ${(error as Error).message}`);
  }
}

function answer(status: number, body: unknown, requestId: string): RuntimeResponse {
  return { status, headers: { 'Content-Type': CONTENT_TYPE, 'x-amzn-RequestId': requestId }, body };
}
