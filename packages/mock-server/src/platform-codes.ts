// Kept apart from platform.ts (which reads Prism's diagnostics) so that the public .d.ts of
// PLATFORM_ERROR_CODES does not reach Prism's types.

/** The platform error codes the mock answers rejected requests with. */
export const PLATFORM_ERROR_CODES = {
  invalidAccessToken: '1010005',
  appThrottleExceeded: '1010009',
  pageOutOfRange: '123029',
  badRequest: '120015',
  requiredParameterEmpty: '102202',
} as const;
