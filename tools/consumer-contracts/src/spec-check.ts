// Consumer contracts against the spec: every registered pact compared with a bundled OpenAPI
// document by @pactflow/openapi-pact-comparator (the engine of Pactflow's bi-directional
// contract testing). Warnings are left out: a consumer is broken only by the comparator's errors.
import * as comparatorModule from '@pactflow/openapi-pact-comparator';
import type { RegisteredPact } from './registry.js';

export interface ConsumerProblem {
  /** The pact's interaction, by its description. */
  readonly interaction: string;
  /** The comparator's code: `response.body.incompatible`, `request.query.incompatible`, ... */
  readonly code: string;
  /** The field or parameter in the pact: `response.body.data.0.detailInfo`, `request.query.subOperationStatus`. */
  readonly field: string;
  /** The operation as the spec names it, `GET /iodm/.../{operationId}/subOperations`, when the comparator found one. */
  readonly operation: string | undefined;
  readonly message: string;
}

export interface ConsumerCheck {
  readonly consumer: string;
  readonly file: string;
  readonly problems: readonly ConsumerProblem[];
}

/** The part of a comparator result read here (its .d.ts re-exports without extensions, which NodeNext cannot follow). */
interface ComparatorResult {
  code: string;
  message: string;
  type: 'error' | 'warning';
  mockDetails?: { interactionDescription?: string | null; location: string };
  specDetails?: { pathMethod?: string | null; pathName?: string | null };
}
const { Comparator } = comparatorModule as unknown as { Comparator: new (oas: object) => { compare(pact: object): AsyncGenerator<ComparatorResult> } };

/** Each pact compared with `spec` (a bundled OpenAPI document, not modified). */
export async function checkPactsAgainstSpec(spec: object, pacts: readonly RegisteredPact[]): Promise<ConsumerCheck[]> {
  // The comparator may annotate the document it is given: each check gets its own copy.
  const comparator = new Comparator(structuredClone(spec));
  const checks: ConsumerCheck[] = [];
  for (const { consumer, file, pact } of pacts) {
    const problems: ConsumerProblem[] = [];
    for await (const result of comparator.compare(structuredClone(pact))) {
      if (result.type !== 'error') continue;
      const { pathMethod, pathName } = result.specDetails ?? {};
      problems.push({
        interaction: result.mockDetails?.interactionDescription ?? '(the pact as a whole)',
        code: result.code,
        field: pactField(result.mockDetails?.location ?? '', result.message),
        operation: pathMethod && pathName ? `${pathMethod.toUpperCase()} ${pathName}` : undefined,
        message: result.message,
      });
    }
    checks.push({ consumer, file, problems });
  }
  return checks;
}

/**
 * `[root].interactions[0].response.body.data.0` + "must NOT have additional properties - detailInfo"
 * is the field `response.body.data.0.detailInfo`: the comparator names the object, the message the key.
 */
function pactField(location: string, message: string): string {
  const field = location.replace(/^\[root\]\.interactions\[\d+\]\./, '');
  const extra = /additional properties - (\S+)$/.exec(message);
  return extra ? `${field}.${extra[1]}` : field;
}
