import { describe, expect, it } from 'vitest';
import { demoState } from './state-fixture.js';

describe('SimulatorState', () => {
  it('creates an extension store once per org and forgets it on clear()', () => {
    // Prepare
    const { state } = demoState();
    let created = 0;
    const factory = () => ({ id: ++created });

    // Act
    const first = state.extension('policies', factory);
    const second = state.extension('policies', factory);
    state.clear();
    const afterClear = state.extension('policies', factory);

    // Assess
    expect(second).toBe(first);
    expect(afterClear).toEqual({ id: 2 });
  });

  it('keeps emails and group names unique and indexes them case-insensitively', () => {
    // Prepare
    const { state, user, group } = demoState();
    const ada = user('ada.lovelace@acme.example');

    // Act
    const byEmail = state.findUserByEmail('ADA.LOVELACE@ACME.EXAMPLE');
    const byName = state.findGroupByName('ENGINEERING');
    const duplicateEmail = () => state.putUser({ ...ada, accountId: 'another-account' });
    const duplicateName = () => state.putGroup({ ...group('sales'), id: 'another-group' });

    // Assess
    expect(byEmail?.accountId).toBe(ada.accountId);
    expect(byName?.id).toBe(group('engineering').id);
    expect(duplicateEmail).toThrow(/already belongs/);
    expect(duplicateName).toThrow(/already belongs/);
  });

  it('lists a group once when a deleted group id is put back', () => {
    // Prepare
    const { state, group } = demoState();
    const sales = group('sales');

    // Act
    state.dropGroup(sales.id);
    state.putGroup(sales);

    // Assess
    expect(state.groupOrder.filter((id) => id === sales.id)).toHaveLength(1);
    expect(state.membersOf(sales.id).size).toBe(0);
  });
});
