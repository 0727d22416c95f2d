import { describe, expect, it } from 'vitest';
import { handlerEnvironment } from '../../../functions/lib/handler-environment-scope.js';
import { bindTaskStates, resolveTaskActions, substituteLocalArns } from '../../../local/engine/task-bindings.js';
import { inlineStateNames, scaleRetries, shortenedWaits } from '../../../local/engine/state-overrides.js';
import type { AslStateMachine } from '../../../local/engine/asl-types.js';
import { fakeAction } from './fake-actions.js';

const task = (resource: string, extra: object = {}) => ({ Type: 'Task', Resource: resource, End: true, ...extra });

/** A Parallel whose second branch holds a Map whose iterator holds a Task and a Wait. */
function nested(): AslStateMachine {
  return {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        End: true,
        Branches: [
          { StartAt: 'Suspend', States: { Suspend: task('${SuspendUserFunctionArn}', { Parameters: { 'stateName.$': '$$.State.Name' } }) } },
          {
            StartAt: 'EachGroup',
            States: {
              EachGroup: {
                Type: 'Map',
                End: true,
                ItemProcessor: {
                  StartAt: 'Pause',
                  States: { Pause: { Type: 'Wait', Seconds: 30, Next: 'Remove' }, Remove: task('${RemoveFromGroupFunctionArn}') },
                },
              },
            },
          },
        ],
      },
    },
  };
}

const actions = [fakeAction('suspendUser', async () => null), fakeAction('removeFromGroup', async () => null)];

describe('resolveTaskActions', () => {
  it('finds Tasks in Parallel branches and Map iterators', () => {
    // Act
    const bound = resolveTaskActions(nested(), actions);

    // Assess
    expect(Object.fromEntries([...bound].map(([state, action]) => [state, action.name]))).toEqual({ Suspend: 'suspendUser', Remove: 'removeFromGroup' });
  });

  it('refuses two Task states of one name bound to different actions (overrides are keyed by name)', () => {
    // Prepare
    const machine = nested();
    const branch = (machine.States.Both.Branches as AslStateMachine[])[1];
    branch.States.EachGroup.ItemProcessor!.States.Remove.Resource = '${SuspendUserFunctionArn}';
    branch.States.EachGroup.ItemProcessor!.States.Suspend = task('${RemoveFromGroupFunctionArn}');

    // Act / Assess
    expect(() => resolveTaskActions(machine, actions)).toThrow(/"Suspend" is used for both suspendUser and removeFromGroup/);
  });
});

describe('definition rewriting for the local run', () => {
  it('inlines $$.State.Name, substitutes ARNs for placeholders and lists nested Wait states', () => {
    // Prepare
    const machine = nested();

    // Act
    inlineStateNames(machine);
    substituteLocalArns(machine);

    // Assess
    const suspend = (machine.States.Both.Branches as AslStateMachine[])[0].States.Suspend;
    expect(suspend.Parameters).toEqual({ stateName: 'Suspend' });
    expect(suspend.Resource).toBe('arn:aws:lambda:us-east-1:000000000000:function:SuspendUserFunctionArn');
    expect(shortenedWaits(machine)).toEqual({ Pause: 0 });
  });
});

describe('bindTaskStates', () => {
  it("runs every invocation inside its execution's handler environment, never process.env", async () => {
    // Prepare
    const readOrg = fakeAction('suspendUser', async () => ({ org: handlerEnvironment().ATLASSIAN_ORG_ID ?? null }));
    const machine: AslStateMachine = { StartAt: 'Suspend', States: { Suspend: task('${SuspendUserFunctionArn}') } };
    const forA = await bindTaskStates(machine, [readOrg], { ATLASSIAN_ORG_ID: 'org-a' });
    const forB = await bindTaskStates(machine, [readOrg], { ATLASSIAN_ORG_ID: 'org-b' });

    // Act
    const results = await Promise.all([forA.Suspend({}), forB.Suspend({}), forA.Suspend({})]);

    // Assess
    expect(results).toEqual([{ org: 'org-a' }, { org: 'org-b' }, { org: 'org-a' }]);
    expect(process.env.ATLASSIAN_ORG_ID).not.toBe('org-a');
  });
});

describe('scaleRetries', () => {
  it('divides every pause of every retrier, keeping backoff, attempts and jitter', () => {
    // Prepare
    const retry = [{ ErrorEquals: ['Atlassian.RateLimited'], IntervalSeconds: 10, BackoffRate: 2, MaxAttempts: 10, MaxDelaySeconds: 120, JitterStrategy: 'FULL' }];
    const machine = { StartAt: 'Suspend', States: { Suspend: task('${SuspendUserFunctionArn}', { Retry: retry }) } } as unknown as AslStateMachine;

    // Act
    scaleRetries(machine, 5);

    // Assess
    expect((machine.States.Suspend as unknown as { Retry: unknown }).Retry).toEqual([
      { ErrorEquals: ['Atlassian.RateLimited'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 10, MaxDelaySeconds: 24, JitterStrategy: 'FULL' },
    ]);
    expect(() => scaleRetries(machine, 0)).toThrow(/retryTimeScale/);
  });
});
