import type { Context } from 'aws-lambda';
import type { ZodType } from 'zod';
import * as addToGroup from './actions/add-to-group.js';
import * as assignGroupRole from './actions/assign-group-role.js';
import * as createGroup from './actions/create-group.js';
import * as deleteGroup from './actions/delete-group.js';
import * as findUser from './actions/find-user.js';
import * as getLastActiveDates from './actions/get-last-active-dates.js';
import * as getUserAccess from './actions/get-user-access.js';
import * as grantRole from './actions/grant-role.js';
import * as inviteUser from './actions/invite-user.js';
import * as listUsers from './actions/list-users.js';
import * as removeFromGroup from './actions/remove-from-group.js';
import * as removeUser from './actions/remove-user.js';
import * as restoreUser from './actions/restore-user.js';
import * as revokeGroupRole from './actions/revoke-group-role.js';
import * as revokeRole from './actions/revoke-role.js';
import * as suspendUser from './actions/suspend-user.js';
import * as prepareRequest from './actions/prepare-request.js';
import * as checkProtected from './actions/check-protected.js';
import * as planAccess from './actions/plan-access.js';
import * as verifyResults from './actions/verify-results.js';
import * as summarizeRun from './actions/summarize-run.js';
import * as recordFailure from './actions/record-failure.js';
import * as reserveChangeBudget from './actions/reserve-change-budget.js';
import * as resolveHrEvent from './actions/resolve-hr-event.js';
import * as startWorkflowExecution from './actions/start-workflow-execution.js';
import * as hrWebhook from './triggers/hr-webhook.js';
import * as scanDirectory from './actions/scan-directory.js';
import * as decideInactivity from './actions/decide-inactivity.js';
import * as writeSweepReport from './actions/write-sweep-report.js';
import * as confirmInactivity from './actions/confirm-inactivity.js';
import * as sweepAccount from './actions/sweep-account.js';
import * as summarizeSweep from './actions/summarize-sweep.js';
import type { StartableWorkflow } from './lib/executions/state-machine-arns.js';
import type { HrSecretName } from './lib/hr/hr-secrets.js';

/**
 * THE list of functions (docs/contracts.md), of two kinds. Actions (`kind: 'action'`) run inside a
 * workflow: infra makes one Lambda function per action and substitutes `${placeholder}` in the ASL
 * with its ARN; the local engine binds each Task whose Resource is `${placeholder}` to
 * `loadHandler()`, and binds only actions. Triggers (`kind: 'trigger'`) start workflows from
 * outside (the HR webhook receiver): infra gives each its ingress. Nothing else keeps a second list.
 *
 * Importing this module loads every handler module, which is cheap and touches no AWS service
 * (configuration is read and secrets fetched on the first invocation, not at import).
 */

/** A Lambda-style handler as the registry hands it out. */
export type RegisteredHandler = (event: unknown, context: Context) => Promise<unknown>;

export type FunctionKind = 'action' | 'trigger';

/** What a function needs beyond its own logs, so infra grants exactly that. */
export interface FunctionPermissions {
  /** State machines it may start (`states:StartExecution`), by workflow. */
  starts?: readonly StartableWorkflow[];
  /** HR secrets it may read (`secretsmanager:GetSecretValue`), see functions/lib/hr/hr-secrets.ts. */
  hrSecrets?: readonly HrSecretName[];
}

export interface ActionDefinition {
  kind: 'action';
  /** camelCase, e.g. `suspendUser`. */
  name: string;
  /** ASL resource placeholder: PascalCase(name) + `FunctionArn`, used as `"${SuspendUserFunctionArn}"`. */
  placeholder: string;
  /** Repo-relative handler module exporting `handler`, e.g. `functions/actions/suspend-user.ts`. */
  entry: string;
  description: string;
  inputSchema: ZodType;
  /** False for pure workflow-logic actions: their function needs no Atlassian secret. */
  usesAtlassianApi: boolean;
  permissions: FunctionPermissions;
  /** An API action that also reads the JML config (logic actions always do). */
  readsConfig?: boolean;
  /** What the action does in the sweep's report store (infra grants exactly this on the report prefix). */
  reportStore?: ReportStoreAccess;
  /** Longer or bigger than the defaults (a sweep step over a whole org). */
  resources?: { timeoutSeconds: number; memoryMb: number };
  loadHandler(): Promise<RegisteredHandler>;
}

/** Report store access of a sweep step. */
export type ReportStoreAccess = 'read' | 'write' | 'read-write';

/** Options of {@link defineAction} beyond the module. */
export interface ActionOptions {
  usesAtlassianApi?: boolean;
  permissions?: FunctionPermissions;
  readsConfig?: boolean;
  reportStore?: ReportStoreAccess;
  resources?: { timeoutSeconds: number; memoryMb: number };
}

/** How a trigger is reached from outside. */
export interface HttpIngress {
  type: 'http';
  method: 'POST';
  /** API Gateway route path, e.g. `/webhooks/{source}`. */
  path: string;
}

export interface TriggerDefinition {
  kind: 'trigger';
  /** camelCase, e.g. `hrWebhook`. */
  name: string;
  /** Repo-relative handler module exporting `handler`: `functions/triggers/<kebab-name>.ts`. */
  entry: string;
  description: string;
  ingress: HttpIngress;
  permissions: FunctionPermissions;
  loadHandler(): Promise<RegisteredHandler>;
}

export type FunctionDefinition = ActionDefinition | TriggerDefinition;

/** What an action module exports. */
interface ActionModule {
  inputSchema: ZodType;
  handler: (event: unknown, context: Context) => Promise<unknown>;
}

/** `suspendUser` -> `SuspendUserFunctionArn`. */
export function placeholderFor(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}FunctionArn`;
}

/** `suspendUser` -> `suspend-user`. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Builds a registry entry from an action module; the entry path follows the house rule
 * (`functions/actions/<kebab-name>.ts`), checked by test/unit/registry.test.ts.
 */
export function defineAction(
  name: string,
  module: ActionModule,
  description: string,
  options: ActionOptions = {},
): ActionDefinition {
  return {
    kind: 'action',
    name,
    placeholder: placeholderFor(name),
    entry: `functions/actions/${kebab(name)}.ts`,
    description,
    inputSchema: module.inputSchema,
    usesAtlassianApi: options.usesAtlassianApi ?? true,
    permissions: options.permissions ?? {},
    ...(options.readsConfig ? { readsConfig: true } : {}),
    ...(options.reportStore ? { reportStore: options.reportStore } : {}),
    ...(options.resources ? { resources: options.resources } : {}),
    loadHandler: async () => module.handler,
  };
}

/** Builds a trigger entry; the entry path follows `functions/triggers/<kebab-name>.ts`. */
export function defineTrigger(
  name: string,
  module: { handler: (event: never, context: Context) => Promise<unknown> },
  description: string,
  options: { ingress: HttpIngress; permissions: FunctionPermissions },
): TriggerDefinition {
  return {
    kind: 'trigger',
    name,
    entry: `functions/triggers/${kebab(name)}.ts`,
    description,
    ingress: options.ingress,
    permissions: options.permissions,
    loadHandler: async () => module.handler as RegisteredHandler,
  };
}

/** Steps that go over the whole org: up to 15 minutes (the scan keeps a 10-minute budget) and room for 100,000 accounts. */
const SWEEP_ORG_STEP = { timeoutSeconds: 900, memoryMb: 1024 };

export const FUNCTIONS: readonly FunctionDefinition[] = Object.freeze([
  defineAction('findUser', findUser, 'Find a user by account id or email: status, membership, management source, department, job title, platform roles.'),
  defineAction('getUserAccess', getUserAccess, "Snapshot of a user's groups (with whether each is modifiable) and direct role assignments."),
  defineAction('suspendUser', suspendUser, "Suspend a user's directory access (groups and roles are kept)."),
  defineAction('restoreUser', restoreUser, 'Restore a suspended user (groups and roles come back).'),
  defineAction('removeUser', removeUser, 'Remove a user from the directory (permanent; only a new invite brings them back).'),
  defineAction('inviteUser', inviteUser, 'Invite a user by email, unless the account already has a membership.'),
  defineAction('addToGroup', addToGroup, 'Add a user to a group (by id or name); IdP-synced groups are skipped.'),
  defineAction('removeFromGroup', removeFromGroup, 'Remove a user from a group (by id or name); IdP-synced groups are skipped.'),
  defineAction('grantRole', grantRole, 'Grant a user a role on a resource.'),
  defineAction('revokeRole', revokeRole, 'Revoke a role a user holds directly on a resource.'),
  defineAction('createGroup', createGroup, 'Create a group (returns its id; an existing group of that name is reused).'),
  defineAction('deleteGroup', deleteGroup, 'Delete a group (by id or name); IdP-synced groups are skipped.'),
  defineAction('assignGroupRole', assignGroupRole, 'Give a group a role on a resource.'),
  defineAction('revokeGroupRole', revokeGroupRole, 'Take a role on a resource away from a group.'),
  defineAction('getLastActiveDates', getLastActiveDates, "A user's last-active dates per product, for inactivity sweeps."),
  defineAction('listUsers', listUsers, 'One page of directory users, for sweeps (cursor in, nextCursor out).'),
  // Workflow-logic actions: no Atlassian API, no secret; they read the JML config (JML_CONFIG / JML_CONFIG_FILE).
  defineAction('prepareRequest', prepareRequest, "Validate a workflow's execution input and fill in defaults (dry run, grace period) before any API call.", { usesAtlassianApi: false }),
  defineAction('checkProtected', checkProtected, 'Whether an account is protected (org admins and the configured protectedAccounts).', { usesAtlassianApi: false }),
  defineAction('planAccess', planAccess, 'Desired groups and roles from the access rules, and the adds/removes within the managed scope.', { usesAtlassianApi: false }),
  defineAction('verifyResults', verifyResults, 'Checkpoint: fail with the first failed action if any action of the run failed.', { usesAtlassianApi: false }),
  defineAction('summarizeRun', summarizeRun, "Build a run's output: user, snapshot or plan, every action with its outcome.", { usesAtlassianApi: false }),
  defineAction('recordFailure', recordFailure, "Build a failed run's error and cause, with the record of what was already done.", { usesAtlassianApi: false }),
  // Directory-independent, but with a store: the org-wide daily budget of changes (DynamoDB on AWS).
  defineAction('reserveChangeBudget', reserveChangeBudget, "Reserve one unit of the org's daily change budget (limits.maxLeaversPerDay) before an execution's first change.", { usesAtlassianApi: false }),
  // The hr-event workflow: call the HR system back, then start the mapped workflow.
  defineAction('resolveHrEvent', resolveHrEvent, 'Read the person an HR event names from the HR API and map the event to a joiner, mover or leaver input.', {
    usesAtlassianApi: false,
    permissions: { hrSecrets: ['bamboohr-api', 'hibob-api'] },
  }),
  defineAction('startWorkflowExecution', startWorkflowExecution, 'Start the joiner, mover or leaver execution an HR event maps to, once (deterministic name).', {
    usesAtlassianApi: false,
    permissions: { starts: ['joiner', 'mover', 'leaver'] },
  }),
  // The inactivity sweep: its steps pass the whole org through the report store (S3 / a folder), not the state.
  defineAction('scanDirectory', scanDirectory, 'Sweep: read pages of users/search (groups, product access) within a time budget into the report store; returns the cursor.', {
    reportStore: 'write', resources: SWEEP_ORG_STEP,
  }),
  defineAction('decideInactivity', decideInactivity, "Sweep: decide every scanned account by the inactivity rules and check the blast radius.", {
    usesAtlassianApi: false, reportStore: 'read-write', resources: SWEEP_ORG_STEP,
  }),
  defineAction('writeSweepReport', writeSweepReport, "Sweep: write the run's CSV and HTML report before anything changes.", {
    usesAtlassianApi: false, reportStore: 'read-write', resources: SWEEP_ORG_STEP,
  }),
  defineAction('confirmInactivity', confirmInactivity, 'Sweep: confirm each account to act on with last-active-dates (paced); spare those active again.', {
    readsConfig: true, reportStore: 'read-write', resources: SWEEP_ORG_STEP,
  }),
  defineAction('sweepAccount', sweepAccount, "Sweep: reclaim an account's product licence (remove its access groups) or suspend it with a snapshot.", {
    reportStore: 'write',
  }),
  defineAction('summarizeSweep', summarizeSweep, "Sweep: the run's output; after acting, the report rewritten with every outcome.", {
    usesAtlassianApi: false, reportStore: 'read-write', resources: SWEEP_ORG_STEP,
  }),
  // Triggers: reached from outside, they start workflows.
  defineTrigger('hrWebhook', hrWebhook, 'HR-system webhook receiver: verify, parse the envelope, start one hr-event execution.', {
    ingress: { type: 'http', method: 'POST', path: '/webhooks/{source}' },
    permissions: { starts: ['hr-event'], hrSecrets: ['bamboohr-webhook', 'hibob-webhook', 'standard-webhook'] },
  }),
]);

/** The actions: what workflows call and the local engine binds. */
export const ACTIONS: readonly ActionDefinition[] = Object.freeze(FUNCTIONS.filter((fn): fn is ActionDefinition => fn.kind === 'action'));

/** The triggers: what starts workflows from outside. */
export const TRIGGERS: readonly TriggerDefinition[] = Object.freeze(FUNCTIONS.filter((fn): fn is TriggerDefinition => fn.kind === 'trigger'));

/** The action named `name`. @throws Error listing the known names when there is none. */
export function getAction(name: string): ActionDefinition {
  const found = ACTIONS.find((a) => a.name === name);
  if (!found) throw new Error(`Unknown action '${name}'. Known actions: ${ACTIONS.map((a) => a.name).join(', ')}.`);
  return found;
}

/** The action whose ASL placeholder is `placeholder` (with or without `${...}`), if any. */
export function findActionByPlaceholder(placeholder: string): ActionDefinition | undefined {
  const bare = placeholder.replace(/^\$\{(.*)\}$/, '$1');
  return ACTIONS.find((a) => a.placeholder === bare);
}
