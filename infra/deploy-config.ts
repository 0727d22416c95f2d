import { describeIssues } from '../functions/lib/zod-issues.js';
import { isTimeZone } from '../functions/lib/schedule/time-zone.js';
import * as z from 'zod';
import { CronError, parseCron, toEventBridgeCron } from '../functions/lib/schedule/cron-schedule.js';

/**
 * Deploy-time configuration of the stack, read from CDK context (`cdk.json` or `-c key=value`).
 * Everything is validated here, before any construct exists, so a wrong value fails `cdk synth`
 * with one message that names the key and says how to fix it.
 */

/**
 * The org id `cdk.json` ships with, so `cdk synth` works in CI without arguments. It is not a
 * real org: a stack synthesized with it refuses to deploy (see `example-org-guard.ts`).
 */
export const EXAMPLE_ORG_ID = 'EXAMPLE-set-orgId-before-deploying';

/** Log retention periods CloudWatch Logs accepts (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The context keys this app reads; anything else in the context (feature flags) is left alone. */
export const DEPLOY_CONTEXT_KEYS = [
  'stackName',
  'orgId',
  'directoryApi',
  'directoryId',
  'apiKeySecret',
  'apiKeySecretKmsKeyArn',
  'alarmEmail',
  'configFile',
  'logLevel',
  'logRetentionDays',
  'sweepSchedule',
  'sweepTimeZone',
  'sweepScheduleEnabled',
  'reportRetentionDays',
] as const;

const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** Context values given with `-c` are strings; blank means "not set". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const DeployConfigSchema = z.object({
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, {
      message: 'must start with a letter and contain only letters, digits and "-", at most 64 characters (a CloudFormation stack name that also prefixes the state machine names), e.g. AtlassianJml',
    })
    .default('AtlassianJml'),
  orgId: z
    .string({ message: 'is required: pass -c orgId=<your Atlassian organization id> (admin.atlassian.com > Settings > API keys)' })
    .trim()
    .regex(/^[A-Za-z0-9-]{1,128}$/, {
      message: 'must be an Atlassian organization id (letters, digits and "-", e.g. a UUID); copy it from admin.atlassian.com > Settings > API keys',
    }),
  directoryApi: optional(z.enum(['v2', 'v1'], { message: "must be 'v2' (default) or 'v1' (the sunset v1 directory endpoints)" })).transform(
    (value) => value ?? 'v2',
  ),
  directoryId: optional(
    z.string().regex(/^[A-Za-z0-9-]{1,128}$/, { message: 'must be a v2 directory id (letters, digits and "-"), or leave it out to discover it' }),
  ),
  apiKeySecret: optional(
    z.string().refine((value) => SECRET_ARN.test(value) || SECRET_NAME.test(value), {
      message:
        'must be the name or the full ARN of an existing Secrets Manager secret (e.g. atlassian/org-api-key); leave it out to have the stack create one',
    }),
  ),
  apiKeySecretKmsKeyArn: optional(
    z.string().regex(KMS_KEY_ARN, { message: 'must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>): the customer managed key of apiKeySecret' }),
  ),
  alarmEmail: optional(z.email({ message: 'must be an email address for the alarm notifications (or leave it out)' })),
  configFile: z
    .string()
    .trim()
    .min(1, { message: 'must be the path of the access-rules config, e.g. config/jml.example.yaml' })
    .default('config/jml.example.yaml'),
  logLevel: optional(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR'], { message: 'must be DEBUG, INFO, WARN or ERROR' })).transform(
    (value) => value ?? 'INFO',
  ),
  logRetentionDays: optional(
    z.coerce
      .number({ message: 'must be a number of days' })
      .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
        message: `must be a retention CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`,
      }),
  ).transform((value) => value ?? 365),
  /** When the inactivity sweep starts: 5-field cron (minute hour day-of-month month day-of-week). */
  sweepSchedule: optional(
    z.string().superRefine((value, ctx) => {
      try {
        parseCron(value);
        toEventBridgeCron(value);
      } catch (error) {
        if (!(error instanceof CronError)) throw error;
        ctx.addIssue({ code: 'custom', message: `${error.message} (a 5-field cron, e.g. "0 6 * * *" = daily 06:00)` });
      }
    }),
  ).transform((value) => value ?? '0 6 * * *'),
  sweepTimeZone: optional(
    z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as UTC, Europe/Amsterdam or America/Chicago' }),
  ).transform((value) => value ?? 'UTC'),
  /** `false` deploys the schedule disabled (start sweeps by hand). */
  sweepScheduleEnabled: optional(z.union([z.boolean(), z.enum(['true', 'false'])], { message: 'must be true or false' })).transform(
    (value) => value === undefined || value === true || value === 'true',
  ),
  /** Days a sweep report (and its scan, decisions and snapshots) is kept in the report bucket. */
  reportRetentionDays: optional(
    z.coerce.number({ message: 'must be a number of days' }).int({ message: 'must be a whole number of days' }).min(7, { message: 'must be at least 7 days' }).max(3650, { message: 'must be at most 3650 days' }),
  ).transform((value) => value ?? 400),
});

/** The validated deploy configuration, defaults applied (access rules not yet loaded). */
export type DeployConfig = z.output<typeof DeployConfigSchema>;

/** A deploy-time configuration problem; synth stops with this message. */
export class DeployConfigError extends Error {
  override readonly name = 'DeployConfigError';
}

/**
 * Validates the deploy configuration taken from the CDK context.
 * @param context a lookup such as `(key) => app.node.tryGetContext(key)`.
 * @throws DeployConfigError listing every wrong key, each with how to fix it.
 */
export function parseDeployConfig(context: (key: string) => unknown): DeployConfig {
  const raw = Object.fromEntries(DEPLOY_CONTEXT_KEYS.map((key) => [key, context(key)]));
  const parsed = DeployConfigSchema.safeParse(raw);
  if (parsed.success) {
    if (parsed.data.apiKeySecretKmsKeyArn && !parsed.data.apiKeySecret) {
      throw new DeployConfigError(
        'Invalid deploy configuration:\n  - apiKeySecretKmsKeyArn: only applies to an existing secret; set apiKeySecret too, or leave the key out',
      );
    }
    return parsed.data;
  }
  const problems = describeIssues(parsed.error.issues, '(context)');
  throw new DeployConfigError(
    `Invalid deploy configuration (CDK context, from cdk.json or -c key=value):\n  - ${problems.join('\n  - ')}`,
  );
}
