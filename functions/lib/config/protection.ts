import type { DirectoryUser } from '../atlassian/directory.js';
import type { JmlConfig, ProtectedAccount } from './jml-config-schema.js';
import { emailKey } from '../email-address.js';

/**
 * The one protection rule every workflow that changes accounts applies (joiner, mover, leaver, and
 * any sweep over the directory): org admins and the config's `protectedAccounts` are never changed
 * by automation.
 */

/** Platform role that makes an account an organization admin (always protected). */
export const ORG_ADMIN_ROLE = 'atlassian/org-admin';

export type ProtectionVerdict = { protected: false } | { protected: true; reason: string };

/** The `protectedAccounts` entry naming this account id or email (emails compare case-insensitively, NFC-normalised: emailKey). */
function configuredEntry(config: JmlConfig, identity: { accountId?: string; email: string }): ProtectedAccount | undefined {
  const email = emailKey(identity.email);
  return config.protectedAccounts.find(
    (account) =>
      (identity.accountId !== undefined && account.accountId === identity.accountId) ||
      (account.email !== undefined && emailKey(account.email) === email),
  );
}

const configured = (email: string, entry: ProtectedAccount): ProtectionVerdict => ({
  protected: true,
  reason: `${email} is a protected account: ${entry.reason} (protectedAccounts in the JML config)`,
});

/**
 * Whether automation must leave this account alone: org admins always (locking out the last
 * admin is unrecoverable without Atlassian Support), plus the accounts the config lists.
 */
export function protectionOf(config: JmlConfig, user: Pick<DirectoryUser, 'accountId' | 'email' | 'platformRoles'>): ProtectionVerdict {
  if (user.platformRoles.includes(ORG_ADMIN_ROLE)) {
    return { protected: true, reason: `${user.email} is an organization admin (${ORG_ADMIN_ROLE}); change org admins by hand in admin.atlassian.com` };
  }
  const entry = configuredEntry(config, user);
  return entry ? configured(user.email, entry) : { protected: false };
}

/**
 * Protection of an email address that has no account yet (a joiner's invite): only the config can
 * name it. Inviting a listed address would create the break-glass or service account by automation.
 */
export function protectionOfAddress(config: JmlConfig, email: string): ProtectionVerdict {
  const entry = configuredEntry(config, { email });
  return entry ? configured(email, entry) : { protected: false };
}
