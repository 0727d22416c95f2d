import { z } from 'zod';
import { LOCAL_ROLE_ARN } from '../state-machines.js';
import { arnMember, includedDataMember, maxResultsMember, nextTokenMember, parseOperationInput } from './operation-input.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { lambdaArnsInRegion } from './arns.js';
import { epochSeconds, shownArn, type SfnOperation } from './sfn-context.js';

const DEFAULT_PAGE = 100;

/** `ListStateMachines`: the hosted state machines by name, paged. */
export const listStateMachines: SfnOperation = (context, body) => {
  const input = parseOperationInput({ maxResults: maxResultsMember, nextToken: nextTokenMember }, body);
  const offset = input.nextToken ? decodePageToken(input.nextToken, 'ListStateMachines', isOffset) : 0;
  const limit = input.maxResults || DEFAULT_PAGE;
  const page = context.catalog.all.slice(offset, offset + limit);
  const more = offset + limit < context.catalog.all.length;
  return {
    stateMachines: page.map((machine) => ({ stateMachineArn: shownArn(context, machine.arn), name: machine.name, type: 'STANDARD', creationDate: epochSeconds(machine.creationMs) })),
    ...(more ? { nextToken: encodePageToken('ListStateMachines', offset + limit) } : {}),
  };
};

/** `DescribeStateMachine`: the ASL as the engine runs it (local Lambda ARNs of the client's region substituted). */
export const describeStateMachine: SfnOperation = (context, body) => {
  const input = parseOperationInput({ stateMachineArn: arnMember, includedData: includedDataMember }, body);
  const machine = context.catalog.require(input.stateMachineArn);
  return {
    stateMachineArn: shownArn(context, machine.arn),
    name: machine.name,
    status: 'ACTIVE',
    definition: lambdaArnsInRegion(machine.definitionText, context.region),
    roleArn: LOCAL_ROLE_ARN,
    type: 'STANDARD',
    creationDate: epochSeconds(machine.creationMs),
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
  };
};

function isOffset(value: unknown): value is number {
  return z.number().int().min(0).safeParse(value).success;
}
