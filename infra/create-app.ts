import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ACTIONS, TRIGGERS, type ActionDefinition, type TriggerDefinition } from '../functions/registry.js';
import { loadAccessConfig } from './access-config.js';
import { parseDeployConfig } from './deploy-config.js';
import { JmlStack } from './jml-stack.js';
import { loadWorkflowDefinitions, type WorkflowDefinition } from './workflow-definitions.js';

/** Options of {@link createJmlApp}; the defaults are what `cdk synth` uses. */
export interface CreateJmlAppOptions extends AppProps {
  /** @default ACTIONS of functions/registry.ts */
  actions?: readonly ActionDefinition[];
  /** @default every workflows/*.asl.json */
  workflows?: readonly WorkflowDefinition[];
  /** @default TRIGGERS of functions/registry.ts */
  triggers?: readonly TriggerDefinition[];
  /** Run the cdk-nag AwsSolutions checks at synth. @default true */
  nag?: boolean;
}

/**
 * Builds the CDK app: validates the deploy configuration and the access rules first (a wrong value
 * stops here with a `DeployConfigError`), then creates the stack and registers cdk-nag, which
 * fails synthesis on any finding that is not acknowledged with a reason.
 */
export function createJmlApp(options: CreateJmlAppOptions = {}): { app: App; stack: JmlStack } {
  const { actions = ACTIONS, triggers = TRIGGERS, workflows, nag = true, ...appProps } = options;
  const app = new App(appProps);
  const deploy = parseDeployConfig((key) => app.node.tryGetContext(key));
  const access = loadAccessConfig(deploy.configFile);
  const stack = new JmlStack(app, deploy.stackName, {
    description: 'Joiner / mover / leaver automation for an Atlassian Cloud organization (atlassian-jml)',
    deploy,
    access,
    actions,
    workflows: workflows ?? loadWorkflowDefinitions(),
    triggers,
  });
  if (nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
