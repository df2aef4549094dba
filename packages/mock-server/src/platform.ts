// How the platform answers requests it rejects, mapped from what Prism's validators report.
// Stock Prism answers a missing token with a generic 401 and any invalid input with 422/400 and
// its first example; the platform answers 403/1010005, 400/123029 or 400/120015.
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { HeaderMap } from './http.js';
import { PLATFORM_ERROR_CODES, platformAnswer } from './platform-codes.js';
import type { HttpOperation, LoadedOperation, ResponseExample } from './spec.js';
import { THROTTLED_ANSWER } from './traffic/throttle.js';

export type RejectionReason = 'security' | 'throttled' | 'page-range' | 'invalid';

export interface Rejection {
  readonly reason: RejectionReason;
  /** Human-readable causes, logged and sent back in the `x-mock-reason` header. */
  readonly details: readonly string[];
}

interface RejectionAnswer {
  /** The spec example to serve is the first whose `error_code` is in this list. */
  readonly exampleErrorCodes: readonly string[];
  /** Failing those, any 400 example with an `error_code`. */
  readonly anyBadRequestExample: boolean;
  /** What the mock answers when the spec has no such example: the platform's own body. */
  readonly fallback: { readonly statusCode: number; readonly body: { readonly error_code: string; readonly error_desc: string } };
}

/** One row per rejection reason: which documented answer it gets. */
const REJECTION_ANSWERS: Record<RejectionReason, RejectionAnswer> = {
  security: {
    exampleErrorCodes: [PLATFORM_ERROR_CODES.invalidAccessToken],
    anyBadRequestExample: false,
    fallback: platformAnswer(PLATFORM_ERROR_CODES.invalidAccessToken),
  },
  throttled: {
    exampleErrorCodes: [PLATFORM_ERROR_CODES.appThrottleExceeded],
    anyBadRequestExample: false,
    fallback: THROTTLED_ANSWER,
  },
  'page-range': {
    // An operation without a paging error answers as for any bad request.
    exampleErrorCodes: [PLATFORM_ERROR_CODES.pageOutOfRange, PLATFORM_ERROR_CODES.badRequest, PLATFORM_ERROR_CODES.requiredParameterEmpty],
    anyBadRequestExample: true,
    fallback: platformAnswer(PLATFORM_ERROR_CODES.pageOutOfRange),
  },
  invalid: {
    // Login and refresh document only 102202 as their input error.
    exampleErrorCodes: [PLATFORM_ERROR_CODES.badRequest, PLATFORM_ERROR_CODES.requiredParameterEmpty],
    anyBadRequestExample: true,
    fallback: platformAnswer(PLATFORM_ERROR_CODES.badRequest),
  },
};

// Prism's security diagnostics carry the HTTP status it would have answered.
const SECURITY_DIAGNOSTIC_CODE = 401;
// Prism lower-cases query parameter names in diagnostic paths.
const PAGING_PARAMETERS = new Set(['pageno', 'pagesize']);
// "Beyond the limit": a value of the right type outside its range (int32 overflow included).
const RANGE_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'format']);
const DIAGNOSTIC_ERROR = 0;

// Written exactly as the REST reference does ("Bearer {accessToken}", as Prism also checks); the
// token is an RFC 6750 b64token (the platform issues hex strings).
const BEARER_HEADER = /^Bearer +[A-Za-z0-9\-._~+/]+=*$/;

const errorsOf = (diagnostics: readonly IPrismDiagnostic[]) => diagnostics.filter((d) => d.severity === DIAGNOSTIC_ERROR);

/** Whether the platform would refuse the request's credentials (it checks them before the query). */
export function securityRejection(operation: HttpOperation, headers: HeaderMap, diagnostics: readonly IPrismDiagnostic[]): Rejection | undefined {
  const details = [
    ...errorsOf(diagnostics)
      .filter((d) => d.code === SECURITY_DIAGNOSTIC_CODE)
      .map((d) => d.message),
    ...credentialProblems(operation, headers),
  ];
  return details.length > 0 ? { reason: 'security', details } : undefined;
}

/**
 * Whether the platform would refuse the request's input: paging out of range when that is all
 * that is wrong, else a bad request. `extraProblems` are the mock's own findings (see query.ts).
 */
export function inputRejection(diagnostics: readonly IPrismDiagnostic[], extraProblems: readonly string[]): Rejection | undefined {
  const inputErrors = errorsOf(diagnostics).filter((d) => d.code !== SECURITY_DIAGNOSTIC_CODE);
  if (inputErrors.length === 0 && extraProblems.length === 0) return undefined;
  const details = [...inputErrors.map((d) => d.message), ...extraProblems];
  const allAboutPageRange =
    extraProblems.length === 0 &&
    inputErrors.every((d) => d.path?.[0] === 'query' && PAGING_PARAMETERS.has(String(d.path[1]).toLowerCase()) && RANGE_KEYWORDS.has(String(d.code)));
  return { reason: allAboutPageRange ? 'page-range' : 'invalid', details };
}

/**
 * Stricter than Prism, which only checks that the headers are there: an empty `app_key` or an
 * `Authorization` that is not `Bearer <token>` is rejected too, as the platform does.
 */
function credentialProblems(operation: HttpOperation, headers: HeaderMap): string[] {
  const alternatives = operation.security ?? [];
  if (alternatives.length === 0) return [];
  let firstProblems: string[] | undefined;
  for (const requirement of alternatives) {
    const problems: string[] = [];
    for (const scheme of requirement) {
      if (scheme.type === 'apiKey' && scheme.in === 'header') {
        const value = headerValue(headers, scheme.name);
        if (value === undefined || value.trim() === '') problems.push(`the ${scheme.name} header is missing or empty`);
      } else if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'bearer') {
        const value = headerValue(headers, 'authorization');
        if (value === undefined || !BEARER_HEADER.test(value.trim())) {
          problems.push('the Authorization header is not "Bearer <accessToken>"');
        }
      }
    }
    if (problems.length === 0) return [];
    firstProblems ??= problems;
  }
  return firstProblems ?? [];
}

function headerValue(headers: HeaderMap, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The spec example the platform's rejection corresponds to, found by its `error_code`. */
export function exampleForRejection(operation: LoadedOperation, reason: RejectionReason): ResponseExample | undefined {
  const { exampleErrorCodes, anyBadRequestExample } = REJECTION_ANSWERS[reason];
  const examples = [...operation.examples.values()];
  for (const code of exampleErrorCodes) {
    const example = examples.find((e) => e.errorCode === code);
    if (example) return example;
  }
  return anyBadRequestExample ? examples.find((e) => e.statusCode === 400 && e.errorCode !== undefined) : undefined;
}

/** The platform's own answer to a rejection, for an operation whose spec has no example of it. */
export function fallbackForRejection(reason: RejectionReason): RejectionAnswer['fallback'] {
  return REJECTION_ANSWERS[reason].fallback;
}
