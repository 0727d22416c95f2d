import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * A cdk-nag AwsSolutions finding a construct acknowledges on one of its own resources (never
 * stack-wide), with the reason a reviewer needs. Anything not acknowledged fails synth.
 */
export function acknowledgeNag(scope: IConstruct, rule: { id: string; reason: string }): void {
  Validations.of(scope).acknowledge(rule);
}

/** The DefaultPolicy CDK adds to a role for grants; it exists once anything was granted. */
export function defaultPolicyOf(role: IConstruct): IConstruct {
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!policy) throw new Error(`Expected ${role.node.path} to have a DefaultPolicy (grants were expected on it).`);
  return policy;
}

/** A construct whose findings can only be acknowledged once every grant on it is made (end of the stack). */
export interface AcknowledgesNagFindings {
  acknowledgeNagFindings(): void;
}
