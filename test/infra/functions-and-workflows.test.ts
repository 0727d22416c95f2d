import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadJmlConfigFile } from '../../functions/lib/config/load-jml-config.js';
import { ACTIONS, findActionByPlaceholder } from '../../functions/registry.js';
import { ACTION_RUNTIME } from '../../infra/action-function.js';
import { fromProjectRoot } from '../../infra/project-paths.js';
import { asList, logicalIdOf, policyStatements, resourcesOfType } from './synth-helper.js';
import { apiActions, logicActions, workflowFiles, useStackFixture } from './template-fixture.js';

/** Template assertions: one function per registry action, one state machine per workflow file. */

const fx = useStackFixture();

describe('action functions', () => {
  it('uses the newest Node.js runtime aws-cdk-lib offers', () => {
    // Prepare
    const version = (runtime: lambda.Runtime) => Number(/^nodejs(\d+)/.exec(runtime.name)?.[1] ?? 0);
    const newest = Math.max(...lambda.Runtime.ALL.filter((runtime) => runtime.name.startsWith('nodejs')).map(version));

    // Act / Assess
    expect(version(ACTION_RUNTIME)).toBe(newest);
  });

  it('creates exactly one function per registry action, arm64, newest runtime, traced, with its own log group', () => {
    // Prepare
    const functions = resourcesOfType(fx.template, 'AWS::Lambda::Function');

    // Act
    const perAction = ACTIONS.map((action) => fx.functionResource(action.name));

    // Assess
    expect(Object.keys(functions)).toHaveLength(ACTIONS.length + (fx.stack.hrWebhooks ? 1 : 0));
    expect(new Set(perAction.map((fn) => fn.id)).size).toBe(ACTIONS.length);
    for (const { props, construct } of perAction) {
      expect(props).toMatchObject({
        Runtime: ACTION_RUNTIME.name,
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: construct.action.resources?.memoryMb ?? 256,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: logicalIdOf(construct.logGroup) } },
      });
      // The sweep's org-wide steps declare their own (registry `resources`).
      expect(props.Timeout).toBe(construct.action.resources?.timeoutSeconds ?? (construct.action.usesAtlassianApi ? 120 : 15));
      expect(fx.resources[logicalIdOf(construct.logGroup)].Properties.RetentionInDays).toBe(365);
    }
  });

  it('gives API actions the org and the secret, and workflow-logic actions only the config', () => {
    // Prepare
    const secretRef = { Ref: logicalIdOf(fx.stack.apiKey.secret) };
    const expectedConfig = loadJmlConfigFile(fromProjectRoot('config/jml.example.yaml'));

    // Act
    const apiEnvs = apiActions.map((action) => fx.functionResource(action.name).props.Environment.Variables);
    const logicEnvs = logicActions.map((action) => fx.functionResource(action.name).props.Environment.Variables);

    // Assess
    for (const env of [...apiEnvs, ...logicEnvs]) {
      expect(env).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'atlassian-jml', POWERTOOLS_LOG_LEVEL: 'INFO', NODE_OPTIONS: '--enable-source-maps' });
    }
    apiEnvs.forEach((env, i) => {
      expect(env).toMatchObject({ ATLASSIAN_ORG_ID: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d', ATLASSIAN_DIRECTORY_API: 'v2', ATLASSIAN_API_KEY_SECRET_ID: secretRef });
      // Only an API action that also decides (the sweep's confirmation) gets the config.
      if (apiActions[i].readsConfig) expect(JSON.parse(env.JML_CONFIG)).toEqual(expectedConfig);
      else expect(env.JML_CONFIG).toBeUndefined();
    });
    logicEnvs.forEach((env, index) => {
      expect(JSON.parse(env.JML_CONFIG)).toEqual(expectedConfig);
      expect(env.ATLASSIAN_API_KEY_SECRET_ID).toBeUndefined();
      // The change budget is counted per org (change-budget.test.ts); no other logic action knows the org.
      if (logicActions[index].name !== 'reserveChangeBudget') expect(env.ATLASSIAN_ORG_ID).toBeUndefined();
    });
  });
});

describe('state machines', () => {
  it('creates one Standard state machine per workflow file, logging ALL with execution data, traced', () => {
    // Prepare
    const machines = resourcesOfType(fx.template, 'AWS::StepFunctions::StateMachine');

    // Act
    const names = fx.stack.stateMachines.all.map((machine) => `${machine.workflow.name}.asl.json`).sort();

    // Assess
    expect(workflowFiles.length).toBeGreaterThan(0);
    expect(names).toEqual([...workflowFiles].sort());
    expect(Object.keys(machines)).toHaveLength(workflowFiles.length);
    for (const machine of fx.stack.stateMachines.all) {
      expect(fx.resources[logicalIdOf(machine.stateMachine)].Properties).toMatchObject({
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: {
          Level: 'ALL',
          IncludeExecutionData: true,
          Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logicalIdOf(machine.logGroup), 'Arn'] } } }],
        },
      });
    }
  });

  it('resolves every ${placeholder} to the function of that action, leaving none in the definition', () => {
    for (const machine of fx.stack.stateMachines.all) {
      // Prepare
      const props = fx.resources[logicalIdOf(machine.stateMachine)].Properties;
      const substitutions: Record<string, any> = props.DefinitionSubstitutions;

      // Act: what CloudFormation does at deploy time, with each ARN written as arn:<logical id>.
      const deployed = (props.DefinitionString as string).replace(/\$\{([^}]*)\}/g, (_match, key: string) => {
        const value = substitutions[key];
        if (!value) throw new Error(`${machine.workflow.name}: no substitution for \${${key}}`);
        return `arn:${value['Fn::GetAtt'][0]}`;
      });

      // Assess
      expect(deployed).not.toContain('${');
      const resourcesUsed = taskResources(JSON.parse(deployed));
      expect(resourcesUsed.length).toBeGreaterThan(0);
      for (const [placeholder, value] of Object.entries(substitutions)) {
        const action = findActionByPlaceholder(placeholder);
        expect(action, `placeholder ${placeholder}`).toBeDefined();
        expect(value).toEqual({ 'Fn::GetAtt': [fx.functionResource(action!.name).id, 'Arn'] });
      }
      const functionIds = new Set(fx.stack.functions.all.map((fn) => `arn:${logicalIdOf(fn.function)}`));
      for (const resource of resourcesUsed) expect(functionIds).toContain(resource);
    }
  });

  it("lets each state machine invoke exactly its own functions, by exact ARN", () => {
    for (const machine of fx.stack.stateMachines.all) {
      // Prepare
      const roleId = logicalIdOf(machine.stateMachine.role);
      const expected = machine.workflow.actions.map((action) => ({ 'Fn::GetAtt': [fx.functionResource(action.name).id, 'Arn'] }));

      // Act
      const invokes = policyStatements(fx.template).filter(
        ({ policy, statement }) => fx.rolesOf(policy).includes(roleId) && asList(statement.Action).includes('lambda:InvokeFunction'),
      );

      // Assess
      expect(invokes).toHaveLength(1);
      expect(asList(invokes[0].statement.Action)).toEqual(['lambda:InvokeFunction']);
      expect(asList(invokes[0].statement.Resource)).toEqual(expect.arrayContaining(expected));
      expect(asList(invokes[0].statement.Resource)).toHaveLength(expected.length);
    }
  });
});

/** Every Task state's Resource, including those inside Parallel branches and Map iterators. */
function taskResources(definition: { States: Record<string, any> }): string[] {
  return Object.values(definition.States).flatMap((state): string[] => [
    ...(state.Type === 'Task' ? [state.Resource as string] : []),
    ...asList(state.Branches).flatMap((branch: any) => taskResources(branch)),
    ...[state.Iterator, state.ItemProcessor].filter(Boolean).flatMap((inner: any) => taskResources(inner)),
  ]);
}
