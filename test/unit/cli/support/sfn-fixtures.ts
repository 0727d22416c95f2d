import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { allCustomMatcher } from 'aws-sdk-client-mock-vitest';
import { expect } from 'vitest';
import { runCli, type CliResult } from '../../../e2e/cli-harness.js';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';

export const machineArn = (workflow: string, stack = 'AtlassianJml') => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${stack}-${workflow}`;
export const executionArn = (workflow: string, name: string, stack = 'AtlassianJml') => `arn:aws:states:${REGION}:${ACCOUNT}:execution:${stack}-${workflow}:${name}`;

/** The SFN client of every SfnTarget, mocked (aws-sdk-client-mock patches the class). */
export const sfn = mockClient(SFNClient);

// The mock's matchers (toHaveReceivedCommandWith, ...) come with the mock: every test file that imports it asserts with them.
expect.extend(allCustomMatcher);

/**
 * ListStateMachines as an account with these stacks deployed answers it: two pages, the stacks'
 * machines after another application's.
 */
export function deployStacks(...stacks: string[]): void {
  sfn
    .on(ListStateMachinesCommand)
    .resolves({ stateMachines: [{ name: 'OtherApp-orders', stateMachineArn: machineArn('orders', 'OtherApp'), type: 'STANDARD', creationDate: new Date() }], nextToken: 'machines-page-2' })
    .on(ListStateMachinesCommand, { nextToken: 'machines-page-2' })
    .resolves({
      stateMachines: stacks.flatMap((stack) =>
        ['joiner', 'mover', 'leaver'].map((workflow) => ({ name: `${stack}-${workflow}`, stateMachineArn: machineArn(workflow, stack), type: 'STANDARD' as const, creationDate: new Date() })),
      ),
    });
}

/** `jml <argv> --aws --region eu-west-1`, in-process. */
export function runAws(argv: string[], stdin = ''): Promise<CliResult> {
  return runCli([...argv, '--aws', '--region', REGION], {}, stdin);
}

/** An AWS SDK service error as the SDK throws it (name = the service's error type). */
export function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}
