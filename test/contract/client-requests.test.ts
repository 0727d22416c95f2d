import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../local/simulator/index.js';
import { clearDirectoryIdCache } from '../../functions/lib/atlassian/directory/directory-id.js';
import { startSimulator } from '../../local/simulator/index.js';
import { exerciseEveryMethod } from './support/exercise-client.js';
import { capturingFetch, type CapturedRequest } from './support/request-capture.js';
import { loadSpecOperations, type MatchedOperation } from './support/spec-operations.js';

/** Every request of the seed collection (33) and of the v2 directory API, as OpenAPI `METHOD path`. */
const MUST_BE_SENT = [
  'GET /v1/orgs', 'GET /v1/orgs/{orgId}', 'GET /v1/orgs/{orgId}/users', 'POST /v1/orgs/{orgId}/users/search',
  'POST /v1/orgs/{orgId}/groups/search', 'GET /v1/orgs/{orgId}/domains', 'GET /v1/orgs/{orgId}/domains/{domainId}',
  'GET /v1/orgs/{orgId}/events', 'GET /v1/orgs/{orgId}/events/{eventId}', 'GET /v1/orgs/{orgId}/event-actions',
  'GET /v1/orgs/{orgId}/policies', 'POST /v1/orgs/{orgId}/policies', 'GET /v1/orgs/{orgId}/policies/{policyId}',
  'PUT /v1/orgs/{orgId}/policies/{policyId}', 'DELETE /v1/orgs/{orgId}/policies/{policyId}',
  'POST /v1/orgs/{orgId}/policies/{policyId}/resources', 'PUT /v1/orgs/{orgId}/policies/{policyId}/resources/{resourceId}',
  'DELETE /v1/orgs/{orgId}/policies/{policyId}/resources/{resourceId}', 'GET /v1/orgs/{orgId}/policies/{policyId}/validate',
  'GET /v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates', 'DELETE /v1/orgs/{orgId}/directory/users/{accountId}',
  'POST /v1/orgs/{orgId}/directory/users/{accountId}/suspend-access', 'POST /v1/orgs/{orgId}/directory/users/{accountId}/restore-access',
  'POST /v1/orgs/{orgId}/directory/groups', 'DELETE /v1/orgs/{orgId}/directory/groups/{groupId}',
  'POST /v1/orgs/{orgId}/directory/groups/{groupId}/memberships', 'DELETE /v1/orgs/{orgId}/directory/groups/{groupId}/memberships/{accountId}',
  'POST /v1/orgs/{orgId}/users/invite', 'POST /v1/orgs/{orgId}/directory/groups/{groupId}/roles/assign',
  'POST /v1/orgs/{orgId}/directory/groups/{groupId}/roles/revoke', 'POST /v1/orgs/{orgId}/users/{userId}/roles/assign',
  'POST /v1/orgs/{orgId}/users/{userId}/roles/revoke', 'POST /v2/orgs/{orgId}/workspaces',
  // v2 directory API
  'GET /v2/orgs/{orgId}/directories', 'POST /v2/orgs/{orgId}/directories/{directoryId}/users/search',
  'GET /v2/orgs/{orgId}/directories/{directoryId}/users/{userId}', 'POST /v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend',
  'POST /v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/restore', 'DELETE /v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}',
  'GET /v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/role-assignments',
  'POST /v2/orgs/{orgId}/directories/{directoryId}/groups/search', 'GET /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}',
  'POST /v2/orgs/{orgId}/directories/{directoryId}/groups', 'DELETE /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}',
  'POST /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships',
  'DELETE /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships/{accountId}',
  'GET /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments',
  'POST /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments/assign',
  'POST /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments/revoke',
  'POST /v2/orgs/{orgId}/users/invite',
];

describe("every request the client sends matches Atlassian's OpenAPI", () => {
  let sim: RunningSimulator;
  const captured: CapturedRequest[] = [];
  const spec = loadSpecOperations();
  const matched = new Map<CapturedRequest, MatchedOperation | undefined>();

  beforeAll(async () => {
    clearDirectoryIdCache();
    sim = await startSimulator({ rateLimits: false });
    await exerciseEveryMethod(sim, capturingFetch(captured));
    const prefix = new URL(sim.baseUrl).pathname;
    for (const request of captured) matched.set(request, spec.find(request.method, request.url.pathname.slice(prefix.length)));
  });
  afterAll(() => sim.close());

  it('sends every seed request and every v2 directory request', () => {
    const sent = new Set([...matched.values()].filter(Boolean).map((op) => `${op!.method} ${op!.path}`));
    expect(MUST_BE_SENT.filter((key) => !sent.has(key))).toEqual([]);
  });

  it('sends only documented paths and methods', () => {
    const undocumented = captured.filter((r) => !matched.get(r)).map((r) => `${r.method} ${r.url.pathname}`);
    expect(undocumented).toEqual([]);
  });

  it('sends only documented query parameters', () => {
    const problems = captured.flatMap((r) => {
      const op = matched.get(r);
      return op ? [...r.url.searchParams.keys()].filter((k) => !op.queryParameters.has(k)).map((k) => `${op.method} ${op.path}: ?${k}`) : [];
    });
    expect(problems).toEqual([]);
  });

  it('sends a JSON body only where the spec has one, and every body validates against its request schema', () => {
    // Validated with the shared spec loader (test/contract/openapi.ts).
    const problems = captured.flatMap((request) => {
      const op = matched.get(request);
      if (!op) return [];
      const result = op.validateBody(request.body);
      return result.valid ? [] : [`${op.method} ${op.path} (${result.specId}): ${result.errors.join('; ')} in ${JSON.stringify(request.body)}`];
    });
    expect(captured.filter((r) => r.body !== undefined).length).toBeGreaterThan(25);
    expect(problems).toEqual([]);
  });
});
