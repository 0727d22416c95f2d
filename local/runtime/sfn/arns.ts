import { SfnError } from './sfn-error.js';

/** The partition, region and account of every local ARN (the engine's `$$.StateMachine.Id` uses the same). */
export const LOCAL_ARN_PREFIX = 'arn:aws:states:local:000000000000:';

export function stateMachineArn(name: string): string {
  return `${LOCAL_ARN_PREFIX}stateMachine:${name}`;
}

export function executionArn(stateMachineName: string, executionName: string): string {
  return `${LOCAL_ARN_PREFIX}execution:${stateMachineName}:${executionName}`;
}

type ResourceType = 'stateMachine' | 'execution';

/**
 * Checks that `arn` is a Step Functions ARN of the expected resource type, as AWS does before any
 * lookup: anything else is `InvalidArn` (an unknown but well-formed ARN is the caller's
 * `...DoesNotExist`). Returns the resource part after the type, e.g. `jml-leaver:my-run`.
 */
export function parseArn(arn: string, expected: ResourceType): string {
  const parts = arn.split(':');
  if (parts.length < 7 || parts[0] !== 'arn' || !parts[1] || parts[2] !== 'states') {
    throw new SfnError('InvalidArn', `Invalid Arn: 'Invalid ARN prefix: ${arn}'`);
  }
  const type = parts[5];
  if (type !== expected) {
    throw new SfnError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${type}'`);
  }
  const resource = parts.slice(6);
  const wanted = expected === 'stateMachine' ? 1 : 2;
  if (resource.length !== wanted || resource.some((part) => part.length === 0)) {
    const shape = expected === 'stateMachine' ? 'arn:aws:states:<region>:<account>:stateMachine:<name>' : 'arn:aws:states:<region>:<account>:execution:<state machine>:<name>';
    throw new SfnError('InvalidArn', `Invalid Arn: '${arn}' (expected ${shape})`);
  }
  return resource.join(':');
}
