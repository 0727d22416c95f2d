import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { forEachState, type AslState, type AslStateMachine } from '../../engine/asl-types.js';
import { waitDeadline } from '../../engine/wait-states.js';
import type { SfnTarget } from '../sfn-target.js';

/** A Wait state entered but not yet left: its name, when it was entered, and its input. */
export interface OpenWait {
  name: string;
  enteredAt?: Date;
  input?: string;
}

/**
 * Until when each open Wait waits. Step Functions does not record a Wait's end in the history, so
 * it is computed as the engine does: the Wait's Seconds / SecondsPath / Timestamp / TimestampPath
 * from the state machine's definition (DescribeStateMachine: the current one), applied to the
 * input the Wait was entered with, from the time it was entered. A wait it cannot compute (no
 * definition access, a path it does not read) is left out: the caller says "waiting" without a time.
 */
export async function openWaitDeadlines(target: SfnTarget, stateMachineArn: string | undefined, waits: readonly OpenWait[]): Promise<Map<OpenWait, Date>> {
  const deadlines = new Map<OpenWait, Date>();
  if (waits.length === 0 || !stateMachineArn) return deadlines;
  let definition: AslStateMachine;
  try {
    const machine = await target.send(new DescribeStateMachineCommand({ stateMachineArn }));
    definition = JSON.parse(machine.definition ?? '') as AslStateMachine;
  } catch {
    return deadlines; // the history is still worth showing without the end of the wait
  }
  const states = new Map<string, AslState>();
  forEachState(definition, (name, state) => states.set(name, state));
  for (const wait of waits) {
    const state = states.get(wait.name);
    if (state?.Type !== 'Wait' || !wait.enteredAt) continue;
    try {
      const input = wait.input === undefined ? {} : (JSON.parse(wait.input) as unknown);
      deadlines.set(wait, new Date(waitDeadline(wait.name, state, input, wait.enteredAt.getTime())));
    } catch {
      // A path this reader does not follow: no time rather than a wrong one.
    }
  }
  return deadlines;
}
