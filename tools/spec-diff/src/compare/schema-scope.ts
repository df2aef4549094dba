// What a schema comparison carries down the tree, and how it records a finding: the direction
// picks the rule's severity, and inside a field clients do not exchange every change is harmless.
import { code } from '../findings.js';
import type { Located } from '../pointer.js';
import type { Comparison, Place } from './context.js';
import type { Direction } from './rules.js';

/** compareSchema, handed to the modules it calls so that they can recurse without an import cycle. */
export type CompareSchema = (context: Comparison, scope: SchemaScope, b: Located, a: Located) => void;

export interface SchemaScope {
  direction: Direction;
  /** Where in the API (Markdown). */
  where: string;
  /** Dotted path of the field inside the body ('' is the body itself); a parameter's name. */
  field: string;
  /** Pairs of schemas being compared further up: a recursive schema is compared once. */
  stack?: Set<string>;
  /** Values travel as text (parameters with a `schema`, response headers): any of them is a valid string. */
  text?: true;
  /** Set inside a field clients do not exchange in this direction (readOnly in requests, writeOnly in responses). */
  notExchanged?: string;
}

export function subjectOf(scope: SchemaScope): string {
  return scope.field === '' ? 'the body' : code(scope.field);
}

/** Records a schema finding; inside a field clients do not exchange, every change is harmless. */
export function emitSchema(
  context: Comparison,
  scope: SchemaScope,
  ruleId: string,
  place: Omit<Place, 'where' | 'subject'> & { subject?: string }
): void {
  const located = { subject: place.subject ?? subjectOf(scope), where: scope.where };
  if (scope.notExchanged === undefined) {
    context.emit(ruleId, scope.direction, { ...place, ...located });
    return;
  }
  const detail = `${ruleId}${place.detail === undefined ? '' : `: ${place.detail}`}; ${scope.notExchanged}`;
  context.emit('property-not-exchanged-changed', scope.direction, { ...located, detail });
}
