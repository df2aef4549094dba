// A value for every query parameter of an operation, read from the spec's constraints, so that the
// suite sends each parameter the contract names: one the spec adds is sent with no edit here.
import { checkValue, type ConstrainedOperation, parametersIn, type ValueConstraint } from '@iodm-northbound/spec/constraints';

type QueryValue = string | number | boolean;

/** A value `schema` accepts: its first enum value, its default (else minimum) or a short text. */
function sampleValue(schema: ValueConstraint, name: string): QueryValue {
  const numeric = schema.type === 'integer' || schema.type === 'number';
  const candidate: unknown =
    schema.enum?.[0] ?? (numeric ? (schema.default ?? schema.minimum ?? 0) : schema.type === 'boolean' ? true : 'contract-suite'.slice(0, schema.maxLength));
  // A constraint the rules above do not meet (a pattern, a long minLength) is said, not sent wrong.
  const violation = checkValue(schema, candidate, name);
  if (violation !== undefined) throw new Error(`The contract suite has no value for ${name}: ${violation.message}; teach sample-query.ts this constraint`);
  return candidate as QueryValue;
}

/** Every query parameter of `operation` with a value its schema accepts, by its wire name. */
export function sampleQuery(operation: ConstrainedOperation): Record<string, QueryValue> {
  return Object.fromEntries(Object.entries(parametersIn(operation, 'query')).map(([name, parameter]) => [name, sampleValue(parameter.schema, name)]));
}
