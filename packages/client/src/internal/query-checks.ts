// The one check of a caller's query: every key against the operation's query parameters in the
// spec's constraints table, so a limit, an enum value or a parameter the spec adds is checked and
// sent after a build, with no edit here. Only the friendly names are the client's own; the words
// of a refusal (a near miss of an enum value, an empty filter) are the checker's.
import { checkValue, fromText, parametersIn, type ConstrainedOperation } from '@iodm-northbound/spec/constraints';
import { callOptionNames } from '../core/call-options.js';
import { ValidationError } from '../core/errors.js';

export interface QueryCheckOptions {
  /** The friendly names a method accepts, to the wire names they are sent as (`status` → `subOperationStatus`). */
  readonly renames?: Readonly<Record<string, string>>;
  /** The Python SDK builds its query by string concatenation: numbers and booleans may come as text ("0"). */
  readonly valuesAsText?: boolean;
}

const isCallOption = (name: string): boolean => (callOptionNames as readonly string[]).includes(name);

/**
 * The query parameters of `operation` in `input`, by their wire names and in the spec's order,
 * each checked against its constraint. `undefined` and `null` leave a parameter out (the platform
 * then applies its default); the per-call settings (`signal`, `timeoutMs`, ...) are not parameters.
 * @throws {ValidationError} a key that is not a query parameter of `operation`, a value that does
 * not meet its constraint, or a friendly name and its wire name given with different values.
 */
export function checkQuery(operation: ConstrainedOperation, input: Readonly<Record<string, unknown>>, options: QueryCheckOptions = {}): Record<string, unknown> {
  const { renames = {}, valuesAsText = false } = options;
  const parameters = parametersIn(operation, 'query');
  const wireName = (key: string): string => (Object.hasOwn(renames, key) ? renames[key]! : key);
  const given = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null || isCallOption(key)) continue;
    const name = wireName(key);
    if (!Object.hasOwn(parameters, name)) {
      const known = Object.keys(parameters).map((parameter) => Object.keys(renames).find((friendly) => renames[friendly] === parameter) ?? parameter);
      throw new ValidationError(key, `unknown query parameter ${key} for ${operation}; known: ${known.join(', ')}`, operation);
    }
    const earlier = given.get(name);
    if (earlier !== undefined && earlier.value !== value) {
      const [friendly, wire] = earlier.key === name ? [key, earlier.key] : [earlier.key, key];
      throw new ValidationError(friendly, `give ${friendly} or its wire name ${wire}, not both with different values`, operation);
    }
    given.set(name, { key, value });
  }
  const checked: Record<string, unknown> = {};
  for (const [name, { schema }] of Object.entries(parameters)) {
    const entry = given.get(name);
    if (entry === undefined) continue;
    const value = valuesAsText && typeof entry.value === 'string' ? fromText(schema, entry.value) : entry.value;
    // An empty filter would be sent as `model=` and match nothing, or everything: refused, as the CLI and the mock refuse it.
    const violation = checkValue(schema, value, entry.key, { nonEmptyStrings: true });
    if (violation !== undefined) throw new ValidationError(entry.key, violation.message, operation);
    checked[name] = value;
  }
  return checked;
}
