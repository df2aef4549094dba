// One schema keyword that differs: which rule it falls under. Direction is the rules' business
// (rules.ts): this module only says whether a change narrows or widens what the schema allows.
import { isDeepStrictEqual } from 'node:util';
import { code } from '../findings.js';
import type { Located } from '../pointer.js';
import type { Comparison } from './context.js';
import { describeValue } from './describe.js';
import { emitSchema, type SchemaScope } from './schema-scope.js';

const documentationKeys = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'xml', 'tags']);
const lowerBounds = new Set(['minimum', 'minLength', 'minItems', 'minProperties', 'minContains']);
const upperBounds = new Set(['maximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']);
/** JSON Schema assertions (mostly OpenAPI 3.1): one added narrows what the schema allows, one removed widens it. */
const assertionKeys = new Set([
  'const',
  'multipleOf',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'prefixItems',
  'patternProperties',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
  'contentMediaType',
  'contentEncoding',
]);
/** Formats that accept every value of another format: int32 values are int64 values. */
const widerFormats = new Map<string, string[]>([
  ['int64', ['int32']],
  ['double', ['float']],
  ['number', ['int32', 'int64', 'float', 'double']],
]);

type KeywordCheck = (context: Comparison, scope: SchemaScope, key: string, before: unknown, after: unknown) => void;

export function compareKeyword(context: Comparison, scope: SchemaScope, key: string, b: Located, a: Located): void {
  const before = context.expand('before', b.value);
  const after = context.expand('after', a.value);
  if (isDeepStrictEqual(before, after)) return;
  const check =
    keywordChecks.get(key) ??
    (lowerBounds.has(key) || upperBounds.has(key) ? compareBound : assertionKeys.has(key) ? compareAssertion : undefined);
  if (check !== undefined) check(context, scope, key, before, after);
  else if (documentationKeys.has(key))
    emitSchema(context, scope, 'schema-documentation-changed', { titleArgument: key, detail: 'documentation only' });
  else
    emitSchema(context, scope, 'schema-keyword-changed', {
      titleArgument: code(key),
      detail: `${describeValue(before)} → ${describeValue(after)}`,
    });
}

const change = (before: unknown, after: unknown) => `${describeValue(before)} → ${describeValue(after)}`;

// A Map, not an object: a keyword named `constructor` or `toString` is a keyword like any other.
const keywordChecks = new Map<string, KeywordCheck>(
  Object.entries({
    type: (context, scope, _key, before, after) => {
      const text = scope.text === true ? textTypeChange(typesOf(before), typesOf(after)) : undefined;
      const rule = text !== undefined
        ? text
        : accepts(typesOf(after), typesOf(before))
        ? 'type-widened'
        : accepts(typesOf(before), typesOf(after))
        ? 'type-narrowed'
        : 'type-changed';
      emitSchema(context, scope, rule, { detail: change(before, after) });
    },
    enum: (context, scope, _key, before, after) => compareEnum(context, scope, before, after),
    'x-extensible-enum': (context, scope, key, before, after) => {
      const { removed, added } = valueChanges(before, after);
      const detail = (values: unknown[]) => `${code(key)}: ${values.map((value) => code(value)).join(', ')}`;
      if (removed.length > 0)
        emitSchema(context, scope, 'extensible-enum-values-removed', { detail: `no longer listed: ${detail(removed)}` });
      if (added.length > 0)
        emitSchema(context, scope, 'extensible-enum-values-added', {
          detail: `now also listed: ${detail(added)}; clients of an extensible enum expect new values`,
        });
    },
    nullable: (context, scope, _key, before, after) => {
      emitSchema(context, scope, after === true ? 'nullable-added' : 'nullable-removed', {
        detail: `${code('nullable')}: ${change(before, after)}`,
      });
    },
    exclusiveMinimum: (context, scope, key, before, after) => compareExclusive(context, scope, key, before, after),
    exclusiveMaximum: (context, scope, key, before, after) => compareExclusive(context, scope, key, before, after),
    uniqueItems: (context, scope, key, before, after) => {
      emitSchema(context, scope, after === true ? 'constraint-tightened' : 'constraint-loosened', {
        detail: `${code(key)}: ${change(before, after)}`,
      });
    },
    pattern: (context, scope, _key, before, after) => {
      // An empty pattern matches everything: it counts as none.
      const b = before === '' ? undefined : before;
      const a = after === '' ? undefined : after;
      if (b === a) {
        emitSchema(context, scope, 'equivalent-form-changed', {
          detail: `${code('pattern')}: ${change(before, after)}; an empty pattern matches everything`,
        });
        return;
      }
      const rule = b === undefined ? 'pattern-added' : a === undefined ? 'pattern-removed' : 'pattern-changed';
      emitSchema(context, scope, rule, { detail: `${code('pattern')}: ${change(before, after)}` });
    },
    format: (context, scope, _key, before, after) => {
      const b = typeof before === 'string' ? before : undefined;
      const a = typeof after === 'string' ? after : undefined;
      let rule = 'format-changed';
      if (b === undefined) rule = 'format-added';
      else if (a === undefined) rule = 'format-removed';
      else if (widerFormats.get(a)?.includes(b)) rule = 'format-widened';
      else if (widerFormats.get(b)?.includes(a)) rule = 'format-narrowed';
      emitSchema(context, scope, rule, { detail: `${code('format')}: ${change(before, after)}` });
    },
    default: (context, scope, _key, before, after) => {
      const rule = before === undefined ? 'default-added' : after === undefined ? 'default-removed' : 'default-changed';
      emitSchema(context, scope, rule, { detail: `${change(before, after)}; clients that leave it out get what the default says` });
    },
    deprecated: (context, scope, _key, _before, after) =>
      emitSchema(context, scope, after === true ? 'field-deprecated' : 'field-undeprecated', {}),
    readOnly: (context, scope, _key, _before, after) => {
      emitSchema(context, scope, after === true ? 'property-became-read-only' : 'property-no-longer-read-only', {
        detail: after === true ? 'the server ignores or refuses it in requests now' : 'clients may send it now',
      });
    },
    writeOnly: (context, scope, _key, _before, after) => {
      emitSchema(context, scope, after === true ? 'property-became-write-only' : 'property-no-longer-write-only', {
        detail: after === true ? 'responses no longer carry it' : 'responses may carry it now',
      });
    },
  } satisfies Record<string, KeywordCheck>)
);

function compareBound(context: Comparison, scope: SchemaScope, key: string, before: unknown, after: unknown): void {
  const lower = lowerBounds.has(key);
  const removed = after === undefined;
  const raised = before === undefined || (typeof after === 'number' && typeof before === 'number' && after > before);
  const lowered = before === undefined || (after as number) < (before as number);
  const tighter = !removed && (lower ? raised : lowered);
  emitSchema(context, scope, tighter ? 'constraint-tightened' : 'constraint-loosened', {
    detail: `${code(key)}: ${change(before, after)}`,
  });
}

function compareAssertion(context: Comparison, scope: SchemaScope, key: string, before: unknown, after: unknown): void {
  const rule = before === undefined ? 'constraint-tightened' : after === undefined ? 'constraint-loosened' : 'constraint-changed';
  emitSchema(context, scope, rule, { detail: `${code(key)}: ${change(before, after)}` });
}

function compareExclusive(context: Comparison, scope: SchemaScope, key: string, before: unknown, after: unknown): void {
  let tighter = after === true;
  if (typeof before === 'number' || typeof after === 'number') {
    // OpenAPI 3.1: exclusive bounds are numbers, read like minimum and maximum.
    const lower = key === 'exclusiveMinimum';
    tighter =
      after !== undefined &&
      (before === undefined || (lower ? (after as number) > (before as number) : (after as number) < (before as number)));
  }
  emitSchema(context, scope, tighter ? 'constraint-tightened' : 'constraint-loosened', {
    detail: `${code(key)}: ${change(before, after)}`,
  });
}

function compareEnum(context: Comparison, scope: SchemaScope, before: unknown, after: unknown): void {
  const show = (values: unknown[]) => values.map((value) => code(value)).join(', ');
  const sent = scope.direction === 'request' ? 'allowed' : 'sent';
  if (!Array.isArray(before) && Array.isArray(after)) {
    emitSchema(context, scope, 'enum-added', { detail: `only ${show(after)} ${sent} now` });
    return;
  }
  if (Array.isArray(before) && !Array.isArray(after)) {
    const anyValue = scope.direction === 'request' ? 'any value allowed now' : 'any value may be sent now';
    emitSchema(context, scope, 'enum-removed', { detail: `${anyValue} (was ${show(before)})` });
    return;
  }
  const { removed, added } = valueChanges(before, after);
  if (removed.length > 0) emitSchema(context, scope, 'enum-narrowed', { detail: `no longer ${sent}: ${show(removed)}` });
  if (added.length === 0) return;
  const detail =
    scope.direction === 'request'
      ? `now also allowed: ${show(added)}`
      : `may now be sent: ${show(added)}; clients that switch over the values do not know them`;
  emitSchema(context, scope, 'enum-widened', { detail });
}

/** Values in `before` but not `after`, and the other way round, compared as JSON. */
function valueChanges(before: unknown, after: unknown): { removed: unknown[]; added: unknown[] } {
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const has = (values: unknown[], value: unknown) => values.some((item) => isDeepStrictEqual(item, value));
  return {
    removed: list(before).filter((value) => !has(list(after), value)),
    added: list(after).filter((value) => !has(list(before), value)),
  };
}

/** The JSON types a `type` keyword allows (absent: every type). */
function typesOf(value: unknown): Set<string> | 'any' {
  if (value === undefined) return 'any';
  return new Set((Array.isArray(value) ? value : [value]).map(String));
}

const scalarTypes = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * For values sent as text: every text is a string, so a scalar type becoming `string` widens
 * (`1.5` is a valid string) and `string` becoming another scalar narrows; undefined otherwise.
 */
function textTypeChange(before: Set<string> | 'any', after: Set<string> | 'any'): 'type-widened' | 'type-narrowed' | undefined {
  if (before === 'any' || after === 'any') return undefined;
  if (![...before, ...after].every((type) => scalarTypes.has(type))) return undefined;
  if (after.has('string') && !before.has('string')) return 'type-widened';
  if (before.has('string') && !after.has('string')) return 'type-narrowed';
  return undefined;
}

/** Whether every value of the `narrow` types is a value of the `wide` ones (an integer is a number). */
function accepts(wide: Set<string> | 'any', narrow: Set<string> | 'any'): boolean {
  if (wide === 'any') return true;
  if (narrow === 'any') return false;
  return [...narrow].every((type) => wide.has(type) || (type === 'integer' && wide.has('number')));
}
