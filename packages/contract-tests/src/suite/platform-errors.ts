// The platform's answer to an error code, from the spec's facts: a test names the code it expects
// (that is its point); the HTTP status that goes with the code is the spec's, not typed again.
import { type PlatformErrorCode, platformErrors } from '@iodm-northbound/spec/facts';

/** The status and code a client error carries for one of the platform's documented codes. */
export function platformError(code: PlatformErrorCode): { status: number; errorCode: PlatformErrorCode } {
  return { status: platformErrors[code].status, errorCode: code };
}

/** The status and body a raw answer carries for one of the platform's documented codes. */
export function platformAnswer(code: PlatformErrorCode): { status: number; body: { error_code: PlatformErrorCode } } {
  return { status: platformErrors[code].status, body: { error_code: code } };
}
