// How the platform answers requests it rejects, mapped from what Prism's validators report.
// Stock Prism answers a missing token with a generic 401 and any invalid input with 422/400 and
// its first example; the platform answers 403/1010005, 400/123029 or 400/120015.
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { HttpOperation, LoadedOperation, ResponseExample } from './spec.js';

/** The platform error codes the mock answers rejected requests with. */
export const PLATFORM_ERROR_CODES = {
  invalidAccessToken: '1010005',
  pageOutOfRange: '123029',
  badRequest: '120015',
  requiredParameterEmpty: '102202',
} as const;

export type RejectionReason = 'security' | 'page-range' | 'invalid';

export interface Rejection {
  readonly reason: RejectionReason;
  /** Human-readable causes, logged and sent back in the `x-mock-reason` header. */
  readonly details: readonly string[];
}

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

/**
 * Decides whether the platform would reject the request, and why. Security comes first (the
 * platform checks the token before it reads the query), then paging ranges, then the rest.
 */
export function classifyRequest(
  operation: HttpOperation,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  diagnostics: readonly IPrismDiagnostic[],
): Rejection | undefined {
  const errors = diagnostics.filter((d) => d.severity === DIAGNOSTIC_ERROR);
  const securityDetails = [
    ...errors.filter((d) => d.code === SECURITY_DIAGNOSTIC_CODE).map((d) => d.message),
    ...credentialProblems(operation, headers),
  ];
  if (securityDetails.length > 0) return { reason: 'security', details: securityDetails };

  const inputErrors = errors.filter((d) => d.code !== SECURITY_DIAGNOSTIC_CODE);
  if (inputErrors.length === 0) return undefined;
  const details = inputErrors.map((d) => d.message);
  const allAboutPageRange = inputErrors.every(
    (d) =>
      d.path?.[0] === 'query' &&
      PAGING_PARAMETERS.has(String(d.path[1]).toLowerCase()) &&
      RANGE_KEYWORDS.has(String(d.code)),
  );
  return { reason: allAboutPageRange ? 'page-range' : 'invalid', details };
}

/**
 * Stricter than Prism, which only checks that the headers are there: an empty `app_key` or an
 * `Authorization` that is not `Bearer <token>` is rejected too, as the platform does.
 */
function credentialProblems(
  operation: HttpOperation,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): string[] {
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

function headerValue(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The spec example the platform's rejection corresponds to, found by its `error_code`. */
export function exampleForRejection(operation: LoadedOperation, reason: RejectionReason): ResponseExample | undefined {
  const byErrorCode = (code: string) => [...operation.examples.values()].find((e) => e.errorCode === code);
  const firstBadRequest = () => [...operation.examples.values()].find((e) => e.statusCode === 400 && e.errorCode !== undefined);
  switch (reason) {
    case 'security':
      return byErrorCode(PLATFORM_ERROR_CODES.invalidAccessToken);
    case 'page-range':
      return byErrorCode(PLATFORM_ERROR_CODES.pageOutOfRange) ?? exampleForRejection(operation, 'invalid');
    case 'invalid':
      // Login and refresh document only 102202 as their input error.
      return (
        byErrorCode(PLATFORM_ERROR_CODES.badRequest) ??
        byErrorCode(PLATFORM_ERROR_CODES.requiredParameterEmpty) ??
        firstBadRequest()
      );
  }
}

/** What the mock answers when the spec has no example for a rejection: the platform's own bodies. */
export const FALLBACK_REJECTIONS: Record<RejectionReason, { statusCode: number; body: { error_code: string; error_desc: string } }> = {
  security: { statusCode: 403, body: { error_code: PLATFORM_ERROR_CODES.invalidAccessToken, error_desc: 'App_key or access_token is invalid.' } },
  'page-range': { statusCode: 400, body: { error_code: PLATFORM_ERROR_CODES.pageOutOfRange, error_desc: 'pageNo or pageSize beyond the limit.' } },
  invalid: { statusCode: 400, body: { error_code: PLATFORM_ERROR_CODES.badRequest, error_desc: 'Bad request error.' } },
};
