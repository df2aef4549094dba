// One class per failure kind, all extending NorthboundError, so callers can `catch` by kind
// with `instanceof`. Every message and excerpt goes through a Redactor first (see
// internal/error-mapping.ts): tokens and the secret never reach an error.
import type { operations } from '@iodm-northbound/types';

/** The OpenAPI operationId of the call that failed (`null` for client configuration errors). */
export type NorthboundOperation = keyof operations;

export interface NorthboundErrorDetails {
  operation: NorthboundOperation | null;
  status?: number | undefined;
  errorCode?: string | undefined;
  errorDesc?: string | undefined;
  /** A short, redacted excerpt of a response body that was not the platform's error JSON. */
  bodyExcerpt?: string | undefined;
  /** From a `Retry-After` header, when the platform sent one. */
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

export class NorthboundError extends Error {
  override name = 'NorthboundError';
  readonly operation: NorthboundOperation | null;
  /** HTTP status, when the platform answered. */
  readonly status: number | undefined;
  /** The platform's `error_code` (digits as a string), when it sent one. */
  readonly errorCode: string | undefined;
  /** The platform's `error_desc`, when it sent one. */
  readonly errorDesc: string | undefined;
  readonly bodyExcerpt: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: NorthboundErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.operation = details.operation;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorDesc = details.errorDesc;
    this.bodyExcerpt = details.bodyExcerpt;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 400 / 120015, and any other 400 carrying the platform's error body. */
export class BadRequestError extends NorthboundError {
  override name = 'BadRequestError';
}
/** 400 / 123029: `pageNo` or `pageSize` beyond the limit. */
export class PageOutOfRangeError extends NorthboundError {
  override name = 'PageOutOfRangeError';
}
/** 403 / 1010005: the app_key or access token is invalid or expired. */
export class InvalidTokenError extends NorthboundError {
  override name = 'InvalidTokenError';
}
/** 403 / 1010009: the application exceeded its flow-control limit (also any HTTP 429). */
export class ThrottledError extends NorthboundError {
  override name = 'ThrottledError';
}
/** 404 / 123009: no upgrade task has this operationId. */
export class TaskNotFoundError extends NorthboundError {
  override name = 'TaskNotFoundError';
}
/** 404 / 123002: the version package (or, for a create call, a target device) does not exist. */
export class PackageNotFoundError extends NorthboundError {
  override name = 'PackageNotFoundError';
}
/** Any 5xx (the platform documents 500 / 100001). */
export class ServerError extends NorthboundError {
  override name = 'ServerError';
}
/** Login or refresh: 400 / 100247, the application is frozen. */
export class ApplicationFrozenError extends NorthboundError {
  override name = 'ApplicationFrozenError';
}
/** Login or refresh: 400 / 102202, a required parameter is empty. */
export class RequiredParameterEmptyError extends NorthboundError {
  override name = 'RequiredParameterEmptyError';
}
/** An unknown error code, an unexpected status, or a body that is not the documented JSON. */
export class UnexpectedResponseError extends NorthboundError {
  override name = 'UnexpectedResponseError';
}
/** The decoded response body (error bodies too) exceeded `maxResponseBytes`; never retried. */
export class ResponseTooLargeError extends UnexpectedResponseError {
  override name = 'ResponseTooLargeError';
  /** The limit that was exceeded, in bytes of decoded body. */
  readonly limitBytes: number;
  constructor(message: string, details: NorthboundErrorDetails & { limitBytes: number }) {
    super(message, details);
    this.limitBytes = details.limitBytes;
  }
}
/** The client was closed with `close()`; nothing is sent and nothing retried. */
export class ClientClosedError extends NorthboundError {
  override name = 'ClientClosedError';
}
/** The request never got an answer: DNS, refused connection, reset, TLS failure. */
export class ConnectionError extends NorthboundError {
  override name = 'ConnectionError';
  /** The system or TLS error code underneath, e.g. `ECONNREFUSED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`. */
  readonly code: string | undefined;
  constructor(message: string, details: NorthboundErrorDetails & { code?: string | undefined }) {
    super(message, details);
    this.code = details.code;
  }
}
/** One attempt ran longer than `timeoutMs`. */
export class TimeoutError extends NorthboundError {
  override name = 'TimeoutError';
}
/** The caller's AbortSignal fired. */
export class AbortError extends NorthboundError {
  override name = 'AbortError';
}
/** Bad input or configuration, caught before any request was sent. */
export class ValidationError extends NorthboundError {
  override name = 'ValidationError';
  /** The argument or option that was rejected. */
  readonly parameter: string;
  constructor(parameter: string, message: string, operation: NorthboundOperation | null) {
    super(message, { operation });
    this.parameter = parameter;
  }
}

