// Input checks that run before any request: bad input never reaches the platform (nor costs a
// call against its flow-control limit).
import { subOperationStatusValues, type SubOperationStatus } from '@iodm-northbound/types';
import { ValidationError, type NorthboundOperation } from '../core/errors.js';
import { minCredentialLength } from './redact.js';

export const maxPageSize = 100;
/** The spec types pageNo int32, as the SDK reference does. */
export const maxPageNo = 2_147_483_647;

export function checkOperationId(operationId: unknown, operation: NorthboundOperation): string {
  return checkPathId(operationId, 'operationId', operation);
}

/** An id that travels as one percent-encoded path segment (`operationId`, `fileId`). */
export function checkPathId(value: unknown, parameter: string, operation: NorthboundOperation): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(parameter, `${parameter} must be a non-empty string`, operation);
  }
  // Percent-encoding cannot protect these: `.` and `..` are unreserved, and URL parsers would
  // resolve them as dot segments and move the request to another path.
  if (value === '.' || value === '..') {
    throw new ValidationError(parameter, `${parameter} ${JSON.stringify(value)} is a path dot segment`, operation);
  }
  checkWellFormed(value, parameter, operation);
  return value;
}

/** A lone surrogate cannot be percent-encoded (encodeURIComponent throws "URI malformed"). */
export function checkWellFormed(value: string, parameter: string, operation: NorthboundOperation): void {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    throw new ValidationError(parameter, `${parameter} is not well-formed Unicode (it holds a lone surrogate)`, operation);
  }
}

export function checkStatus(status: unknown, operation: NorthboundOperation): SubOperationStatus | undefined {
  if (status === undefined || status === null) return undefined;
  if (typeof status !== 'string' || !(subOperationStatusValues as readonly string[]).includes(status)) {
    const hint = status === 'failed' ? ' (subtasks spell it "fail")' : '';
    throw new ValidationError(
      'status',
      `unknown subtask status ${JSON.stringify(status)}${hint}; expected one of ${subOperationStatusValues.join(', ')}`,
      operation,
    );
  }
  return status as SubOperationStatus;
}

export function checkPageNo(pageNo: unknown, operation: NorthboundOperation): number | undefined {
  if (pageNo === undefined || pageNo === null) return undefined;
  if (typeof pageNo !== 'number' || !Number.isInteger(pageNo) || pageNo < 0 || pageNo > maxPageNo) {
    throw new ValidationError('pageNo', `pageNo must be an integer from 0 to ${maxPageNo}, got ${String(pageNo)}`, operation);
  }
  return pageNo;
}

export function checkPageSize(pageSize: unknown, operation: NorthboundOperation): number | undefined {
  if (pageSize === undefined || pageSize === null) return undefined;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new ValidationError('pageSize', `pageSize must be an integer from 1 to ${maxPageSize}, got ${String(pageSize)}`, operation);
  }
  return pageSize;
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
