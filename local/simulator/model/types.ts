/**
 * The records the simulated org holds. Field names follow the v2 API (camelCase); the v1 routes
 * translate them to their own casing. Dates are `Date`s; the wire layer formats them.
 */

export type AccountStatus = 'active' | 'inactive' | 'closed';
/** `no_membership`: removed from the directory (or never in it). */
export type MembershipStatus = 'active' | 'suspended' | 'no_membership';
export type ManagementSource = 'invited' | 'synced';

/** Last time a user used one product on one site (a user can use Jira on two sites). */
export interface ProductActivity {
  /** Site (product instance) id, i.e. the cloud id of the workspace. */
  siteId: string;
  /** Product key, e.g. `jira-software`, `confluence`. */
  productKey: string;
  lastActive: Date;
}

export interface SimUser {
  accountId: string;
  /** Default `atlassian` (a person); `app` (bot) and `customer` (service desk) accounts exist too. */
  accountType?: 'atlassian' | 'app' | 'customer';
  email: string;
  name: string;
  nickname: string;
  accountStatus: AccountStatus;
  membershipStatus: MembershipStatus;
  /** `synced` users are provisioned by an identity provider (SCIM). */
  managementSource: ManagementSource;
  /** `managed` when the email domain is verified by the org. */
  claimStatus: 'managed' | 'unmanaged';
  department?: string;
  jobTitle?: string;
  location?: string;
  timeZone?: string;
  /** Org-level roles, e.g. `atlassian/org-admin`. */
  platformRoles: Set<string>;
  addedToOrg: Date;
  emailVerified: boolean;
  mfaEnabled: boolean;
  activity: ProductActivity[];
}

/** What a group is for; `admin` and `default-access` groups cannot be deleted. */
export type GroupKind = 'regular' | 'admin' | 'default-access';

export interface SimGroup {
  id: string;
  name: string;
  description?: string;
  /** Created by an identity provider (SCIM): memberships are read-only through the API. */
  synced: boolean;
  kind: GroupKind;
  createdAt: Date;
}

/** A product instance (Jira site, Confluence site) on which roles are granted. */
export interface SimSite {
  /** Cloud id. */
  id: string;
  /** Product key, e.g. `jira-software`. */
  productKey: string;
  /** Display name of the product, e.g. `Jira`. */
  productName: string;
  /** Site name, e.g. `acme-jira`. */
  name: string;
  url: string;
  /** The resource id roles are granted on, e.g. `ari:cloud:jira-software::site/<cloud id>`. */
  resourceId: string;
}
