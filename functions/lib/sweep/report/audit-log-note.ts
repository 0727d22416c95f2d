import type { RecentGrantsFile } from '../access-grants.js';

/** What the report page says about the new-access grace: how the audit log was read, or why not. */
export interface AuditLogNote {
  text: string;
  /** The audit log could not be read: the page shows it as a warning. */
  warning: boolean;
}

/** The report's line about `inactivity.newAccessGraceDays` and the audit log behind it. */
export function auditLogNote(grants: RecentGrantsFile): AuditLogNote {
  if (grants.status === 'off') {
    return { warning: false, text: 'New-access grace off (inactivity.newAccessGraceDays: 0): the audit log was not read; a product never used counts from when the account was added.' };
  }
  if (grants.status === 'read') {
    return {
      warning: false,
      text: `Access granted within ${grants.graceDays} days (inactivity.newAccessGraceDays) is spared: the org's audit log from ${grants.since.slice(0, 10)} on has ${grants.grants.length} grant(s).`,
    };
  }
  return {
    warning: true,
    text:
      `The audit log could not be read (${grants.error}: ${grants.message}). When access was granted is unknown, so products never used are spared ` +
      'instead of counted from when the account was added, and accounts never active are not suspended. Give the API key access to the audit log ' +
      '(GET /v1/orgs/{orgId}/events), or set inactivity.newAccessGraceDays: 0 to count from when the account was added.',
  };
}
