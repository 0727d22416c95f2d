import { Construct } from 'constructs';
import type { ActionDefinition } from '../functions/registry.js';
import { ActionFunction, type ActionFunctionSettings } from './action-function.js';
import type { ApiKeySecret } from './api-key-secret.js';
import type { SweepReportBucket } from './sweep-report-bucket.js';

/** Props of {@link ActionFunctions}. */
export interface ActionFunctionsProps {
  /** Every action of the registry (`ACTIONS` of functions/registry.ts). */
  actions: readonly ActionDefinition[];
  secret: ApiKeySecret;
  settings: ActionFunctionSettings;
  /** The sweep's report bucket, for the actions that use the report store. */
  reports?: SweepReportBucket;
}

/** One Lambda function per registry action, looked up by action. */
export class ActionFunctions extends Construct {
  /** All functions, in registry order. */
  public readonly all: readonly ActionFunction[];
  private readonly byName: ReadonlyMap<string, ActionFunction>;

  constructor(scope: Construct, id: string, props: ActionFunctionsProps) {
    super(scope, id);
    this.all = props.actions.map(
      (action) => new ActionFunction(this, constructIdFor(action), { action, secret: props.secret, settings: props.settings, reports: props.reports }),
    );
    this.byName = new Map(this.all.map((fn) => [fn.action.name, fn]));
  }

  /** The function of `action`. @throws Error when the action is not part of this set. */
  public forAction(action: ActionDefinition): ActionFunction {
    const found = this.byName.get(action.name);
    if (!found) throw new Error(`No function for action '${action.name}': it is not in the registry this stack was built from.`);
    return found;
  }
}

/** `suspendUser` -> `SuspendUser`: stable construct ids keep logical ids stable across deploys. */
function constructIdFor(action: ActionDefinition): string {
  return action.name.charAt(0).toUpperCase() + action.name.slice(1);
}
