// The one reading of a request's query: the declared parameters, by their exact names, typed as
// the spec declares them. Prism validates only what this produces and the mock serves from the
// same values, so what was validated is what is served (Prism's own coercion would read
// `0x10`, `1e1` or an empty value differently from any later parse).
import { fromText } from '@iodm-northbound/spec/constraints';
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
    } else {
      const value = type === 'integer' ? integerFromText(given) : given;
      if (value === undefined) {
        problems.push(`the query parameter ${name} must be a plain decimal integer, got "${given}"`);
      } else {
        values[name] = value;
        canonical[name] = given;
      }
    }
  }
  return { values, canonical, problems };
}

/**
 * An integer as the spec package reads query and argv text for the client, the CLI and the
 * simulation (plain decimal: no sign but '-', no leading zero, no fraction or exponent), or undefined.
 */
function integerFromText(text: string): number | undefined {
  const value = fromText({ type: 'integer' }, text);
  return typeof value === 'number' ? value : undefined;
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
