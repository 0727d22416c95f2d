import { readdirSync } from 'node:fs';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll } from 'vitest';
import { ACTIONS } from '../../functions/registry.js';
import type { JmlStack } from '../../infra/jml-stack.js';
import { fromProjectRoot } from '../../infra/project-paths.js';
import { logicalIdOf, removeOutdirs, synthStack } from './synth-helper.js';

/** The stack built from the real registry and workflow files, with lookups the template tests share. */
export interface StackFixture {
  stack: JmlStack;
  template: Template;
  resources: Record<string, any>;
  /** The function of an action: logical id, CloudFormation properties, construct. */
  functionResource(actionName: string): { id: string; props: Record<string, any>; construct: JmlStack['functions']['all'][number] };
  /** The roles a policy is attached to, as logical ids. */
  rolesOf(policyId: string): string[];
}

export const apiActions = ACTIONS.filter((action) => action.usesAtlassianApi);
export const logicActions = ACTIONS.filter((action) => !action.usesAtlassianApi);
export const workflowFiles = readdirSync(fromProjectRoot('workflows')).filter((file) => file.endsWith('.asl.json'));

/** Synthesizes once (no esbuild, no cdk-nag: nag.test.ts runs both) and wraps the result. */
export function stackFixture(context: Record<string, unknown> = {}): StackFixture {
  const { stack, template } = synthStack(context);
  const resources: Record<string, any> = template.toJSON().Resources;
  return {
    stack,
    template,
    resources,
    functionResource(actionName) {
      const construct = stack.functions.all.find((candidate) => candidate.action.name === actionName);
      if (!construct) throw new Error(`no function for action ${actionName}`);
      const id = logicalIdOf(construct.function);
      return { id, props: resources[id].Properties, construct };
    },
    rolesOf(policyId) {
      return (resources[policyId].Properties.Roles as Array<{ Ref: string }>).map((role) => role.Ref);
    },
  };
}

/**
 * The stack fixture for the calling test file: synthesized once in beforeAll, its cloud assembly
 * removed in afterAll. Read it from tests only; before beforeAll there is no stack yet.
 */
export function useStackFixture(context: Record<string, unknown> = {}): StackFixture {
  let built: StackFixture | undefined;
  beforeAll(() => {
    built = stackFixture(context);
  });
  afterAll(removeOutdirs);
  const current = (): StackFixture => {
    if (!built) throw new Error('The stack is synthesized in beforeAll: read the fixture inside a test, not while the file loads.');
    return built;
  };
  return {
    get stack() {
      return current().stack;
    },
    get template() {
      return current().template;
    },
    get resources() {
      return current().resources;
    },
    functionResource: (actionName) => current().functionResource(actionName),
    rolesOf: (policyId) => current().rolesOf(policyId),
  };
}
