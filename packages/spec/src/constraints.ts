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
  /**
   * Refuse the empty string where the schema sets no minLength: our callers leave a value out
   * rather than send it empty (an empty filter or device id names nothing).
   */
  readonly nonEmptyStrings?: boolean;
}

/** A value as an error message shows it: primitives as they are, anything else by its kind (never its contents). */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** "from 1 to 100", "more than 0 and at most 10": one bound's words each, exclusive ones said as such. */
function bounds(schema: ValueConstraint): string {
  const { minimum: low, maximum: high, exclusiveMinimum: lowOpen, exclusiveMaximum: highOpen } = schema;
  if (low !== undefined && high !== undefined && !lowOpen && !highOpen) return ` from ${low} to ${high}`;
  const words = [
    low === undefined ? undefined : lowOpen ? `more than ${low}` : `at least ${low}`,
    high === undefined ? undefined : highOpen ? `less than ${high}` : `at most ${high}`,
  ].filter((word) => word !== undefined);
  return words.length === 0 ? '' : ` of ${words.join(' and ')}`;
}

/** " of 2 to 10 characters", " of exactly 16 characters", "": a string's length in words. */
function lengths({ minLength: min = 0, maxLength: max }: ValueConstraint): string {
  if (max !== undefined && min === max) return ` of exactly ${max} characters`;
  if (max !== undefined && min > 1) return ` of ${min} to ${max} characters`;
  if (max !== undefined) return ` of at most ${max} characters`;
  return min > 1 ? ` of at least ${min} characters` : '';
}

/** "a non-empty string of at most 256 characters", "an integer from 1 to 100", "one of a, b": the constraint in words. */
export function describeConstraint(schema: ValueConstraint): string {
  if (schema.enum !== undefined) return `one of ${schema.enum.join(', ')}`;
  switch (schema.type) {
    case 'integer':
      return `an integer${bounds(schema)}`;
    case 'number':
      return `a number${bounds(schema)}`;
    case 'string': {
      const kind = schema.minLength === 1 ? 'a non-empty string' : 'a string';
      return `${kind}${lengths(schema)}${schema.pattern === undefined ? '' : ` matching ${schema.pattern}`}`;
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

/**
 * ` (did you mean "fail"?)` when a refused text is a listed value give or take a short ending: the
 * task list and the subtask query spell the same state differently (`failed`, `fail`).
 */
function nearMiss(allowed: readonly unknown[], value: unknown): string {
  if (typeof value !== 'string') return '';
  const near = allowed.find((listed): listed is string => {
    if (typeof listed !== 'string' || listed === value) return false;
    const [shorter, longer] = listed.length < value.length ? [listed, value] : [value, listed];
    return shorter.length >= 3 && longer.length - shorter.length <= 2 && longer.startsWith(shorter);
  });
  return near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`;
}

const compiledPatterns = new Map<string, RegExp>();

/** A schema's pattern compiled once. The generator compiles every pattern of the spec, so one that cannot compile fails the build, not a caller. */
function patternOf(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (compiled === undefined) {
    compiled = new RegExp(pattern, 'u');
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
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

function checkString(schema: ValueConstraint, value: unknown, path: string, options: CheckOptions): ConstraintViolation | undefined {
  if (typeof value !== 'string') return violation(path, `must be ${describeConstraint(schema)}, got ${shown(value)}`);
  if (value === '' && options.nonEmptyStrings && schema.minLength === undefined) return violation(path, 'is empty; leave it out instead');
  if (loneSurrogate.test(value)) return violation(path, 'is not well-formed Unicode (it holds a lone surrogate)');
  // Characters as the platform counts them (UTF-16 code units, as Java's String.length does).
  const tooShort = schema.minLength !== undefined && value.length < schema.minLength;
  const tooLong = schema.maxLength !== undefined && value.length > schema.maxLength;
  if (tooShort || tooLong || (schema.pattern !== undefined && !patternOf(schema.pattern).test(value))) {
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
    return violation(path, `must be ${describeConstraint(schema)}, got ${shown(value)}${nearMiss(schema.enum, value)}`);
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return checkNumber(schema, value, path);
    case 'string':
      return checkString(schema, value, path, options);
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
  // Integers as the platform writes them: no fraction, no exponent, no leading zero ("1.0", "0150" stay text and are refused).
  if (schema.type === 'integer' && /^(0|-?[1-9]\d{0,15})$/.test(text)) return Number(text);
  if (schema.type === 'number' && /^-?(0|[1-9]\d{0,15})(\.\d{1,16})?$/.test(text)) return Number(text);
  if (schema.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The parameters of `operation` that travel in `place` (query, path, header), by name. */
export function parametersIn(operation: ConstrainedOperation, place: ParameterConstraint['in']): Readonly<Record<string, ParameterConstraint>> {
  const parameters: Readonly<Record<string, ParameterConstraint>> = operationConstraints[operation].parameters;
  return Object.fromEntries(Object.entries(parameters).filter(([, parameter]) => parameter.in === place));
}

/** One paging parameter's minimum, maximum and default, as the spec gives them. */
type PagingBounds = Required<Pick<ValueConstraint, 'minimum' | 'maximum'>> & { default: number };

/** The paging bounds of a paged operation: pageNo and pageSize with their minimum, maximum and default. */
export function pagingOf(operation: ConstrainedOperation): { readonly pageNo: PagingBounds; readonly pageSize: PagingBounds } {
  const query = parametersIn(operation, 'query');
  const boundsOf = (name: string): PagingBounds => {
    const schema = query[name]?.schema;
    if (schema?.minimum === undefined || schema.maximum === undefined || typeof schema.default !== 'number') {
      throw new Error(`${operation} has no bounded ${name} with a default in the spec`);
    }
    return { minimum: schema.minimum, maximum: schema.maximum, default: schema.default };
  };
  return { pageNo: boundsOf('pageNo'), pageSize: boundsOf('pageSize') };
}
