import type { EventModel } from '../atlassian/schemas/v1-events.js';
import { GRANT_ACTIONS, type AccessGrant } from './access-grants.js';

type EventObject = EventModel['attributes']['context'][number];

/** `ari:cloud:<product>::site/<cloudId>`: how Atlassian names a product instance (a workspace). */
const SITE_ARI = /^ari:cloud:[a-z0-9-]+::site\/([^/\s]+)$/i;

const isType = (object: EventObject, type: string) => (object.type ?? '').toLowerCase() === type;

/** The site cloud id an event object names: a site ARI, or an object of type `site` with a plain id. */
function siteIdOf(object: EventObject): string | undefined {
  const ari = SITE_ARI.exec(object.id);
  if (ari) return ari[1];
  return isType(object, 'site') ? object.id : undefined;
}

const GRANTS: ReadonlySet<string> = new Set(GRANT_ACTIONS);

/**
 * The grant an audit event records, or undefined when it is not a grant (whatever filter the
 * server applied), names neither an account nor a group, or names nothing they were given (a role
 * on the org, not on a product). The event's `context` is what was acted on (the user, the group,
 * the role, the site); its `container` where (the org, or the site): both are searched for the site.
 */
export function accessGrantOf(event: EventModel): AccessGrant | undefined {
  const { action, time, context, container = [] } = event.attributes;
  if (!GRANTS.has(action)) return undefined;
  const at = new Date(time);
  if (Number.isNaN(at.getTime())) return undefined;
  const accountId = context.find((object) => isType(object, 'user'))?.id;
  const groupId = context.find((object) => isType(object, 'group'))?.id;
  const siteId = [...context, ...container].map(siteIdOf).find((id) => id !== undefined);
  if (!accountId && !groupId) return undefined;
  // An account's grant needs a group (whose products the access map knows) or a site; a group's needs a site.
  if (accountId ? !groupId && !siteId : !siteId) return undefined;
  return {
    action,
    at: at.toISOString(),
    ...(accountId ? { accountId } : {}),
    ...(groupId ? { groupId } : {}),
    ...(siteId ? { siteId } : {}),
  };
}
