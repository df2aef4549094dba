// Kept apart from platform.ts (which reads Prism's diagnostics) so that the public .d.ts of
// PLATFORM_ERROR_CODES does not reach Prism's types.
import { type PlatformErrorCode, platformErrors } from '@iodm-northbound/spec/facts';

/** The platform error codes the mock answers rejected requests with. */
export const PLATFORM_ERROR_CODES = {
  invalidAccessToken: '1010005',
  appThrottleExceeded: '1010009',
  pageOutOfRange: '123029',
  badRequest: '120015',
  requiredParameterEmpty: '102202',
} as const satisfies Record<string, PlatformErrorCode>;

type MockErrorCode = (typeof PLATFORM_ERROR_CODES)[keyof typeof PLATFORM_ERROR_CODES];

// The parameter is the mock's own code type: the public .d.ts must compile without the spec package.
/** The platform's own answer with a documented code: its status and error_desc from the platform facts. */
export function platformAnswer(code: MockErrorCode): { readonly statusCode: number; readonly body: { readonly error_code: string; readonly error_desc: string } } {
  const fact: { status: number; desc?: string } = platformErrors[code];
  return { statusCode: fact.status, body: { error_code: code, error_desc: fact.desc ?? '' } };
}
