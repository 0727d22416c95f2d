/**
 * The error types this runtime answers with, and the namespace AWS puts before each in `__type`
 * (the SDK keeps only what follows `#`, so `instanceof ExecutionDoesNotExist` works unchanged).
 */
const NAMESPACES = {
  ExecutionAlreadyExists: 'com.amazonaws.swf.service.v2.model',
  ExecutionDoesNotExist: 'com.amazonaws.swf.service.v2.model',
  StateMachineDoesNotExist: 'com.amazonaws.swf.service.v2.model',
  InvalidArn: 'com.amazonaws.swf.service.v2.model',
  InvalidName: 'com.amazonaws.swf.service.v2.model',
  InvalidExecutionInput: 'com.amazonaws.swf.service.v2.model',
  InvalidToken: 'com.amazonaws.swf.service.v2.model',
  ValidationException: 'com.amazon.coral.validate',
  SerializationException: 'com.amazon.coral.service',
  UnknownOperationException: 'com.amazon.coral.service',
  AccessDeniedException: 'com.amazon.coral.service',
  InvalidSignatureException: 'com.amazon.coral.service',
  RequestEntityTooLargeException: 'com.amazon.coral.service',
  UnsupportedMediaType: 'com.amazon.coral.service',
  InternalFailure: 'com.amazon.coral.service',
  ServiceUnavailable: 'com.amazon.coral.service',
} as const;

export type SfnErrorType = keyof typeof NAMESPACES;

/** Statuses other than AWS's 400 for client errors. */
const STATUS: ReadonlyMap<SfnErrorType, number> = new Map<SfnErrorType, number>([
  ['AccessDeniedException', 403],
  ['RequestEntityTooLargeException', 413],
  ['UnsupportedMediaType', 415],
  ['InternalFailure', 500],
  ['ServiceUnavailable', 503],
]);

/** An error answered as AWS JSON 1.0: `{"__type": "<namespace>#<type>", "message": "..."}` with its HTTP status. */
export class SfnError extends Error {
  readonly status: number;

  constructor(readonly type: SfnErrorType, message: string) {
    super(message);
    this.name = type;
    this.status = STATUS.get(type) ?? 400;
  }

  get body(): { __type: string; message: string } {
    return { __type: `${NAMESPACES[this.type]}#${this.type}`, message: this.message };
  }
}

/** AWS's wording for a violated member constraint, e.g. maxResults above 1000. */
export function validationError(member: string, value: unknown, constraint: string): SfnError {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return new SfnError('ValidationException', `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}
