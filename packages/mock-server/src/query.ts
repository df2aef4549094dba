// The one reading of a request's query: the declared parameters, by their exact names, typed as
// the spec declares them. Prism validates only what this produces and the mock serves from the
// same values, so what was validated is what is served (Prism's own coercion would read
// `0x10`, `1e1` or an empty value differently from any later parse).
import type { HttpOperation } from './spec.js';

type QueryValue = string | number;

export interface DeclaredQuery {
  /** Declared parameters present in the request, typed (integers as numbers). */
  readonly values: Readonly<Record<string, QueryValue>>;
  /** The same parameters as sent, one string each: the only query Prism is given. */
  readonly canonical: Readonly<Record<string, string>>;
  /** Why a parameter could not be read; each one makes the request a 400/120015. */
  readonly problems: readonly string[];
}

// Plain decimal: no sign but '-', no spaces, no 0x/0b/0o, no exponent, no fraction.
const PLAIN_DECIMAL = /^-?[0-9]+$/;

export function readDeclaredQuery(operation: HttpOperation, query: Readonly<Record<string, string | string[]>>): DeclaredQuery {
  const values: Record<string, QueryValue> = {};
  const canonical: Record<string, string> = {};
  const problems: string[] = [];
  for (const parameter of operation.request?.query ?? []) {
    const { name } = parameter;
    if (!Object.hasOwn(query, name)) continue;
    const given = query[name]!;
    const type = (parameter.schema as { type?: unknown } | undefined)?.type;
    if (Array.isArray(given)) {
      problems.push(`the query parameter ${name} is given ${given.length} times; it takes one value`);
    } else if (given === '') {
      // Inferred: the platform documents no empty value for any of its query parameters.
      problems.push(`the query parameter ${name} is empty`);
    } else if (type === 'integer' && !PLAIN_DECIMAL.test(given)) {
      problems.push(`the query parameter ${name} must be a plain decimal integer, got "${given}"`);
    } else {
      values[name] = type === 'integer' ? Number(given) : given;
      canonical[name] = given;
    }
  }
  return { values, canonical, problems };
}

/** An integer parameter's value, or the fallback when it was not sent. */
export function integerParameter(query: DeclaredQuery, name: string, fallback: number): number {
  const value = query.values[name];
  return typeof value === 'number' ? value : fallback;
}

/** A string parameter's value, if sent. */
export function stringParameter(query: DeclaredQuery, name: string): string | undefined {
  const value = query.values[name];
  return typeof value === 'string' ? value : undefined;
}
