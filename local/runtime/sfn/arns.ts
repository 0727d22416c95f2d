import { SfnError } from './sfn-error.js';

/** The account of every local ARN. */
export const LOCAL_ACCOUNT = '000000000000';
/**
 * The region the store keeps in every ARN: a placeholder, never shown. Answers carry the region the
 * client signed for instead ({@link inRegion}), and ARNs of any region name the same resources.
 */
export const STORED_REGION = 'local';
/** The region of answers to unsigned requests (and of in-process starts), as the SDK's usual default. */
export const DEFAULT_REGION = 'us-east-1';
/** The partition, region and account of every stored ARN (the engine's `$$.StateMachine.Id` uses the same). */
export const LOCAL_ARN_PREFIX = `arn:aws:states:${STORED_REGION}:${LOCAL_ACCOUNT}:`;

/** The stored ARN of a state machine. */
export function stateMachineArn(name: string): string {
  return `${LOCAL_ARN_PREFIX}stateMachine:${name}`;
}

/** The stored ARN of an execution. */
export function executionArn(stateMachineName: string, executionName: string): string {
  return `${LOCAL_ARN_PREFIX}execution:${stateMachineName}:${executionName}`;
}

/** A stored ARN as a client of `region` sees it: `arn:aws:states:<region>:000000000000:...`. */
export function inRegion(storedArn: string, region: string): string {
  return storedArn.startsWith(LOCAL_ARN_PREFIX) ? `arn:aws:states:${region}:${LOCAL_ACCOUNT}:${storedArn.slice(LOCAL_ARN_PREFIX.length)}` : storedArn;
}

/** The local Lambda ARNs of the definitions (local/engine/task-bindings.ts), in the client's region. */
export function lambdaArnsInRegion(text: string, region: string): string {
  return text.replaceAll(`arn:aws:lambda:${DEFAULT_REGION}:${LOCAL_ACCOUNT}:function:`, `arn:aws:lambda:${region}:${LOCAL_ACCOUNT}:function:`);
}

type ResourceType = 'stateMachine' | 'execution';

/**
 * Checks that `arn` is a Step Functions ARN of the expected resource type, as AWS does before any
 * lookup: anything else is `InvalidArn` (an unknown but well-formed ARN is the caller's
 * `...DoesNotExist`). Returns the stored form to look up: the same ARN with the region the store
 * keeps, so an ARN of any region (`us-east-1` as the SDK signs by default, `local` as older answers
 * and docs have it) names the same resource.
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
  return [parts[0], parts[1], parts[2], STORED_REGION, ...parts.slice(4)].join(':');
}
