// A login or refresh that a call waited for failed: the caller sees the failure against the call
// they made, of the same kind (so retries and `catch` by class behave alike), with the token
// request's own error, operation 'getAuthToken' or 'refreshAuthToken', as its `cause`.
import { ConnectionError, NorthboundError, ResponseTooLargeError, ValidationError, type NorthboundErrorDetails, type NorthboundOperation } from '../core/errors.js';

const tokenOperations: ReadonlySet<NorthboundOperation | null> = new Set<NorthboundOperation | null>(['getAuthToken', 'refreshAuthToken']);

type ErrorKind = new (message: string, details: NorthboundErrorDetails & { limitBytes: number; code: string | undefined }) => NorthboundError;

export function reportAgainstCall(error: unknown, operation: NorthboundOperation): unknown {
  if (!(error instanceof NorthboundError) || error instanceof ValidationError || !tokenOperations.has(error.operation) || error.operation === operation) {
    return error;
  }
  const Kind = error.constructor as ErrorKind;
  return new Kind(`${operation} failed: ${error.message}`, {
    operation,
    status: error.status,
    errorCode: error.errorCode,
    errorDesc: error.errorDesc,
    bodyExcerpt: error.bodyExcerpt,
    retryAfterMs: error.retryAfterMs,
    limitBytes: error instanceof ResponseTooLargeError ? error.limitBytes : 0,
    code: error instanceof ConnectionError ? error.code : undefined,
    cause: error,
  });
}
