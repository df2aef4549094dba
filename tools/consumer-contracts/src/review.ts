// What the spec review says about the registered consumers: which pacts the changed spec breaks
// (and where), and which of the rules' breaking changes touch no registered consumer. The pact is
// the stronger fact: a broken pact fails the review even where the rules call the change safe.
import type { RegisteredPact } from './registry.js';
import { type ConsumerCheck, checkPactsAgainstSpec } from './spec-check.js';

/** The part of a spec-diff finding this needs: where it is, in the report's words. */
export interface RuleFinding {
  readonly where: string;
}

export interface ConsumerReview<F extends RuleFinding> {
  readonly checks: readonly ConsumerCheck[];
  /** Some registered pact is broken: the review fails. */
  readonly broken: boolean;
  /** The rules' breaking findings on no operation a broken pact calls: "affects no registered consumer". */
  readonly unaffected: readonly F[];
}

/** The changed spec (`after`, bundled) against every pact; `breaking` are the rules' breaking findings. */
export async function reviewConsumers<F extends RuleFinding>(after: object, pacts: readonly RegisteredPact[], breaking: readonly F[]): Promise<ConsumerReview<F>> {
  const checks = await checkPactsAgainstSpec(after, pacts);
  // A finding's `where` starts with the operation in a code span: "`GET /path`, response 200 ...".
  const brokenOperationSpans = checks.flatMap((check) => check.problems.flatMap(({ operation }) => (operation === undefined ? [] : [`\`${operation}\``])));
  const unaffected = breaking.filter((finding) => !brokenOperationSpans.some((span) => finding.where.includes(span)));
  return { checks, broken: checks.some((check) => check.problems.length > 0), unaffected };
}
