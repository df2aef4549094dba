// Options read from the spec's constraints table (@iodm-northbound/spec/constraints): what a value
// may be, its help text and, for a list, its page size and the filters no command names itself.
// A new enum value, a changed limit or a new query parameter in openapi/ reaches --help and the
// parsing after `npm run generate` and a build, with no edit here.
import { Argument, type Command, InvalidArgumentError, Option } from 'commander';
import {
  type ConstrainedOperation,
  checkValue,
  describeConstraint,
  fromText,
  operationConstraints,
  pagingOf,
  parametersIn,
  type ValueConstraint,
} from '@iodm-northbound/spec/constraints';

/** The operations an option's value is sent to: one, or several that take the same field (the two creates). */
type Operations = ConstrainedOperation | readonly ConstrainedOperation[];

const PAGING = new Set(['pageNo', 'pageSize']);

/**
 * The checks of every value typed: a field the schema does not name is refused, as the client does
 * (the platform would drop a misspelt one without a word), and so is an empty text where the spec
 * sets no minimum (an empty filter or device names nothing), with the same words in every layer.
 */
const CHECKS = { closedObjects: true, nonEmptyStrings: true } as const;

/** The schema of a parameter of `operation`, or of a field of its body by dotted path (`targets.deviceGroups`). */
export function specSchema(operation: ConstrainedOperation, name: string): ValueConstraint {
  const { parameters, body } = operationConstraints[operation] as { parameters: Readonly<Record<string, { schema: ValueConstraint }>>; body?: { schema: ValueConstraint } };
  const parameter = parameters[name];
  if (parameter !== undefined) return parameter.schema;
  let schema: ValueConstraint | undefined = body?.schema;
  for (const field of name.split('.')) schema = schema?.properties?.[field];
  // The CLI names a parameter the spec no longer has: a programming error, found by any test.
  if (schema === undefined) throw new Error(`${operation} has no parameter or body field ${name} in the spec`);
  return schema;
}

const schemasOf = (operations: Operations, name: string): ValueConstraint[] => [operations].flat().map((operation) => specSchema(operation, name));

/** A value refused: commander's InvalidArgumentError (exit 2) with the checker's words. */
function refuse(message: string): never {
  throw new InvalidArgumentError(`${message}.`);
}

/** A JSON text (the value of an object `name`), or the refusal. */
function jsonOf(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return refuse(`${name} is not JSON`);
  }
}

/**
 * The constraint of `name` in words, for help text ("one of wait, processing", "an integer from 1
 * to 100"); a list says how many entries it may hold and what each must be.
 */
function describeSpec(operations: Operations, name: string): string {
  const [schema] = schemasOf(operations, name) as [ValueConstraint];
  if (schema.type === 'object' && schema.properties !== undefined) return `an object of ${Object.keys(schema.properties).join(', ')}`;
  if (schema.type !== 'array') return describeConstraint(schema);
  const each = schema.items === undefined ? '' : `each ${describeConstraint(schema.items)}`;
  return schema.maxItems === undefined ? each : `at most ${schema.maxItems}${each === '' ? '' : `, ${each}`}`;
}

/**
 * A commander argParser for the spec's `name` of `operations` (a parameter, or a body field by
 * dotted path): the text typed as the schema says (fromText), then held to type, enum, bounds and
 * length (checkValue, with CHECKS) of every operation it goes to. An array field is a
 * comma-separated list that repeated flags add to, held to its items' schema and its maxItems. A
 * bad value is commander's InvalidArgumentError with the checker's message (exit 2), its near miss
 * of an enum value included.
 */
function specParser<Value = unknown>(operations: Operations, name: string): (text: string, previous?: Value) => Value {
  const schemas = schemasOf(operations, name);
  return (text, previous) => {
    let value: unknown;
    if (schemas[0]!.type === 'object') {
      value = jsonOf(text, name);
    } else if (schemas[0]!.type === 'array') {
      // "a,,b" leaves an empty item, which the checks refuse (nonEmptyStrings) with its place in the list.
      const items = text.split(',').map((item) => item.trim());
      const itemSchema = schemas[0]!.items ?? {};
      value = [...((previous as unknown[] | undefined) ?? []), ...items.map((item) => fromText(itemSchema, item))];
    } else {
      value = fromText(schemas[0]!, text);
    }
    for (const schema of schemas) {
      const violation = checkValue(schema, value, name, CHECKS);
      if (violation !== undefined) refuse(violation.message);
    }
    return value as Value;
  };
}

/** An option whose value is the spec's `name` of `operations`: its parser and the help's "one of …" from the table. */
export function specOption(flags: string, help: string, operations: Operations, name: string): Option {
  return new Option(flags, `${help}: ${describeSpec(operations, name)}`).argParser(specParser(operations, name));
}

/** An argument whose value is the spec's parameter `name` of `operations` (an operationId, a fileId). */
export function specArgument(name: string, help: string, operations: Operations): Argument {
  return new Argument(`<${name}>`, `${help}: ${describeSpec(operations, name)}`).argParser(specParser(operations, name));
}

/** `--page-size <n>` for a command that walks `operation`'s pages: the spec's range, its maximum by default. */
export function pageSizeOption(operation: ConstrainedOperation): Option {
  const largest = pagingOf(operation).pageSize.maximum;
  // The default's words hold no number, so that the README's row stays true when the spec's limit moves.
  return new Option('--page-size <n>', `items asked for per request: ${describeSpec(operation, 'pageSize')}`).argParser(specParser<number>(operation, 'pageSize')).default(largest, 'the largest (fewest requests)');
}

/** "manufacturerName" → "manufacturer-name"; anything but letters and digits becomes a hyphen. */
const kebab = (name: string): string =>
  name
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The flag of the derived filter `name`: `--<kebab-name>`, or `--filter-<kebab-name>` when that
 * is taken by an option of `command` (or its --help) or would read as a negation (`--no-…`), so that
 * a spec parameter named like an option (format, status, base-url) never breaks the program.
 */
function filterFlag(command: Command, name: string): { flag: string; note: string } {
  const taken = new Set(['--help', ...command.options.map((option) => option.long)]);
  const plain = `--${kebab(name)}`;
  if (!taken.has(plain) && !plain.startsWith('--no-')) return { flag: plain, note: '' };
  const flag = `--filter-${kebab(name)}`;
  // Two spec parameters that both come to this flag: a spec no CLI flag can name, found by any test.
  if (taken.has(flag)) throw new Error(`the query parameter ${name} has no free flag: ${plain} and ${flag} are both taken`);
  return { flag, note: ` (not ${plain}: ${plain.startsWith('--no-') ? 'that reads as a negation' : 'that is another option'})` };
}

/**
 * Adds `--<kebab-case-name> <value>` to a list command for every query parameter of `operation`
 * that the command has no option of its own for (`named`, by wire name) and that is not paging;
 * returns what reads them back from the parsed flags as a record by wire name. A parameter added
 * to the spec becomes a filter with no edit. Call it once every other option is on the command:
 * a parameter whose flag is taken gets `--filter-<kebab-case-name>` (its help says why).
 */
export function addSpecFilters(command: Command, operation: ConstrainedOperation, named: readonly string[]): (flags: object) => Record<string, unknown> {
  const byAttribute = new Map<string, string>();
  for (const [name, parameter] of Object.entries(parametersIn(operation, 'query'))) {
    if (PAGING.has(name) || named.includes(name)) continue;
    const { flag, note } = filterFlag(command, name);
    const option = new Option(`${flag} <value>`, `only where the spec's query parameter ${name} is this: ${describeConstraint(parameter.schema)}${note}`).argParser(specParser(operation, name));
    command.addOption(option);
    byAttribute.set(option.attributeName(), name);
  }
  return (flags) => {
    const given = flags as Record<string, unknown>;
    return Object.fromEntries([...byAttribute].filter(([attribute]) => given[attribute] !== undefined).map(([attribute, name]) => [name, given[attribute]]));
  };
}
