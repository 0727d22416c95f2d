import { describe, expect, it } from 'vitest';
import { CHANGE_BUDGET_TABLE_ACTIONS } from '../../infra/change-budget.js';
import { asList, logicalIdOf, policyStatements, TEST_ORG_ID } from './synth-helper.js';
import { useStackFixture } from './template-fixture.js';

/** The org-wide mass-change brake: its table, who may use it, and the alarm when it engages. */

const fx = useStackFixture();

describe('the change budget', () => {
  it('is an on-demand, encrypted table with point-in-time recovery and TTL on old days', () => {
    // Act
    const table = fx.resources[logicalIdOf(fx.stack.changeBudget!.table)];

    // Assess
    expect(table.Type).toBe('AWS::DynamoDB::Table');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('only the reserveChangeBudget function may use it, with the item operations of a reservation', () => {
    // Prepare
    const tableId = logicalIdOf(fx.stack.changeBudget!.table);
    const reserve = fx.functionResource('reserveChangeBudget');

    // Act
    const tableStatements = policyStatements(fx.template).filter(({ statement }) => JSON.stringify(statement.Resource ?? '').includes(tableId));

    // Assess
    expect(tableStatements).toHaveLength(1);
    expect(fx.rolesOf(tableStatements[0].policy)).toEqual([logicalIdOf(reserve.construct.role)]);
    expect(asList<string>(tableStatements[0].statement.Action).sort()).toEqual([...CHANGE_BUDGET_TABLE_ACTIONS].sort());
    expect(reserve.props.Environment.Variables).toMatchObject({ JML_CHANGE_BUDGET_TABLE: { Ref: tableId }, ATLASSIAN_ORG_ID: TEST_ORG_ID });
  });

  it('alarms to the topic when the brake refuses a leaver', () => {
    // Act
    const alarm = fx.resources[logicalIdOf(fx.stack.changeBudget!.brakeAlarm)].Properties;

    // Assess
    expect(alarm).toMatchObject({
      Namespace: 'AtlassianJml',
      MetricName: 'ActionErrors',
      Threshold: 1,
      AlarmActions: [{ Ref: logicalIdOf(fx.stack.alarmTopic.topic) }],
    });
    expect(alarm.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'action', Value: 'reserveChangeBudget' },
        { Name: 'errorName', Value: 'Jml.BlastRadiusExceeded' },
        { Name: 'service', Value: 'atlassian-jml' },
      ]),
    );
    expect(alarm.AlarmDescription).toContain('overrideLimits');
  });
});
