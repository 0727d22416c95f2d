import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { validateRequest } from '../request-validation.js';
import { V2InviteRequestSchema, V2InviteResponseSchema, type V2InviteRequest, type V2InviteResponse } from '../schemas/v2-invite.js';

/** The outcome of a v2 invite: `partial` when Atlassian answered 206 (at least one part failed). */
export interface V2InviteOutcome {
  partial: boolean;
  response: V2InviteResponse;
}

/** POST /v2/orgs/{orgId}/users/invite: the replacement of the sunset v1 invite. */
export class V2InviteApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  /** Invites up to 25 people, with groups and roles. Retried only on 429 (a retry could re-send mail). */
  async inviteUsers(request: V2InviteRequest): Promise<V2InviteOutcome> {
    const operation = 'v2.inviteUsers';
    const body = validateRequest(operation, V2InviteRequestSchema, request);
    const path = apiPath`/v2/orgs/${this.orgId}/users/invite`;
    const result = await this.http.request({ operation, method: 'POST', path, body, schema: V2InviteResponseSchema });
    return { partial: result.status === 206, response: result.data };
  }
}
