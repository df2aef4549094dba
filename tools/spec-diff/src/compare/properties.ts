// Object properties: added, removed, made required or optional, and each pair compared. A field
// clients do not exchange in this direction (readOnly in a request, writeOnly in a response) is
// neither required nor breaking there.
import { code } from '../findings.js';
import type { Located } from '../pointer.js';
import type { Comparison, Side } from './context.js';
import { type FlatSchema, hasFlag } from './flatten.js';
import { type CompareSchema, emitSchema, type SchemaScope } from './schema-scope.js';

export function compareProperties(
  context: Comparison,
  scope: SchemaScope,
  sb: FlatSchema,
  sa: FlatSchema,
  compareSchema: CompareSchema
): void {
  const fieldName = (name: string) => (scope.field === '' ? name : `${scope.field}.${name}`);
  for (const name of new Set([...sb.properties.keys(), ...sa.properties.keys()])) {
    const pb = sb.properties.get(name);
    const pa = sa.properties.get(name);
    const subject = code(fieldName(name));
    if (pb !== undefined && pa !== undefined) {
      compareProperty(context, { ...scope, field: fieldName(name) }, { name, before: pb, after: pa, sb, sa, compareSchema });
      continue;
    }
    const side: Side = pa === undefined ? 'before' : 'after';
    const present = (pa ?? pb) as Located;
    context.coverReachable(side, present);
    const hidden = notExchanged(context, scope, side, present);
    const inner = hidden === undefined ? scope : { ...scope, notExchanged: hidden };
    if (side === 'before') {
      if (scope.direction === 'response')
        emitSchema(context, inner, 'property-removed', { subject, detail: 'clients that read it get nothing' });
      else if (sa.keywords.get('additionalProperties')?.value === false) {
        const detail = 'no longer accepted (additionalProperties: false): clients that send it are rejected';
        emitSchema(context, inner, 'property-removed-closed', { subject, detail });
      } else emitSchema(context, inner, 'property-removed', { subject, detail: 'the server ignores it now' });
    } else if (isRequired(context, scope, 'after', sa, name)) {
      const detail = scope.direction === 'response' ? 'always present' : 'existing clients do not send it';
      emitSchema(context, inner, 'property-added-required', { subject, detail });
    } else
      emitSchema(context, inner, 'property-added-optional', scope.direction === 'response' ? { subject, detail: 'optional' } : { subject });
  }
  compareUndefinedRequired(context, scope, sb, sa);
}

interface PropertyPair {
  name: string;
  before: Located;
  after: Located;
  sb: FlatSchema;
  sa: FlatSchema;
  compareSchema: CompareSchema;
}

function compareProperty(context: Comparison, scope: SchemaScope, pair: PropertyPair): void {
  const hiddenBefore = notExchanged(context, scope, 'before', pair.before);
  const hiddenAfter = notExchanged(context, scope, 'after', pair.after);
  // Hidden on both sides: nothing about it reaches clients in this direction.
  const inner = hiddenBefore !== undefined && hiddenAfter !== undefined ? { ...scope, notExchanged: hiddenAfter } : scope;
  pair.compareSchema(context, inner, pair.before, pair.after);
  const wasRequired = isRequired(context, scope, 'before', pair.sb, pair.name);
  const isRequiredNow = isRequired(context, scope, 'after', pair.sa, pair.name);
  if (wasRequired === isRequiredNow) return;
  if (isRequiredNow) {
    const detail = scope.direction === 'response' ? 'now always present' : 'existing clients may not send it';
    emitSchema(context, inner, 'property-became-required', { detail });
  } else {
    const detail = scope.direction === 'response' ? 'clients may rely on it being present' : undefined;
    emitSchema(context, inner, 'property-became-optional', detail === undefined ? {} : { detail });
  }
}

/** Why clients do not exchange this field in this direction, or undefined when they do. */
function notExchanged(context: Comparison, scope: SchemaScope, side: Side, property: Located): string | undefined {
  if (scope.notExchanged !== undefined) return scope.notExchanged;
  if (scope.direction === 'request' && hasFlag(context, side, property, 'readOnly')) return 'read-only: clients do not send it';
  if (scope.direction === 'response' && hasFlag(context, side, property, 'writeOnly')) return 'write-only: responses do not carry it';
  return undefined;
}

/** Required in the sense that matters to clients: a read-only field is never required in a request. */
function isRequired(context: Comparison, scope: SchemaScope, side: Side, schema: FlatSchema, name: string): boolean {
  if (!schema.required.has(name)) return false;
  const property = schema.properties.get(name);
  return property === undefined || notExchanged(context, { ...scope, notExchanged: undefined }, side, property) === undefined;
}

/**
 * `required` names without a property definition on either side: still keys the body must carry.
 * A name added is a key requests must now send and responses now always have; one removed, the
 * other way round.
 */
function compareUndefinedRequired(context: Comparison, scope: SchemaScope, sb: FlatSchema, sa: FlatSchema): void {
  const undefinedRequired = (schema: FlatSchema, other: FlatSchema) =>
    [...schema.required].filter((name) => !schema.properties.has(name) && !other.properties.has(name));
  const fieldName = (name: string) => (scope.field === '' ? name : `${scope.field}.${name}`);
  for (const name of undefinedRequired(sa, sb).filter((name) => !sb.required.has(name))) {
    const detail = `no property defines it; ${scope.direction === 'response' ? 'now always present' : 'existing clients may not send it'}`;
    emitSchema(context, scope, 'property-became-required', { subject: code(fieldName(name)), detail });
  }
  for (const name of undefinedRequired(sb, sa).filter((name) => !sa.required.has(name))) {
    const detail = `no property defines it; ${scope.direction === 'response' ? 'clients may rely on it being present' : 'clients may leave it out now'}`;
    emitSchema(context, scope, 'property-became-optional', { subject: code(fieldName(name)), detail });
  }
}
