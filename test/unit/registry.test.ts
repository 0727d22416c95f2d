import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIONS, FUNCTIONS, TRIGGERS, findActionByPlaceholder, getAction, placeholderFor } from '../../functions/registry.js';
import { loadRegistryActions } from '../../local/engine/registry-actions.js';

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

describe('registry kinds: actions and triggers', () => {
  it('splits the one list into actions (what workflows call) and triggers (what starts workflows)', () => {
    // Act
    const kinds = FUNCTIONS.map((fn) => fn.kind);

    // Assess
    expect(new Set(kinds)).toEqual(new Set(['action', 'trigger']));
    expect([...ACTIONS, ...TRIGGERS].length).toBe(FUNCTIONS.length);
    expect(ACTIONS.every((fn) => fn.kind === 'action')).toBe(true);
    expect(TRIGGERS.map((fn) => fn.name)).toEqual(['hrWebhook']);
  });

  it('gives the local engine only actions to bind', async () => {
    const bindable = await loadRegistryActions();
    expect(bindable.map((action) => action.name)).toEqual(ACTIONS.map((action) => action.name));
    expect(bindable.some((action) => action.name === 'hrWebhook')).toBe(false);
  });

  it('points each trigger at functions/triggers/<kebab-name>.ts exporting the registered handler, and registers every trigger module', async () => {
    for (const trigger of TRIGGERS) {
      expect(trigger.entry).toMatch(/^functions\/triggers\/[a-z]+(-[a-z]+)*\.ts$/);
      const module = (await import(pathToFileURL(join(REPO, trigger.entry)).href)) as { handler: unknown };
      expect(await trigger.loadHandler()).toBe(module.handler);
      expect(trigger.ingress).toEqual({ type: 'http', method: 'POST', path: '/webhooks/{source}' });
    }
    const files = readdirSync(join(REPO, 'functions', 'triggers')).filter((f) => f.endsWith('.ts'));
    expect(files.filter((f) => !TRIGGERS.some((t) => basename(t.entry) === f))).toEqual([]);
  });

  it('declares what each function may do beyond its logs (infra grants exactly that)', () => {
    expect(getAction('startWorkflowExecution').permissions).toEqual({ starts: ['joiner', 'mover', 'leaver'] });
    expect(getAction('resolveHrEvent').permissions).toEqual({ hrSecrets: ['bamboohr-api', 'hibob-api'] });
    expect(TRIGGERS[0].permissions).toEqual({ starts: ['hr-event'], hrSecrets: ['bamboohr-webhook', 'hibob-webhook', 'standard-webhook'] });
    for (const action of ACTIONS.filter((a) => !['startWorkflowExecution', 'resolveHrEvent'].includes(a.name))) expect(action.permissions).toEqual({});
  });
});
