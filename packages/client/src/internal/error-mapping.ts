// Turns an HTTP answer that is not a success into the matching error class. Every string that
// reaches an error passes the call's Redactor.
import type { PlatformErrorCode } from '@iodm-northbound/spec/facts';
import type { ErrorResponse } from '@iodm-northbound/types';
import {
  ApplicationFrozenError,
  BadRequestError,
  InvalidTokenError,
  type NorthboundError,
  type NorthboundErrorDetails,
  type NorthboundOperation,
  PackageNotFoundError,
  PageOutOfRangeError,
  RequiredParameterEmptyError,
  ServerError,
  TaskNotFoundError,
  ThrottledError,
  UnexpectedResponseError,
} from '../core/errors.js';
import type { Redactor } from './redact.js';

type ErrorClass = new (message: string, details: NorthboundErrorDetails) => NorthboundError;

// The documented codes (@iodm-northbound/spec/facts), each with its class or undefined where the
// status decides. Matched by code first: the code is the platform's meaning, the status only its
// transport. A code added to the platform facts fails tsc here until it is given its place.
const errorClassOf: Record<PlatformErrorCode, ErrorClass | undefined> = {
  '120015': BadRequestError,
  '123029': PageOutOfRangeError,
  '1010005': InvalidTokenError,
  '1010009': ThrottledError,
  '123009': TaskNotFoundError,
  '123002': PackageNotFoundError,
  '100001': ServerError,
  '100247': ApplicationFrozenError,
  '102202': RequiredParameterEmptyError,
  // A wrong appId or secret: no document says how it is refused, so it has no class of its own.
  '100208': undefined,
};

// A Map: the code is the server's text, and `constructor` or `__proto__` is an unknown code, not a
// member of Object.prototype.
const errorClassByCode: ReadonlyMap<string, ErrorClass> = new Map(
  Object.entries(errorClassOf).filter((entry): entry is [string, ErrorClass] => entry[1] !== undefined),
);

const excerptLength = 200;

export function excerpt(text: string, redactor: Redactor): string {
  const flat = redactor.redact(text).replace(/\s+/g, ' ').trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength)}…` : flat;
}

/** 5xx only: a status past 599 is not HTTP's, so not a server error worth retrying. */
const isServerStatus = (status: number) => status >= 500 && status <= 599;

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
    const known = errorClassByCode.get(platformError.error_code);
    const ErrorKind: ErrorClass =
      known ?? (status === 400 ? BadRequestError : status === 429 ? ThrottledError : isServerStatus(status) ? ServerError : UnexpectedResponseError);
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
  const ErrorKind: ErrorClass = status === 429 ? ThrottledError : isServerStatus(status) ? ServerError : UnexpectedResponseError;
  const shown = bodyExcerpt === '' ? 'an empty body' : `a body that is not the platform's error JSON: ${bodyExcerpt}`;
  return new ErrorKind(`${operation} failed: HTTP ${status} with ${shown}`, { operation, status, bodyExcerpt, retryAfterMs });
}
