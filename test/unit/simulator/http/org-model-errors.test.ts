import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelErrorToWire } from '../../../../local/simulator/http/model-errors.js';
import { ModelError, type ModelErrorKind } from '../../../../local/simulator/model/model-error.js';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The org-resource kinds and the status, code and title the spec documents for each. */
const ORG_KINDS: Array<[ModelErrorKind, number, string, string]> = [
  ['invalidCursor', 400, 'ADMIN-400-1', 'Invalid page cursor'],
  ['invalidDomainId', 400, 'ADMIN-400-2', 'Invalid domain identifier'],
  ['domainNotFound', 404, 'ADMIN-404-3', 'Domain not found'],
  ['policyNotFound', 404, 'ADMIN-404-5', 'Policy not found'],
  ['policyResourceNotFound', 404, 'ADMIN-404-6', 'Policy resource not found'],
  ['invalidResource', 400, 'ADMIN-400-4', 'Invalid resource'],
  ['invalidWorkspaceField', 400, 'ADMIN-400-4', 'Invalid resource'],
];

describe('org-resource model errors on the wire', () => {
  it.each(ORG_KINDS)('renders %s as %i %s in the application shape, the message as detail', (kind, status, code, title) => {
    // Act
    const wire = modelErrorToWire(new ModelError(kind, 'What was wrong; how to fix it.'), 'application');

    // Assess
    const body = wire.body as { errors: Array<Record<string, string>> };
    expect(wire.status).toBe(status);
    expect(body.errors).toHaveLength(1);
    expect(Object.keys(body.errors[0])).toEqual(['id', 'status', 'code', 'title', 'detail']);
    expect(body.errors[0]).toEqual({ id: expect.stringMatching(UUID), status: String(status), code, title, detail: 'What was wrong; how to fix it.' });
  });

  it.each(ORG_KINDS)('renders %s as %i %s in the bare shape (no errors array)', (kind, status, code, title) => {
    // Act
    const wire = modelErrorToWire(new ModelError(kind, 'Detail.'), 'bareApplication');

    // Assess
    expect(wire.status).toBe(status);
    expect(Object.keys(wire.body as object)).toEqual(['id', 'status', 'code', 'title', 'detail']);
    expect(wire.body).toEqual({ id: expect.stringMatching(UUID), status: String(status), code, title, detail: 'Detail.' });
  });

  it('keeps the earlier kinds as they were in the bare shape (same codes as application)', () => {
    // Act
    const bare = modelErrorToWire(new ModelError('userNotFound', 'No user u1.'), 'bareApplication');

    // Assess
    expect([bare.status, (bare.body as { code: string }).code]).toEqual([404, 'ADMIN-404-8']);
  });
});

describe('org-resource errors over HTTP (exact bodies, random id aside)', () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ rateLimits: false });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.control.reset());

  /** The response body with its random `id` replaced, so the rest compares exactly. */
  async function call(method: string, path: string, body?: unknown): Promise<[number, unknown]> {
    const response = await sim.api(method, path, body);
    const masked = JSON.parse(JSON.stringify(response.body).replace(/"id":"[0-9a-f-]{36}"/g, '"id":"<id>"'));
    return [response.status, masked];
  }
  const application = (status: number, code: string, title: string, detail: string) =>
    ({ errors: [{ id: '<id>', status: String(status), code, title, detail }] });

  it('answers bad event cursors, domain ids and unknown domains in the application shape', async () => {
    // Act
    const responses = [
      await call('GET', `${sim.v1}/events?cursor=garbage`),
      await call('GET', `${sim.v1}/events-stream?cursor=garbage`),
      await call('GET', `${sim.v1}/domains/acme.example`),
      await call('GET', `${sim.v1}/domains/00000000-0000-4000-8000-000000000000`),
    ];

    // Assess
    const badCursor = application(400, 'ADMIN-400-1', 'Invalid page cursor', 'The cursor is invalid or has expired. Start again without a cursor.');
    expect(responses).toEqual([
      [400, badCursor],
      [400, badCursor],
      [400, application(400, 'ADMIN-400-2', 'Invalid domain identifier', '"acme.example" is not a domain id (a UUID); list them with GET /v1/orgs/{orgId}/domains.')],
      [404, application(404, 'ADMIN-404-3', 'Domain not found', 'No domain with id 00000000-0000-4000-8000-000000000000 in this org.')],
    ]);
  });

  it('answers unknown policies and resources, and invalid resources, in the application shape', async () => {
    // Prepare
    const site = sim.state.sites[0];
    const created = await sim.api('POST', `${sim.v1}/policies`, { data: { type: 'policy', attributes: { type: 'ip-allowlist', resources: [{ id: site.resourceId }] } } });
    const policyId: string = created.body.data.id;

    // Act
    const responses = [
      await call('GET', `${sim.v1}/policies/nope`),
      await call('DELETE', `${sim.v1}/policies/${policyId}/resources/nope`),
      await call('POST', `${sim.v1}/policies`, { data: { type: 'policy', attributes: { type: 'ip-allowlist', rule: { in: ['10.0.0.300'] } } } }),
      await call('PUT', `${sim.v1}/policies/${policyId}`, { data: { type: 'policy', attributes: { type: 'data-residency' } } }),
    ];

    // Assess
    expect(responses).toEqual([
      [404, application(404, 'ADMIN-404-5', 'Policy not found', 'No policy with id nope; list them with GET /v1/orgs/{orgId}/policies.')],
      [404, application(404, 'ADMIN-404-6', 'Policy resource not found', `Policy ${policyId} has no resource nope.`)],
      [400, application(400, 'ADMIN-400-4', 'Invalid resource', '"10.0.0.300" is not an IPv4 address or CIDR block (e.g. 203.0.113.0/24).')],
      [400, application(400, 'ADMIN-400-4', 'Invalid resource', "A policy's type cannot change (it is ip-allowlist); create a new data-residency policy instead.")],
    ]);
  });

  it('answers unknown workspace fields and bad workspace cursors in the bare shape', async () => {
    // Act
    const workspaces = `/v2/orgs/${sim.orgId}/workspaces`;
    const responses = [
      await call('POST', workspaces, { sort: [{ field: 'colour' }] }),
      await call('POST', workspaces, { query: { field: { name: 'colour', values: ['red'] } } }),
      await call('POST', workspaces, { cursor: 'garbage' }),
    ];

    // Assess
    const unknownField = { id: '<id>', status: '400', code: 'ADMIN-400-4', title: 'Invalid resource',
      detail: 'Unknown workspace field "colour"; use one of id, attributes.name, attributes.type, attributes.typeKey, attributes.hostUrl, attributes.status.' };
    expect(responses).toEqual([
      [400, unknownField],
      [400, unknownField],
      [400, { id: '<id>', status: '400', code: 'ADMIN-400-1', title: 'Invalid page cursor', detail: 'The cursor is invalid or has expired. Send the search again without a cursor.' }],
    ]);
  });
});
