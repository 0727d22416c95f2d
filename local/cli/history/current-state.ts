import { GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import type { SfnTarget } from '../sfn-target.js';

/** The state a running execution is in: the newest state entered that has not been left. */
export interface CurrentState {
  name: string;
  type: string;
  enteredAt?: Date;
  input?: string;
}

/** How far back to look: a running leaver's newest events are a few dozen at most. */
const RECENT_EVENTS = 100;

/**
 * Reads the newest events (GetExecutionHistory, reverseOrder) and walks back to the newest
 * StateEntered without a later StateExited of the same name. Undefined when none is in reach.
 */
export async function currentState(target: SfnTarget, executionArn: string): Promise<CurrentState | undefined> {
  const page = await target.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: RECENT_EVENTS, includeExecutionData: true }));
  const exitsSeen = new Map<string, number>();
  for (const event of page.events ?? []) {
    const type = event.type ?? '';
    if (type.endsWith('StateExited')) {
      const name = event.stateExitedEventDetails?.name ?? '';
      exitsSeen.set(name, (exitsSeen.get(name) ?? 0) + 1);
    } else if (type.endsWith('StateEntered')) {
      const name = event.stateEnteredEventDetails?.name ?? '';
      const exits = exitsSeen.get(name) ?? 0;
      if (exits > 0) {
        exitsSeen.set(name, exits - 1);
        continue;
      }
      return { name, type: type.slice(0, -'StateEntered'.length), enteredAt: event.timestamp, input: event.stateEnteredEventDetails?.input };
    }
  }
  return undefined;
}
