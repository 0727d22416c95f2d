/**
 * The org an execution acts on, recorded when it starts (never the API key): the org id and the
 * Admin API base URL, or `EMBEDDED_API_BASE` for the simulator a runtime embeds. An execution only
 * ever runs against the org it was started for (docs/runtime.md, "Org binding").
 */
export interface OrgBinding {
  orgId: string;
  apiBase: string;
}

/**
 * The embedded simulator lives in memory and is started afresh with the same demo org by every
 * runtime: executions started on it continue on the next one (what `npm start` users rely on).
 */
export const EMBEDDED_API_BASE = 'embedded simulator';

export function orgBindingOf(api: { baseUrl: string; orgId: string }, embedded: boolean): OrgBinding {
  return { orgId: api.orgId, apiBase: embedded ? EMBEDDED_API_BASE : normalizedBase(api.baseUrl) };
}

/** `HTTPS://API.Atlassian.com/admin/` and `https://api.atlassian.com/admin` are one API. */
function normalizedBase(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseUrl.replace(/\/+$/, '');
  }
}

export function sameOrg(a: OrgBinding | undefined, b: OrgBinding): boolean {
  return a !== undefined && a.orgId === b.orgId && a.apiBase === b.apiBase;
}

/** For people: `org <id> at <url>`, `the embedded simulator (org <id>)`, or an unknown org. */
export function describeOrg(binding: OrgBinding | undefined): string {
  if (!binding) return 'an unknown org (started before the runtime recorded orgs)';
  if (binding.apiBase === EMBEDDED_API_BASE) return `the embedded simulator (demo org ${binding.orgId})`;
  return `org ${binding.orgId} at ${binding.apiBase}`;
}
