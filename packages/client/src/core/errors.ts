// One class per failure kind, all extending NorthboundError, so callers can `catch` by kind
// with `instanceof`. Every message and excerpt goes through a Redactor first: tokens and the
// secret never reach an error.
import type { ErrorResponse, operations } from '@iodm-northbound/types';
import type { Redactor } from './redact.js';

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

type ErrorClass = new (message: string, details: NorthboundErrorDetails) => NorthboundError;

// The documented codes. Matched by code first: the code is the platform's meaning, the status
// only its transport.
const errorClassByCode: Readonly<Record<string, ErrorClass>> = {
  '120015': BadRequestError,
  '123029': PageOutOfRangeError,
  '1010005': InvalidTokenError,
  '1010009': ThrottledError,
  '123009': TaskNotFoundError,
  '100001': ServerError,
  '100247': ApplicationFrozenError,
  '102202': RequiredParameterEmptyError,
};

const excerptLength = 200;

export function excerpt(text: string, redactor: Redactor): string {
  const flat = redactor.redact(text).replace(/\s+/g, ' ').trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength)}…` : flat;
}

function asPlatformError(body: unknown): ErrorResponse | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { error_code: code, error_desc: desc } = body as Record<string, unknown>;
  // Some gateways send the code as a JSON number; the platform sends digits as a string.
  if (typeof code !== 'string' && typeof code !== 'number') return undefined;
  return { error_code: String(code), error_desc: typeof desc === 'string' ? desc : '' };
}

/** Turns a non-2xx answer into the matching error class. `body` is parsed JSON or raw text. */
export function errorFromResponse(
  operation: NorthboundOperation,
  status: number,
  body: unknown,
  retryAfterMs: number | undefined,
  redactor: Redactor,
): NorthboundError {
  const platformError = asPlatformError(body);
  if (platformError) {
    const errorCode = redactor.redact(platformError.error_code);
    const errorDesc = redactor.redact(platformError.error_desc);
    const known = errorClassByCode[platformError.error_code];
    const ErrorKind: ErrorClass =
      known ?? (status === 400 ? BadRequestError : status === 429 ? ThrottledError : status >= 500 ? ServerError : UnexpectedResponseError);
    const label = known ? '' : ' (unknown error code)';
    return new ErrorKind(`${operation} failed: HTTP ${status}, error ${errorCode}${label}: ${errorDesc}`, {
      operation,
      status,
      errorCode,
      errorDesc,
      retryAfterMs,
    });
  }
  const raw = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const bodyExcerpt = excerpt(raw, redactor);
  const ErrorKind: ErrorClass = status === 429 ? ThrottledError : status >= 500 ? ServerError : UnexpectedResponseError;
  const shown = bodyExcerpt === '' ? 'an empty body' : `a body that is not the platform's error JSON: ${bodyExcerpt}`;
  return new ErrorKind(`${operation} failed: HTTP ${status} with ${shown}`, { operation, status, bodyExcerpt, retryAfterMs });
}
