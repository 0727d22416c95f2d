import { describe, expect, it } from 'vitest';
import { V1GroupsSearchPageSchema, V1UsersSearchPageSchema } from '../../functions/lib/atlassian/schemas/v1-users.js';
import { readSpecDocument } from './openapi.js';

/** The response examples Atlassian publishes for operations the client reads must parse. */
const spec = readSpecDocument('org-api.2026-07-22.json') as { paths: Record<string, any> };
const example = (path: string, name: string) => spec.paths[path].post.responses['200'].content['application/json'].examples[name].value;

describe("the client's response schemas accept Atlassian's published examples", () => {
  it('v1 users/search (camelCase, token cursor)', () => {
    const parsed = V1UsersSearchPageSchema.parse(example('/v1/orgs/{orgId}/users/search', 'users_search_response'));
    expect(parsed.data[0].accountId).toBe('123e4567-e89b-12d3-a456-426614174000');
    expect(parsed.links?.next).toBeTruthy();
  });

  it('v1 groups/search', () => {
    const parsed = V1GroupsSearchPageSchema.parse(example('/v1/orgs/{orgId}/groups/search', 'groups_search_response'));
    expect(parsed.data[0]).toMatchObject({ name: 'example', description: 'example description' });
  });
});
