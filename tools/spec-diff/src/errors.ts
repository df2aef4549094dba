// Typed errors: a SpecDiffInputError means the gate could not run (bad arguments, unknown git ref,
// unreadable or invalid spec) and maps to its own exit code, distinct from a failed verdict.

export type InputErrorCode =
  | 'USAGE'
  | 'NOT_A_GIT_REPOSITORY'
  | 'UNKNOWN_REF'
  | 'SPEC_NOT_FOUND'
  | 'SPEC_INVALID'
  /** A `$ref` leaves the spec's folder (another file, an absolute path, a URL), or the spec is over its size limits. */
  | 'SPEC_REF_REFUSED';

export class SpecDiffInputError extends Error {
  override readonly name = 'SpecDiffInputError';
  constructor(readonly code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
