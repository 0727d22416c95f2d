import * as z from 'zod';
import { emailAddressSchema } from '../email-address.js';
import { HrConfigSchema } from './hr-config-schema.js';
import { DEFAULT_INACTIVITY, DEFAULT_SWEEP_LIMIT, InactivityConfigSchema, SweepLimitSchema } from './inactivity-config-schema.js';

/**
 * The access-rules / protected-accounts configuration (config/jml.example.yaml). Rules say which
 * groups and roles people get from their HR attributes; the union of everything the rules grant
 * is the *managed* scope, the only access the mover may add or remove. Every message names the
 * wrong entry (e.g. `accessRules[2].grant.groups[0]: expected a group name`) when formatted by
 * `describeConfigIssues`.
 */

const text = (what: string, example: string) =>
  z
    .string({ message: `expected ${what}, e.g. ${example}` })
    .trim()
    .min(1, { message: `expected ${what}, e.g. ${example}; got an empty string` })
    .max(512, { message: `${what} is longer than 512 characters` });

/** One attribute condition: a value or a list of values, matched exactly but case-insensitively. */
const condition = (what: string, example: string) =>
  z.union([text(what, example), z.array(text(what, example)).min(1, { message: `the list of ${what}s is empty: give at least one or leave the condition out` })], {
    message: `expected ${what} or a list of them, e.g. ${example}`,
  });

export const RuleConditionSchema = z.strictObject(
  {
    department: condition('a department', 'Engineering').optional(),
    jobTitle: condition('a job title', '"Engineering Manager"').optional(),
    location: condition('a location', 'Amsterdam').optional(),
  },
  { message: 'expected an object with department, jobTitle and/or location (each a string or a list of strings)' },
);

export const RoleGrantSchema = z.strictObject(
  {
    resource: text('a resource: a workspace id (ARI) or an alias from `resources`', 'jira'),
    role: text('a role', 'atlassian/user'),
  },
  { message: 'expected { resource, role }, e.g. { resource: jira, role: atlassian/user }' },
);

export const AccessGrantSchema = z
  .strictObject(
    {
      groups: z.array(text('a group name', 'engineering'), { message: 'expected a list of group names' }).default([]),
      roles: z.array(RoleGrantSchema, { message: 'expected a list of { resource, role }' }).default([]),
    },
    { message: 'expected { groups: [...], roles: [...] }' },
  )
  .refine((grant) => grant.groups.length + grant.roles.length > 0, {
    message: 'the rule grants nothing: list at least one group or role',
  });

export const AccessRuleSchema = z.strictObject(
  {
    id: text('a rule id', 'engineering-base').regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
      message: 'a rule id may contain only letters, digits, ".", "_" and "-" (it appears in audit records)',
    }),
    description: z.string().optional(),
    /** Absent or empty: the rule applies to everyone (a baseline). */
    when: RuleConditionSchema.default({}),
    grant: AccessGrantSchema,
  },
  { message: 'expected a rule { id, when, grant }' },
);

export const ProtectedAccountSchema = z
  .strictObject(
    {
      email: emailAddressSchema({ invalid: 'expected an email address, e.g. break.glass@example.com' }).optional(),
      accountId: text('an Atlassian account id', '5b10ac8d82e05b22cc7d4ef5').optional(),
      reason: text('the reason the account is protected', '"Break-glass administrator"'),
    },
    { message: 'expected { email or accountId, reason }' },
  )
  .refine((entry) => entry.email !== undefined || entry.accountId !== undefined, {
    message: 'name the account: give email or accountId (or both)',
  });

/**
 * Leavers that may make changes per org and UTC day before the brake engages: far above a normal
 * day (a 1,000-person company sees a few), far below a wrong HR export offboarding everyone.
 */
export const DEFAULT_MAX_LEAVERS_PER_DAY = 50;

export const JmlConfigSchema = z
  .strictObject(
    {
      /** Friendly names for workspaces, e.g. `jira: ari:cloud:jira-software::site/<id>`. */
      resources: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/, { message: 'an alias may contain only letters, digits, ".", "_" and "-"' }), text('a workspace id (ARI)', 'ari:cloud:jira-software::site/<cloudId>')).default({}),
      accessRules: z.array(AccessRuleSchema, { message: 'expected accessRules to be a list of rules' }),
      protectedAccounts: z.array(ProtectedAccountSchema, { message: 'expected protectedAccounts to be a list' }).default([]),
      leaver: z
        .strictObject({
          graceDays: z
            .number({ message: 'expected graceDays to be a number of days, e.g. 30' })
            .int({ message: 'graceDays must be a whole number of days' })
            .min(0, { message: 'graceDays cannot be negative; use 0 to remove right after suspending' })
            .max(365, { message: 'graceDays is at most 365 (a Step Functions execution lasts at most one year)' })
            .default(30),
        })
        .default({ graceDays: 30 }),
      limits: z
        .strictObject({
          maxRemovalsPerRun: z
            .number({ message: 'expected maxRemovalsPerRun to be a number, e.g. 25' })
            .int({ message: 'maxRemovalsPerRun must be a whole number' })
            .min(1, { message: 'maxRemovalsPerRun must be at least 1' })
            .default(25),
          maxLeaversPerDay: z
            .number({ message: 'expected maxLeaversPerDay to be a number of leavers per day, e.g. 50' })
            .int({ message: 'maxLeaversPerDay must be a whole number' })
            .min(1, { message: 'maxLeaversPerDay must be at least 1 (a single leaver can still be forced with overrideLimits)' })
            .max(100_000, { message: 'maxLeaversPerDay is at most 100000; a brake that never engages protects nothing' })
            .default(DEFAULT_MAX_LEAVERS_PER_DAY),
          /** The inactivity sweep acts on at most this many accounts per run (the lower of the two). */
          maxSweepActions: SweepLimitSchema.default(DEFAULT_SWEEP_LIMIT),
        })
        .default({ maxRemovalsPerRun: 25, maxLeaversPerDay: DEFAULT_MAX_LEAVERS_PER_DAY, maxSweepActions: DEFAULT_SWEEP_LIMIT }),
      /** HR webhooks: sources, event meanings, field mapping, timing (functions/lib/config/hr-config-schema.ts). */
      hr: HrConfigSchema.optional(),
      /** The scheduled inactivity sweep (functions/lib/config/inactivity-config-schema.ts). */
      inactivity: InactivityConfigSchema.default(DEFAULT_INACTIVITY),
    },
    { message: 'expected the config to be an object with accessRules (and optionally resources, protectedAccounts, leaver, limits, hr, inactivity)' },
  )
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.accessRules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['accessRules', index, 'id'], message: `duplicate rule id "${rule.id}" (also accessRules[${first}]); give each rule its own id` });
      } else seen.set(rule.id, index);
      rule.grant.roles.forEach((role, roleIndex) => {
        if (!role.resource.startsWith('ari:') && !Object.hasOwn(config.resources, role.resource)) {
          ctx.addIssue({
            code: 'custom',
            path: ['accessRules', index, 'grant', 'roles', roleIndex, 'resource'],
            message: `"${role.resource}" is neither a workspace id (ari:...) nor an alias in resources (known: ${Object.keys(config.resources).join(', ') || 'none'})`,
          });
        }
      });
    });
  });

/** The validated configuration, defaults applied. */
export type JmlConfig = z.output<typeof JmlConfigSchema>;
export type AccessRule = JmlConfig['accessRules'][number];
export type ProtectedAccount = JmlConfig['protectedAccounts'][number];
