import * as z from 'zod';

/**
 * The `inactivity:` section of the JML config (the scheduled inactivity sweep) and the sweep's
 * blast-radius limit (`limits.maxSweepActions`). Rules say after how many days without activity,
 * in one product or in all of them, an account loses that product's licence (`reclaim`: removed
 * from the groups that grant it, the account stays) or is suspended (`suspend`: the leaver's
 * suspension, groups and roles kept for a restore).
 */

const days = (what: string, example: number, min = 1) =>
  z
    .number({ message: `expected ${what} as a number of days, e.g. ${example}` })
    .int({ message: `${what} must be a whole number of days` })
    .min(min, { message: `${what} must be at least ${min} day(s)` })
    .max(3650, { message: `${what} is at most 3650 days (10 years)` });

/** `jira` (any Jira product: jira-software, jira-servicedesk, ...), `confluence`, a product key, or `all`. */
export const ProductSelectorSchema = z
  .string({ message: 'expected a product, e.g. jira, confluence, jira-software, or all' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]*$/, { message: 'a product is a product key such as jira, confluence or jira-software (letters, digits, "-"), or all' });

export const InactivityRuleSchema = z.strictObject(
  {
    id: z
      .string({ message: 'expected a rule id, e.g. reclaim-jira' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'a rule id may contain only letters, digits, ".", "_" and "-" (it appears in the report)' }),
    description: z.string().optional(),
    /** One product (its last activity there counts) or `all` (the last activity in any product counts). */
    product: ProductSelectorSchema,
    inactiveDays: days('inactiveDays', 90),
    action: z.enum(['reclaim', 'suspend'], {
      message: "action must be 'reclaim' (remove the product's access groups, keep the account) or 'suspend' (suspend the account)",
    }),
  },
  { message: 'expected a rule { id, product, inactiveDays, action }' },
);
export type InactivityRule = z.output<typeof InactivityRuleSchema>;

const groupName = z.string({ message: 'expected a group name, e.g. service-accounts' }).trim().min(1, { message: 'expected a group name, got an empty string' });

export const InactivityExclusionsSchema = z.strictObject(
  {
    /** Accounts added to the org this recently are left alone (they may not have started yet). */
    addedWithinDays: days('addedWithinDays', 30, 0).default(30),
    /** Members of these groups are never swept (service accounts, shared mailboxes, ...). */
    groups: z.array(groupName, { message: 'expected a list of group names' }).default([]),
  },
  { message: 'expected { addedWithinDays, groups }' },
);

/** How long Atlassian keeps the org's audit events: the furthest back `newAccessGraceDays` can look. */
export const AUDIT_LOG_RETENTION_DAYS = 180;

export const InactivityConfigSchema = z
  .strictObject(
    {
      /** `false` (default): every sweep is a dry run (report only) unless its input says `dryRun: false`. */
      enforce: z.boolean({ message: 'enforce must be true or false' }).default(false),
      rules: z.array(InactivityRuleSchema, { message: 'expected rules to be a list of { id, product, inactiveDays, action }' }).default([]),
      exclude: InactivityExclusionsSchema.default({ addedWithinDays: 30, groups: [] }),
      /**
       * Product access granted this recently (by the joiner, the mover, an admin by hand: the org's
       * audit log says when) is spared, whatever the account's activity. 0 switches it off (and the
       * audit log is not read). At most 180: Atlassian keeps audit events for 180 days.
       */
      newAccessGraceDays: days('newAccessGraceDays', 30, 0)
        .max(AUDIT_LOG_RETENTION_DAYS, { message: `newAccessGraceDays is at most ${AUDIT_LOG_RETENTION_DAYS} days: Atlassian keeps audit events for ${AUDIT_LOG_RETENTION_DAYS} days` })
        .default(30),
    },
    { message: 'expected inactivity to be an object with rules (and optionally enforce, exclude, newAccessGraceDays)' },
  )
  .superRefine((section, ctx) => {
    const seen = new Map<string, number>();
    section.rules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}" (also rules[${first}]); give each rule its own id` });
      } else seen.set(rule.id, index);
    });
  });
export type InactivityConfig = z.output<typeof InactivityConfigSchema>;

export const DEFAULT_INACTIVITY: InactivityConfig = { enforce: false, rules: [], exclude: { addedWithinDays: 30, groups: [] }, newAccessGraceDays: 30 };

/** At most this many accounts (`count`) and this share of the org's active accounts (`percent`): the lower wins. */
export const SweepLimitSchema = z.strictObject(
  {
    count: z
      .number({ message: 'expected count to be a number of accounts, e.g. 50' })
      .int({ message: 'count must be a whole number of accounts' })
      .min(0, { message: 'count cannot be negative (0 stops every sweep that would act)' })
      .default(50),
    percent: z
      .number({ message: 'expected percent to be a percentage of the org, e.g. 5' })
      .min(0, { message: 'percent cannot be negative' })
      .max(100, { message: 'percent is at most 100' })
      .default(5),
  },
  { message: 'expected maxSweepActions to be { count, percent }, e.g. { count: 50, percent: 5 }' },
);
export type SweepLimit = z.output<typeof SweepLimitSchema>;
export const DEFAULT_SWEEP_LIMIT: SweepLimit = { count: 50, percent: 5 };
