/**
 * The slice of an Amazon States Language (JSONPath) definition the local engine reads. Kept
 * loose on purpose: aws-local-stepfunctions validates the full grammar; we only walk states.
 */
export interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: unknown;
  ItemSelector?: unknown;
  ResultSelector?: unknown;
  Iterator?: AslStateMachine;
  ItemProcessor?: AslStateMachine;
  Branches?: AslStateMachine[];
  [field: string]: unknown;
}

export interface AslStateMachine {
  StartAt: string;
  States: Record<string, AslState>;
  Comment?: string;
  [field: string]: unknown;
}

/** Calls `visit` for every state, including those nested in Map iterators and Parallel branches. */
export function forEachState(machine: AslStateMachine, visit: (name: string, state: AslState) => void): void {
  for (const [name, state] of Object.entries(machine.States)) {
    visit(name, state);
    const nested = [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])];
    for (const child of nested) {
      if (child) forEachState(child, visit);
    }
  }
}
