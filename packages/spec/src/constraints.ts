// `@iodm-northbound/spec/constraints`: the spec's per-operation constraints (generated) and the
// one checker the client, the CLI and the mock use on them. Reads no file when imported.
import type { ParameterConstraint, ValueConstraint } from './constraint-types.js';
import { operationConstraints, type ConstrainedOperation } from './generated/constraints.js';

export type { OperationConstraints, ParameterConstraint, ValueConstraint } from './constraint-types.js';
export { operationConstraints, type ConstrainedOperation } from './generated/constraints.js';

/** One value that does not meet its constraint: where (`pageSize`, `targets.deviceGroups[3]`) and why, in words. */
export interface ConstraintViolation {
  readonly path: string;
  readonly message: string;
}

/** Options of `checkValue`. */
export interface CheckOptions {
  /**
   * Refuse object fields the schema does not name even where it leaves them open: a misspelt field
   * of a request body would otherwise be dropped by the platform without a word.
   */
  readonly closedObjects?: boolean;
}

const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}n` : String(value));

function range(low: number | undefined, high: number | undefined): string {
  if (low !== undefined && high !== undefined) return `from ${low} to ${high}`;
  if (low !== undefined) return `of at least ${low}`;
  if (high !== undefined) return `of at most ${high}`;
  return '';
}

/** "a non-empty string of at most 256 characters", "an integer from 1 to 100", "one of a, b": the constraint in words. */
export function describeConstraint(schema: ValueConstraint): string {
  if (schema.enum !== undefined) return `one of ${schema.enum.join(', ')}`;
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const low = schema.minimum === undefined ? undefined : schema.exclusiveMinimum ? `more than ${schema.minimum}` : undefined;
      const high = schema.maximum === undefined ? undefined : schema.exclusiveMaximum ? `less than ${schema.maximum}` : undefined;
      const noun = schema.type === 'integer' ? 'an integer' : 'a number';
      if (low !== undefined || high !== undefined) return [noun, low, high].filter(Boolean).join(' ');
      return `${noun} ${range(schema.minimum, schema.maximum)}`.trim();
    }
    case 'string': {
      const { minLength: min = 0, maxLength: max } = schema;
      const kind = min === 1 ? 'a non-empty string' : 'a string';
      const length = min === max ? ` of exactly ${max} characters` : max !== undefined ? ` of at most ${max} characters` : min > 1 ? ` of at least ${min} characters` : '';
      return `${kind}${length}${schema.pattern === undefined ? '' : ` matching ${schema.pattern}`}`;
    }
    case 'boolean':
      return 'a boolean';
    case 'array':
      return `an array${schema.maxItems === undefined ? '' : ` of at most ${schema.maxItems} entries`}`;
    case 'object':
      return 'an object';
    default:
      return 'a value';
  }
}

/** A field's path under `path`; the root may be unnamed (''), so a body's fields read `targets.devices`. */
const fieldPath = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

function violation(path: string, message: string): ConstraintViolation {
  return { path, message: `${path} ${message}` };
}

/** A lone surrogate cannot be sent (encodeURIComponent and UTF-8 both refuse it). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkNumber(schema: ValueConstraint, value: unknown, path: string): ConstraintViolation | undefined {
  const fits =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (schema.type !== 'integer' || Number.isInteger(value)) &&
    (schema.minimum === undefined || (schema.exclusiveMinimum ? value > schema.minimum : value >= schema.minimum)) &&
    (schema.maximum === undefined || (schema.exclusiveMaximum ? value < schema.maximum : value <= schema.maximum));
  return fits ? undefined : violation(path, `must be ${describeConstraint(schema)}, got ${shown(value)}`);
}

function checkString(schema: ValueConstraint, value: unknown, path: string): ConstraintViolation | undefined {
  if (typeof value !== 'string') return violation(path, `must be ${describeConstraint(schema)}, got ${shown(value)}`);
  if (loneSurrogate.test(value)) return violation(path, 'is not well-formed Unicode (it holds a lone surrogate)');
  // Characters as the platform counts them (UTF-16 code units, as Java's String.length does).
  const tooShort = schema.minLength !== undefined && value.length < schema.minLength;
  const tooLong = schema.maxLength !== undefined && value.length > schema.maxLength;
  if (tooShort || tooLong || (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))) {
    return violation(path, `must be ${describeConstraint(schema)}${tooLong ? `, got ${value.length} characters` : ''}`);
  }
  return undefined;
}

function checkArray(schema: ValueConstraint, value: unknown, path: string, options: CheckOptions): ConstraintViolation | undefined {
  if (!Array.isArray(value)) return violation(path, `must be ${describeConstraint(schema)}`);
  if (schema.maxItems !== undefined && value.length > schema.maxItems) return violation(path, `holds ${value.length} entries; at most ${schema.maxItems} are allowed`);
  if (schema.minItems !== undefined && value.length < schema.minItems) return violation(path, `holds ${value.length} entries; at least ${schema.minItems} are needed`);
  if (schema.uniqueItems && new Set(value).size !== value.length) return violation(path, 'holds the same entry twice');
  if (schema.items === undefined) return undefined;
  for (const [index, item] of value.entries()) {
    const found = checkValue(schema.items, item, `${path}[${index}]`, options);
    if (found) return found;
  }
  return undefined;
}

function checkObject(schema: ValueConstraint, value: unknown, path: string, options: CheckOptions): ConstraintViolation | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return violation(path === '' ? 'the body' : path, 'must be an object');
  const record = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  if (schema.additionalProperties === false || options.closedObjects) {
    const unknown = Object.keys(record).find((name) => !Object.hasOwn(properties, name));
    if (unknown !== undefined) return violation(fieldPath(path, unknown), `is not a field of ${path === '' ? 'the body' : path}; known: ${Object.keys(properties).join(', ')}`);
  }
  for (const name of schema.required ?? []) {
    if (record[name] === undefined) return violation(fieldPath(path, name), 'is required');
  }
  for (const [name, property] of Object.entries(properties)) {
    if (record[name] === undefined) continue;
    const found = checkValue(property, record[name], fieldPath(path, name), options);
    if (found) return found;
  }
  return undefined;
}

/**
 * The first way `value` fails `schema`, or undefined when it meets it. `path` names the value in
 * the message (`pageSize must be an integer from 1 to 100, got 101`).
 */
export function checkValue(schema: ValueConstraint, value: unknown, path: string, options: CheckOptions = {}): ConstraintViolation | undefined {
  if (value === null) return schema.nullable ? undefined : violation(path, `must be ${describeConstraint(schema)}, got null`);
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) {
    return violation(path, `must be ${describeConstraint(schema)}, got ${shown(value)}`);
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return checkNumber(schema, value, path);
    case 'string':
      return checkString(schema, value, path);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : violation(path, `must be a boolean, got ${shown(value)}`);
    case 'array':
      return checkArray(schema, value, path, options);
    case 'object':
      return checkObject(schema, value, path, options);
    default:
      return undefined;
  }
}

/**
 * A query-string or command-line text as the value its schema types: digits become an integer,
 * `true`/`false` a boolean, anything else stays text for `checkValue` to judge.
 */
export function fromText(schema: ValueConstraint, text: string): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d{1,16}(\.\d+)?$/.test(text)) return Number(text);
  if (schema.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The parameters of `operation` that travel in `place` (query, path, header), by name. */
export function parametersIn(operation: ConstrainedOperation, place: ParameterConstraint['in']): Readonly<Record<string, ParameterConstraint>> {
  const parameters: Readonly<Record<string, ParameterConstraint>> = operationConstraints[operation].parameters;
  return Object.fromEntries(Object.entries(parameters).filter(([, parameter]) => parameter.in === place));
}

/** The paging bounds of a paged operation: pageNo and pageSize with their minimum, maximum and default. */
export function pagingOf(operation: ConstrainedOperation): { readonly pageNo: Required<Pick<ValueConstraint, 'minimum' | 'maximum'>> & { default: number }; readonly pageSize: Required<Pick<ValueConstraint, 'minimum' | 'maximum'>> & { default: number } } {
  const query = parametersIn(operation, 'query');
  const bounds = (name: string) => {
    const schema = query[name]?.schema;
    if (schema?.minimum === undefined || schema.maximum === undefined || typeof schema.default !== 'number') {
      throw new Error(`${operation} has no bounded ${name} with a default in the spec`);
    }
    return { minimum: schema.minimum, maximum: schema.maximum, default: schema.default };
  };
  return { pageNo: bounds('pageNo'), pageSize: bounds('pageSize') };
}
