import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../../../functions/lib/atlassian/http/error-body.js';

describe('parseErrorBody', () => {
  it('reads the gateway shape { code, message } without mistaking the numeric code for an ADMIN code', () => {
    // Prepare
    const body = { code: 429, message: 'Too many requests' };
    // Act
    const parsed = parseErrorBody(body);
    // Assess
    expect(parsed).toEqual({ code: undefined, summary: 'Too many requests' });
  });

  it('reads the application shape { errors: [{ id, status, code, title, detail }] }', () => {
    const body = { errors: [{ id: 'err-1', status: '404', code: 'ADMIN-404-8', title: 'User not found', detail: 'No user 123 in org' }] };
    const parsed = parseErrorBody(body);
    expect(parsed).toEqual({ code: 'ADMIN-404-8', summary: 'User not found: No user 123 in org', requestId: 'err-1' });
  });

  it('reads a bare ApplicationError (workspaces endpoint)', () => {
    const body = { code: 'ADMIN-400-4', title: 'Invalid request', detail: 'Fix the body' };
    expect(parseErrorBody(body)).toEqual({ code: 'ADMIN-400-4', summary: 'Invalid request: Fix the body', requestId: undefined });
  });

  it('reads the UAM shape (no id) used by invite and role endpoints', () => {
    const body = { errors: [{ status: '403', code: 'ADMIN-UAM-403-1', title: 'Forbidden' }] };
    expect(parseErrorBody(body)).toEqual({ code: 'ADMIN-UAM-403-1', summary: 'Forbidden', requestId: undefined });
  });

  it('reads the Spring-style 403 of the domains endpoints', () => {
    const body = { timestamp: '2026-01-01T00:00:00Z', status: 403, error: 'Forbidden', message: 'Access is denied', path: '/x', requestId: 'r-9' };
    expect(parseErrorBody(body)).toEqual({ summary: 'Access is denied', requestId: 'r-9' });
  });

  it('reads the gateway { key } variant of 401', () => {
    expect(parseErrorBody({ key: 'unauthorized' }).summary).toContain('unauthorized');
  });

  it.each([undefined, null, 'plain text', 42, [], { unrelated: true }, { errors: [] }, { errors: ['x'] }])(
    'returns an empty result for an unknown body %j instead of throwing',
    (body) => {
      expect(parseErrorBody(body)).toEqual({});
    },
  );
});
