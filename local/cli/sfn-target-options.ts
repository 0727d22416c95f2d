import { z } from 'zod';
import type { ExecutionValues } from './execution-options.js';
import { UsageError } from './read-input.js';

/** The local runtime's Step Functions endpoint when neither --endpoint nor JML_ENDPOINT says otherwise. */
export const DEFAULT_LOCAL_ENDPOINT = 'http://127.0.0.1:8083';
/** The stack name infra/ deploys by default (infra/deploy-config.ts `stackName`). */
export const DEFAULT_STACK_NAME = 'AtlassianJml';
/** State machines of the local runtime are `jml-<workflow>`. */
export const LOCAL_STATE_MACHINE_PREFIX = 'jml';

/** Where the execution commands go: the local runtime, or AWS Step Functions for one deployed stack. */
export type SfnTargetSpec = { kind: 'local'; endpoint: string } | { kind: 'aws'; stack: string; region?: string };

const EndpointSchema = z.url({ protocol: /^https?$/ });
// The same rule infra/deploy-config.ts applies to stackName (infra is not imported from local/).
const StackNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/);
const RegionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/);

/** Reads --endpoint / JML_ENDPOINT, or --aws with --stack and --region / AWS_REGION; refuses mixes. */
export function resolveSfnTarget(values: ExecutionValues, env: NodeJS.ProcessEnv): SfnTargetSpec {
  if (!values.aws) {
    for (const flag of ['stack', 'region'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} only applies with --aws (without it the local runtime is used)`);
    }
    const endpoint = values.endpoint ?? (env.JML_ENDPOINT?.trim() || DEFAULT_LOCAL_ENDPOINT);
    if (!EndpointSchema.safeParse(endpoint).success) {
      const source = values.endpoint !== undefined ? '--endpoint' : 'JML_ENDPOINT';
      throw new UsageError(`${source} must be an http(s) URL such as ${DEFAULT_LOCAL_ENDPOINT}, not ${JSON.stringify(endpoint)}`);
    }
    return { kind: 'local', endpoint: endpoint.replace(/\/+$/, '') };
  }
  if (values.endpoint !== undefined) throw new UsageError('--endpoint and --aws exclude each other: --endpoint is the local runtime, --aws is AWS Step Functions');
  const stack = values.stack ?? DEFAULT_STACK_NAME;
  if (!StackNameSchema.safeParse(stack).success) {
    throw new UsageError(`--stack must be a stack name (a letter, then letters, digits and "-", at most 64), e.g. ${DEFAULT_STACK_NAME}; not ${JSON.stringify(stack)}`);
  }
  const region = values.region ?? (env.AWS_REGION?.trim() || undefined);
  if (region !== undefined && !RegionSchema.safeParse(region).success) {
    const source = values.region !== undefined ? '--region' : 'AWS_REGION';
    throw new UsageError(`${source} must be an AWS region such as eu-west-1, not ${JSON.stringify(region)}`);
  }
  return { kind: 'aws', stack, ...(region ? { region } : {}) };
}
