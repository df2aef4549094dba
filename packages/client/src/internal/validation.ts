// Input checks that run before any request: bad input never reaches the platform (nor costs a
// call against its flow-control limit). The query and the body are checked against the spec's
// constraints (query-checks.ts, task-body-checks.ts); these are the ids and the client's settings.
import { checkValue, parametersIn } from '@iodm-northbound/spec/constraints';
import { ValidationError, type NorthboundOperation } from '../core/errors.js';
import { minCredentialLength } from './redact.js';

export function checkOperationId(operationId: unknown, operation: NorthboundOperation): string {
  return checkPathId(operationId, 'operationId', operation);
}

/**
 * An id that travels as one percent-encoded path segment (`operationId`, `fileId`): its type and
 * length from the path parameter's constraint in the spec, and the client's own safety rules.
 */
export function checkPathId(value: unknown, parameter: string, operation: NorthboundOperation): string {
  // An all-blank id is no id: it would be sent as `%20%20` and answered as an unknown one.
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(parameter, `${parameter} must be a non-empty string`, operation);
  }
  const schema = parametersIn(operation, 'path')[parameter]?.schema;
  const violation = schema === undefined ? undefined : checkValue(schema, value, parameter);
  if (violation !== undefined) throw new ValidationError(parameter, violation.message, operation);
  // Percent-encoding cannot protect these: `.` and `..` are unreserved, and URL parsers would
  // resolve them as dot segments and move the request to another path.
  if (value === '.' || value === '..') {
    throw new ValidationError(parameter, `${parameter} ${JSON.stringify(value)} is a path dot segment`, operation);
  }
  checkWellFormed(value, parameter, operation);
  return value;
}

/** A lone surrogate cannot be percent-encoded (encodeURIComponent throws "URI malformed"). */
function checkWellFormed(value: string, parameter: string, operation: NorthboundOperation): void {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    throw new ValidationError(parameter, `${parameter} is not well-formed Unicode (it holds a lone surrogate)`, operation);
  }
}

export function checkRetries(maxRetries: unknown, parameter: string, operation: NorthboundOperation | null): number | undefined {
  if (maxRetries === undefined) return undefined;
  if (typeof maxRetries !== 'number' || !Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) {
    throw new ValidationError(parameter, `${parameter} must be an integer from 0 to 10, got ${String(maxRetries)}`, operation);
  }
  return maxRetries;
}

export function checkTimeout(timeoutMs: unknown, parameter: string, operation: NorthboundOperation | null): number | undefined {
  if (timeoutMs === undefined) return undefined;
  // setTimeout fires at once beyond 2^31-1 ms, which would turn a long timeout into none.
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 2_147_483_647) {
    throw new ValidationError(parameter, `${parameter} must be a positive number of milliseconds, got ${String(timeoutMs)}`, operation);
  }
  return timeoutMs;
}

export function checkSignal(signal: unknown, operation: NorthboundOperation): AbortSignal | undefined {
  if (signal === undefined || signal === null) return undefined;
  if (!(signal instanceof AbortSignal)) {
    throw new ValidationError('signal', 'signal must be an AbortSignal', operation);
  }
  return signal;
}

/** A header value the Fetch API accepts and a token can be: printable ASCII, no spaces. */
export function isHeaderSafeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]+$/.test(value);
}

/**
 * A secret or token the client sends: header-safe, and long enough to be redacted from errors and
 * logs without mangling ordinary text.
 */
export function checkCredential(value: unknown, parameter: string, operation: NorthboundOperation | null): string {
  if (!isHeaderSafeToken(value)) {
    throw new ValidationError(parameter, `${parameter} must be a non-empty string of printable ASCII without spaces`, operation);
  }
  if (value.length < minCredentialLength) {
    throw new ValidationError(parameter, `${parameter} is shorter than ${minCredentialLength} characters, too short to redact safely from errors and logs`, operation);
  }
  return value;
}

export function checkByteLimit(limit: unknown, parameter: string): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
    throw new ValidationError(parameter, `${parameter} must be a positive whole number of bytes, got ${String(limit)}`, null);
  }
  return limit;
}
