import { Annotations, CfnRule, Fn, type Stack } from 'aws-cdk-lib';
import { EXAMPLE_ORG_ID } from './deploy-config.js';

/**
 * `cdk.json` ships the example org id so `cdk synth` works in CI without arguments. A stack built
 * with it must not reach an account: synth warns, and a CloudFormation rule whose assertion can
 * never hold makes `cdk deploy` fail before any resource is created, with the fix in the message.
 */
export function guardAgainstExampleOrgId(stack: Stack, orgId: string): void {
  if (orgId !== EXAMPLE_ORG_ID) return;
  const fix = `orgId is the example value "${EXAMPLE_ORG_ID}". Deploy with -c orgId=<your Atlassian organization id> (admin.atlassian.com > Settings > API keys).`;
  Annotations.of(stack).addWarningV2('atlassian-jml:example-org-id', `${fix} This template cannot be deployed.`);
  new CfnRule(stack, 'OrgIdMustNotBeTheExample', {
    assertions: [{ assert: Fn.conditionNot(Fn.conditionEquals(orgId, EXAMPLE_ORG_ID)), assertDescription: fix }],
  });
}
