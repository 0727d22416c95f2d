import { GRANT_ACTIONS, type AccessGrant } from '../../sweep/access-grants.js';
import { accessGrantOf } from '../../sweep/grant-events.js';
import type { AccessGroup, AccessMap, Activity, ScannedAccount, Site } from '../../sweep/sweep-types.js';
import type { ScanPage, SweepSource } from '../../sweep/sweep-source.js';
import { DEFAULT_ATLASSIAN_BASE_URL, type CreateDirectoryOptions } from './create-directory.js';
import { createDirectoryIdResolver } from './directory-id.js';
import { AtlassianHttpClient } from '../http/http-client.js';
import { TokenBucketPacer, type Pacer } from '../http/pacer.js';
import { WindowPacer } from '../http/window-pacer.js';
import { collect, cursorFromNextUrl, iteratePages } from '../pagination.js';
import type { V2User } from '../schemas/v2-users.js';
import { V1DirectoryApi } from '../v1/directory.js';
import { V1EventsApi } from '../v1/events.js';
import { V2GroupsApi } from '../v2/groups.js';
import { V2UsersApi } from '../v2/users.js';
import { V2WorkspacesApi } from '../v2/workspaces.js';

/** users/search's largest page: a 100,000-user org is 1,000 calls. */
export const SCAN_PAGE_SIZE = 100;
/** Roles that take a licence (guest, customer, basic, contributor ... do not). */
export const LICENSED_ROLES = ['atlassian/user', 'atlassian/admin'];
/** Atlassian's published limit for last-active-dates: 200 requests per minute per org. */
export const LAST_ACTIVE_DATES_PER_MINUTE = 200;
/** Atlassian's published limit for the audit log's events query: 10 requests per minute per user and path. */
export const EVENTS_PER_MINUTE = 10;
/** The events query's largest page. */
export const EVENTS_PAGE_SIZE = 500;

export interface V2SweepSourceOptions extends Omit<CreateDirectoryOptions, 'generation'> {
  /** last-active-dates requests per minute (the pacer's rate). @default 200 */
  lastActivePerMinute?: number;
  /** users/search requests per minute; @default unpaced (429s are retried by the client) */
  searchPerMinute?: number;
  /** Audit log events requests per minute (a whole number). @default 10 */
  eventsPerMinute?: number;
}

/**
 * The sweep's reads over the v2 API: `users/search` with `expand: productAccess, groups,
 * platformRoles` (every account's last activity per product, 100 a page), the workspaces and one
 * group search per product instance (which groups grant a licence there), the org's audit log
 * (when access was granted recently), and the v1 last-active-dates (still live) to confirm an
 * account just before acting on it.
 */
export class V2SweepSource implements SweepSource {
  private readonly users: V2UsersApi;
  private readonly groups: V2GroupsApi;
  private readonly workspaces: V2WorkspacesApi;
  private readonly activity: V1DirectoryApi;
  private readonly events: V1EventsApi;
  private readonly eventsPerMinute: number;
  private readonly directoryId: () => Promise<string>;
  private readonly lastActivePacer: Pacer;
  private readonly searchPacer?: Pacer;

  constructor(options: V2SweepSourceOptions) {
    const baseUrl = options.baseUrl ?? DEFAULT_ATLASSIAN_BASE_URL;
    const http = new AtlassianHttpClient({ ...options, baseUrl });
    this.users = new V2UsersApi(http, options.orgId);
    this.groups = new V2GroupsApi(http, options.orgId);
    this.workspaces = new V2WorkspacesApi(http, options.orgId);
    this.activity = new V1DirectoryApi(http, options.orgId);
    this.events = new V1EventsApi(http, options.orgId);
    this.eventsPerMinute = Math.max(1, Math.floor(options.eventsPerMinute ?? EVENTS_PER_MINUTE));
    this.directoryId = createDirectoryIdResolver(http, options.orgId, options.directoryId, baseUrl);
    this.lastActivePacer = new TokenBucketPacer({ ratePerSecond: (options.lastActivePerMinute ?? LAST_ACTIVE_DATES_PER_MINUTE) / 60 });
    if (options.searchPerMinute) this.searchPacer = new TokenBucketPacer({ ratePerSecond: options.searchPerMinute / 60 });
  }

  async scanPage(cursor?: string): Promise<ScanPage> {
    const dir = await this.directoryId();
    await this.searchPacer?.acquire();
    const page = await this.users.searchUsers(dir, {
      limit: SCAN_PAGE_SIZE,
      expand: ['productAccess', 'groups', 'platformRoles'],
      ...(cursor ? { cursor } : {}),
    });
    return { accounts: page.data.map(toScannedAccount), ...(page.links?.next ? { nextCursor: page.links.next } : {}) };
  }

  async accessMap(): Promise<AccessMap> {
    const dir = await this.directoryId();
    const sites: Site[] = (await collect(this.workspaces.iterateWorkspaces({ limit: 1000 }))).flatMap((workspace) =>
      workspace.id && workspace.attributes?.typeKey
        ? [{ siteId: workspace.id, productKey: workspace.attributes.typeKey, ...(workspace.attributes.name ? { name: workspace.attributes.name } : {}) }]
        : [],
    );
    const groups = new Map<string, AccessGroup>();
    for (const site of sites) {
      await this.searchPacer?.acquire();
      const resourceId = `ari:cloud:${site.productKey}::site/${site.siteId}`;
      for (const group of await collect(this.groups.iterateSearchGroups(dir, { resourceIds: [resourceId], roleIds: LICENSED_ROLES, limit: 100 }))) {
        const known = groups.get(group.id);
        if (known) known.siteIds.push(site.siteId);
        else {
          groups.set(group.id, {
            id: group.id,
            name: group.name ?? group.id,
            synced: group.externalSynced === true,
            modifiable: group.managementAccess?.modifiable ?? group.externalSynced !== true,
            siteIds: [site.siteId],
          });
        }
      }
    }
    return { sites, groups: [...groups.values()] };
  }

  async recentGrants(since: Date): Promise<{ events: number; grants: AccessGrant[] }> {
    // A fresh window per sweep: the sweep reads the audit log once, its pages are what need pacing.
    const pacer = new WindowPacer({ limit: this.eventsPerMinute });
    const grants: AccessGrant[] = [];
    let events = 0;
    // The events API filters on one action at a time: one paged query per grant action.
    for (const action of GRANT_ACTIONS) {
      const pages = iteratePages({
        operation: 'v1.listEvents',
        fetchPage: async (cursor) => {
          await pacer.acquire();
          return this.events.listEvents({ from: String(since.getTime()), action, limit: EVENTS_PAGE_SIZE }, cursor);
        },
        // EventPage carries the cursor twice: `links.next` (a URL) and `meta.next` (the token).
        nextCursor: (page) => cursorFromNextUrl('v1.listEvents', page.links?.next) ?? page.meta?.next ?? undefined,
      });
      for await (const page of pages) {
        events += page.data.length;
        for (const event of page.data) {
          const grant = accessGrantOf(event);
          if (grant) grants.push(grant);
        }
      }
    }
    return { events, grants };
  }

  async lastActivity(accountId: string): Promise<{ activity: Activity[]; addedToOrg?: string }> {
    const activity: Activity[] = [];
    let addedToOrg: string | undefined;
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      await this.lastActivePacer.acquire();
      const page = await this.activity.getLastActiveDates(accountId, cursor);
      addedToOrg ??= page.data.added_to_org_timestamp ?? page.data.added_to_org ?? undefined;
      for (const product of page.data.product_access) {
        const at = product.last_active_timestamp ?? (product.last_active ? `${product.last_active}T00:00:00Z` : undefined);
        if (at) activity.push({ siteId: product.id, productKey: product.key, lastActive: at });
      }
      cursor = page.links?.next;
    }
    return { activity, ...(addedToOrg ? { addedToOrg } : {}) };
  }
}

/** A users/search entry as the sweep keeps it; a missing status is `unknown`, which the sweep never acts on. */
export function toScannedAccount(user: V2User): ScannedAccount {
  return {
    accountId: user.accountId,
    email: user.email ?? '',
    name: user.name ?? user.nickname ?? '',
    accountType: user.accountType ?? 'atlassian',
    accountStatus: user.accountStatus ?? 'unknown',
    membershipStatus: user.membershipStatus ?? 'unknown',
    managementSource: user.managementSource ?? null,
    ...(user.addedToOrg ? { addedToOrg: user.addedToOrg } : {}),
    platformRoles: user.platformRoles ?? [],
    groups: (user.groups ?? []).map((group) => ({ id: group.id, name: group.name ?? group.id })),
    activity: (user.productAccess ?? []).flatMap((entry) =>
      entry.id && entry.key && entry.lastActiveTimestamp ? [{ siteId: entry.id, productKey: entry.key, lastActive: entry.lastActiveTimestamp }] : [],
    ),
  };
}
