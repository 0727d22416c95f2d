import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIONS, findActionByPlaceholder, getAction, placeholderFor } from '../../functions/registry.js';

const REPO = join(import.meta.dirname, '..', '..');

/** The directory actions issue 4 requires at least. */
const REQUIRED = [
  'findUser', 'getUserAccess', 'suspendUser', 'restoreUser', 'removeUser', 'inviteUser', 'addToGroup',
  'removeFromGroup', 'grantRole', 'revokeRole', 'createGroup', 'deleteGroup', 'assignGroupRole',
  'revokeGroupRole', 'getLastActiveDates', 'listUsers',
];

describe('action registry', () => {
  it('lists every required directory action exactly once', () => {
    // Prepare
    const names = ACTIONS.map((a) => a.name);

    // Act
    const missing = REQUIRED.filter((name) => !names.includes(name));

    // Assess
    expect(missing).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ACTIONS.map((a) => a.placeholder)).size).toBe(names.length);
  });

  it('follows the naming conventions of docs/contracts.md', () => {
    for (const action of ACTIONS) {
      expect(action.name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(action.placeholder).toBe(`${action.name[0].toUpperCase()}${action.name.slice(1)}FunctionArn`);
      expect(action.entry).toMatch(/^functions\/actions\/[a-z]+(-[a-z]+)*\.ts$/);
      expect(action.description.length).toBeGreaterThan(10);
    }
    expect(placeholderFor('suspendUser')).toBe('SuspendUserFunctionArn');
  });

  it('points each entry at a module whose handler and input schema are the registered ones', async () => {
    for (const action of ACTIONS) {
      // Prepare
      const file = join(REPO, action.entry);
      expect(existsSync(file), `${action.entry} exists`).toBe(true);

      // Act
      const module = (await import(pathToFileURL(file).href)) as { handler: unknown; inputSchema: unknown };
      const handler = await action.loadHandler();

      // Assess
      expect(handler).toBe(module.handler);
      expect(action.inputSchema).toBe(module.inputSchema);
      expect(typeof handler).toBe('function');
    }
  });

  it('has an entry for every handler module in functions/actions (nothing keeps a second list)', () => {
    // Prepare
    const files = readdirSync(join(REPO, 'functions', 'actions')).filter((f) => f.endsWith('.ts'));

    // Act
    const unregistered = files.filter((f) => !ACTIONS.some((a) => basename(a.entry) === f));

    // Assess
    expect(unregistered).toEqual([]);
  });

  it('marks the directory actions as using the Atlassian API', () => {
    for (const name of REQUIRED) expect(getAction(name).usesAtlassianApi).toBe(true);
  });

  it('finds actions by ASL placeholder and names the known actions for an unknown one', () => {
    expect(findActionByPlaceholder('${SuspendUserFunctionArn}')?.name).toBe('suspendUser');
    expect(findActionByPlaceholder('SuspendUserFunctionArn')?.name).toBe('suspendUser');
    expect(findActionByPlaceholder('${NopeFunctionArn}')).toBeUndefined();
    expect(() => getAction('nope')).toThrow(/Unknown action 'nope'. Known actions: .*suspendUser/);
  });
});
