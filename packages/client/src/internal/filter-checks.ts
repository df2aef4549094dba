// Checks of the list filters shared by the list queries: enum values, the platform's String(256)
// text filters, the Python SDK's habit of passing numbers as strings, and the pass-through of the
// query parameters the client does not check by name.
import { callOptionNames } from '../core/call-options.js';
import { ValidationError, type NorthboundOperation } from '../core/errors.js';
import { checkWellFormed } from './validation.js';

/** The platform's `String(256)` limit on filters and task fields. */
const maxTextLength = 256;

/** One of `values`, or undefined when unset (`undefined` or `null`). `hints` name near misses. */
export function checkEnum<Value extends string>(
  value: unknown,
  values: readonly Value[],
  parameter: string,
  operation: NorthboundOperation,
  hints: Readonly<Record<string, string>> = {},
): Value | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    const hint = typeof value === 'string' && hints[value] !== undefined ? ` (${hints[value]})` : '';
    throw new ValidationError(parameter, `unknown ${parameter} ${JSON.stringify(value)}${hint}; expected one of ${values.join(', ')}`, operation);
  }
  return value as Value;
}

/** A non-empty string of at most 256 characters, or undefined when unset. */
export function checkText(value: unknown, parameter: string, operation: NorthboundOperation): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > maxTextLength) {
    throw new ValidationError(parameter, `${parameter} must be a non-empty string of at most ${maxTextLength} characters`, operation);
  }
  checkWellFormed(value, parameter, operation);
  return value;
}

/**
 * The Python SDK builds its query by string concatenation, so migrating callers pass `pageNo` and
 * `pageSize` as strings ("0"). Decimal digits become the number; anything else is left for the
 * range checks to refuse.
 */
export function fromSdkNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
}

/** Leaves out the unset entries, so that the platform applies its defaults. */
export function definedEntries<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

type QueryValue = string | number | boolean;

/**
 * The entries of `input` the client neither checks by name (`handled`) nor reads as per-call
 * settings, sent as given: a query parameter the spec adds is typed by the generated query type and
 * reaches the platform with no edit to the client. Unset entries are left out; a value that is not
 * a string, a finite number or a boolean is refused, as it has no query-string form.
 */
export function passedThrough(input: Readonly<Record<string, unknown>>, handled: readonly string[], operation: NorthboundOperation): Record<string, QueryValue> {
  const passed: Record<string, QueryValue> = {};
  for (const [parameter, value] of Object.entries(input)) {
    if (value === undefined || value === null || handled.includes(parameter) || (callOptionNames as readonly string[]).includes(parameter)) continue;
    if (typeof value === 'string') checkWellFormed(value, parameter, operation);
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      // sent as is
    } else throw new ValidationError(parameter, `${parameter} must be a string, a finite number or a boolean`, operation);
    passed[parameter] = value;
  }
  return passed;
}
