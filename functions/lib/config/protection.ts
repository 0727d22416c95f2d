import type { DirectoryUser } from '../atlassian/directory.js';
import type { JmlConfig } from './jml-config-schema.js';

/** Platform role that makes an account an organization admin (always protected). */
export const ORG_ADMIN_ROLE = 'atlassian/org-admin';

export type ProtectionVerdict = { protected: false } | { protected: true; reason: string };

/**
 * Whether automation must leave this account alone: org admins always (locking out the last
 * admin is unrecoverable without Atlassian Support), plus the accounts the config lists.
 * Emails compare case-insensitively.
 */
export function protectionOf(config: JmlConfig, user: Pick<DirectoryUser, 'accountId' | 'email' | 'platformRoles'>): ProtectionVerdict {
  if (user.platformRoles.includes(ORG_ADMIN_ROLE)) {
    return { protected: true, reason: `${user.email} is an organization admin (${ORG_ADMIN_ROLE}); change org admins by hand in admin.atlassian.com` };
  }
  const email = user.email.toLowerCase();
  const entry = config.protectedAccounts.find(
    (account) => account.accountId === user.accountId || (account.email !== undefined && account.email.toLowerCase() === email),
  );
  return entry
    ? { protected: true, reason: `${user.email} is a protected account: ${entry.reason} (protectedAccounts in the JML config)` }
    : { protected: false };
}
