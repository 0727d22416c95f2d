import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { createJmlApp, type CreateJmlAppOptions } from '../../infra/create-app.js';
import { fromProjectRoot } from '../../infra/project-paths.js';

/** A real-looking org id, so the example-org guard stays out of the way unless a test wants it. */
export const TEST_ORG_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

/** The context of cdk.json (defaults and feature flags): tests build what `cdk synth` builds. */
const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(fromProjectRoot('cdk.json'), 'utf8')).context;

const outdirs: string[] = [];

/** Deletes the cloud assemblies this test file created (bundles are tens of MB): call in afterAll. */
export function removeOutdirs(): void {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Context that skips esbuild: the template is the same, only the asset content is a stand-in. */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };

/**
 * Builds the app as `cdk synth` would (same factory, same defaults) into a temporary cloud
 * assembly directory, with `context` on top of the cdk.json-like defaults.
 */
export function buildApp(context: Record<string, unknown>, options: Omit<CreateJmlAppOptions, 'context' | 'outdir'> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'jml-cdk-'));
  outdirs.push(outdir);
  const built = createJmlApp({ ...options, outdir, context: { ...CDK_JSON_CONTEXT, orgId: TEST_ORG_ID, ...context } });
  return { ...built, outdir };
}

/** The stack and its template, without bundling and without cdk-nag (nag.test.ts runs that). */
export function synthStack(context: Record<string, unknown> = {}) {
  const { stack } = buildApp({ ...SKIP_BUNDLING, ...context }, { nag: false });
  return { stack, template: Template.fromStack(stack) };
}

/** The logical id of a construct's CloudFormation resource. */
export function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

type Resources = Record<string, { Type: string; Properties?: Record<string, any>; [key: string]: unknown }>;

/** Resources of `type`, by logical id. */
export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** Every statement of every IAM policy in the template, with the policy's logical id. */
export function policyStatements(template: Template): Array<{ policy: string; statement: Record<string, any> }> {
  return Object.entries(resourcesOfType(template, 'AWS::IAM::Policy')).flatMap(([policy, resource]) =>
    (resource.Properties?.PolicyDocument.Statement as Record<string, any>[]).map((statement) => ({ policy, statement })),
  );
}

/** A value that may be one item or a list, as a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
