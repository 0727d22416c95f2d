import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AtlassianError, ErrorNames, JmlError } from '../../../functions/lib/errors.js';
import { toWorkflowError } from '../../../functions/lib/middleware/error-mapping.js';

const sdkError = (name: string) => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: 400 } });

describe('toWorkflowError', () => {
  it('passes errors that already carry a taxonomy name through unchanged', () => {
    // Prepare
    const atlassian = new AtlassianError(ErrorNames.NotFound, 'gone', { operation: 'v2.getUser', status: 404, code: 'ADMIN-404-8' });
    const jml = new JmlError(ErrorNames.ProtectedAccount, 'protected');

    // Act / Assess
    expect(toWorkflowError(atlassian, 'a')).toBe(atlassian);
    expect(toWorkflowError(jml, 'a')).toBe(jml);
  });

  it.each([
    [sdkError('ResourceNotFoundException'), ErrorNames.Configuration],
    [sdkError('AccessDeniedException'), ErrorNames.Configuration],
    [sdkError('ThrottlingException'), ErrorNames.Transient],
    [sdkError('InternalServiceError'), ErrorNames.Transient],
    [Object.assign(new Error('The operation timed out'), { name: 'TimeoutError' }), ErrorNames.Transient],
    [z.string().safeParse(1).error as Error, ErrorNames.UnexpectedResponse],
  ])('maps %s to %s, keeping the original as cause', (error, name) => {
    // Act
    const mapped = toWorkflowError(error, 'suspendUser');

    // Assess
    expect(mapped.name).toBe(name);
    expect(mapped.cause).toBe(error);
    expect(mapped.message).toMatch(/suspendUser/);
  });

  it('keeps the name of a programming error so a bug is not disguised as a directory answer', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(toWorkflowError(bug, 'addToGroup')).toBe(bug);
  });

  it('wraps a thrown non-error value', () => {
    expect(toWorkflowError('boom', 'addToGroup')).toMatchObject({ name: ErrorNames.UnexpectedResponse, message: expect.stringMatching(/boom/) });
  });
});
