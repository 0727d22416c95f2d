import { DeployConfigError } from './deploy-config.js';
import { createJmlApp } from './create-app.js';

/** The CDK app entry (`cdk.json`: `npx tsx infra/app.ts`). Configuration: see docs/deploy.md. */
try {
  createJmlApp().app.synth();
} catch (error) {
  if (!(error instanceof DeployConfigError)) throw error;
  // A configuration mistake is the user's to fix: the message, not a stack trace.
  console.error(error.message);
  process.exitCode = 1;
}
