import type { MiddlewareObj } from '@middy/core';
import { AtlassianError, ErrorNames, JmlError, type ErrorName } from '../errors.js';
import { redactText } from '../redaction.js';
import { rootLogger } from '../observability.js';

const KNOWN_NAMES = new Set<string>(Object.values(ErrorNames));

/** AWS SDK v3 service errors carry `$metadata`; these names mean our setup is wrong, not AWS. */
const AWS_CONFIGURATION_ERRORS = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'DecryptionFailure',
  'InvalidParameterException',
  'InvalidRequestException',
  'UnrecognizedClientException',
  'ValidationException',
]);

function isAwsSdkError(error: Error): boolean {
  return typeof (error as { $metadata?: unknown }).$metadata === 'object';
}

/**
 * Gives any error a docs/contracts.md error name the ASL can match, keeping the original as `cause`.
 * Errors that already carry a taxonomy name pass through unchanged; unknown programming errors
 * keep their own name (the ASL's `States.ALL` catches them) so a bug is never disguised.
 */
export function toWorkflowError(error: unknown, action: string): Error {
  if (!(error instanceof Error)) {
    return new JmlError(ErrorNames.UnexpectedResponse, `Action '${action}' failed with a non-error value: ${redactText(String(error))}.`);
  }
  if (error instanceof JmlError || KNOWN_NAMES.has(error.name)) return error;
  if (error.name === 'ZodError') {
    return new JmlError(
      ErrorNames.UnexpectedResponse,
      `Action '${action}' got data of an unexpected shape: ${redactText(error.message)}. The Atlassian API may have changed; report this with the execution name.`,
      { cause: error },
    );
  }
  if (error.name === 'TimeoutError' || error.name === 'AbortError') {
    return new JmlError(ErrorNames.Transient, `Action '${action}' timed out (${error.name}). It is safe to retry.`, { cause: error });
  }
  if (isAwsSdkError(error)) return awsErrorToWorkflowError(error, action);
  return error;
}

function awsErrorToWorkflowError(error: Error, action: string): JmlError {
  const name: ErrorName = AWS_CONFIGURATION_ERRORS.has(error.name) ? ErrorNames.Configuration : ErrorNames.Transient;
  const advice =
    name === ErrorNames.Configuration
      ? 'Check that ATLASSIAN_API_KEY_SECRET_ID names an existing secret in this account and region, and that the function role may read (and decrypt) it.'
      : 'AWS had a temporary problem; it is safe to retry.';
  return new JmlError(name, `Action '${action}' could not read its AWS resources (${error.name}: ${redactText(error.message)}). ${advice}`, {
    cause: error,
  });
}

/** The log fields of a failure: name, message and, for Atlassian errors, status, code, request id. */
export function describeFailure(error: Error): Record<string, unknown> {
  const base = { errorName: error.name, errorMessage: error.message };
  if (error instanceof AtlassianError) {
    return { ...base, operation: error.operation, status: error.status, code: error.code, requestId: error.requestId };
  }
  return base;
}

/**
 * Maps `request.error` to a workflow error name and logs the failure once (warn for expected
 * directory answers, error for everything else). Messages are scrubbed of registered secrets,
 * because Step Functions records them in the execution history.
 */
export function errorMapping(action: string): MiddlewareObj {
  return {
    name: 'errorMapping',
    onError: (request) => {
      const mapped = toWorkflowError(request.error, action);
      if (mapped.message !== redactText(mapped.message)) mapped.message = redactText(mapped.message);
      request.error = mapped;
      const logger = (request.context as { jml?: { logger: typeof rootLogger } }).jml?.logger ?? rootLogger;
      const expected = KNOWN_NAMES.has(mapped.name) && mapped.name !== ErrorNames.UnexpectedResponse;
      if (expected) logger.warn('Action failed', describeFailure(mapped));
      else logger.error('Action failed unexpectedly', { ...describeFailure(mapped), error: mapped });
    },
  };
}
