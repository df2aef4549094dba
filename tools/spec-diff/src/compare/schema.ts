// Schema objects: follows `$ref`s, stops at a recursion, merges allOf, then hands each part to its
// module: keywords (keywords.ts), properties (properties.ts), oneOf/anyOf members
// (composition.ts), and items/additionalProperties here.
import { isDeepStrictEqual } from 'node:util';
import { code } from '../findings.js';
import { isObject, type Located } from '../pointer.js';
import { compareComposition, compareWrapped, compositionOnly, withoutComposition } from './composition.js';
import type { Comparison } from './context.js';
import { describeValue } from './describe.js';
import { flatten } from './flatten.js';
import { compareKeyword } from './keywords.js';
import { compareProperties } from './properties.js';
import { emitSchema, type SchemaScope, subjectOf } from './schema-scope.js';

export function compareSchema(context: Comparison, scope: SchemaScope, b: Located, a: Located): void {
  context.compareRefSiblings(scope.direction, b, a, { subject: subjectOf(scope), where: scope.where });
  const rb = context.resolve('before', b);
  const ra = context.resolve('after', a);
  const pairKey = `${rb.pointer}|${ra.pointer}`;
  if (scope.stack?.has(pairKey)) return; // a recursive schema: this pair is already being compared further up
  const memo = memoOf(context);
  const doneKey = `${scope.direction}|${scope.notExchanged ?? ''}|${scope.where}|${pairKey}`;
  const earlier = memo.done.get(doneKey);
  if (earlier !== undefined) {
    // Compared already at this place under another field: its findings are listed there once.
    if (earlier) memo.echoes += 1;
    return;
  }
  const inner: SchemaScope = { ...scope, stack: new Set(scope.stack).add(pairKey) };
  const progressBefore = progress(context);
  const sb = flatten(context, 'before', rb);
  const sa = flatten(context, 'after', ra);
  const wrappedIn = withoutComposition(sb) ? compositionOnly(sa) : undefined;
  const unwrappedFrom = withoutComposition(sa) ? compositionOnly(sb) : undefined;
  if (wrappedIn !== undefined || unwrappedFrom !== undefined) {
    // A schema wrapped in a oneOf/anyOf, or taken out of one: compared with each alternative.
    const key = (wrappedIn ?? unwrappedFrom) as 'oneOf' | 'anyOf';
    const union = wrappedIn === undefined ? (sb.keywords.get(key) as Located) : (sa.keywords.get(key) as Located);
    context.cover(union);
    compareWrapped(context, inner, key, wrappedIn === undefined ? 'before' : 'after', wrappedIn === undefined ? ra : rb, union, compareSchema);
    if (progress(context) === progressBefore) reportEquivalentForm(context, scope, b, a, rb, ra);
    memo.done.set(doneKey, progress(context) !== progressBefore);
    return;
  }
  for (const key of new Set([...sb.keywords.keys(), ...sa.keywords.keys()])) {
    const kb = sb.keywords.get(key) ?? { value: undefined, pointer: `${rb.pointer}/${key}` };
    const ka = sa.keywords.get(key) ?? { value: undefined, pointer: `${ra.pointer}/${key}` };
    context.cover(kb, ka);
    if (key === 'items' || key === 'additionalProperties') compareSubschema(context, inner, key, kb, ka);
    else if (key === 'oneOf' || key === 'anyOf') compareComposition(context, inner, key, kb, ka, compareSchema);
    else compareKeyword(context, inner, key, kb, ka);
  }
  compareProperties(context, inner, sb, sa, compareSchema);
  if (progress(context) === progressBefore) reportEquivalentForm(context, scope, b, a, rb, ra);
  memo.done.set(doneKey, progress(context) !== progressBefore);
}

/**
 * Schema pairs compared so far, per comparison: a `$ref` target shared by many fields (a DAG of
 * schemas) is compared once per place, so the walk costs what the schemas cost, not one visit per
 * path through them. `echoes` counts the revisits that stand for findings made earlier.
 */
const memos = new WeakMap<Comparison, { done: Map<string, boolean>; echoes: number }>();

function memoOf(context: Comparison): { done: Map<string, boolean>; echoes: number } {
  let memo = memos.get(context);
  if (memo === undefined) {
    memo = { done: new Map(), echoes: 0 };
    memos.set(context, memo);
  }
  return memo;
}

/** Findings so far, revisits of pairs that had findings included: "did anything below differ?" */
function progress(context: Comparison): number {
  return context.findings.length + memoOf(context).echoes;
}

/**
 * Nothing differs in what the schemas allow, yet they are written differently: another `$ref`
 * target with the same content, or allOf members added, removed or reordered without effect.
 */
function reportEquivalentForm(context: Comparison, scope: SchemaScope, b: Located, a: Located, rb: Located, ra: Located): void {
  const ref = (value: unknown) => (isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined);
  const members = (value: unknown) =>
    isObject(value) && Array.isArray(value.allOf) ? value.allOf.map((item) => ref(item) ?? JSON.stringify(item)) : [];
  if (ref(b.value) !== ref(a.value)) {
    emitSchema(context, scope, 'equivalent-form-changed', {
      detail: `refers to ${code(ref(a.value) ?? 'an inline schema')} instead of ${code(
        ref(b.value) ?? 'an inline schema'
      )}, which says the same`,
    });
  } else if (!isDeepStrictEqual(members(rb.value), members(ra.value))) {
    emitSchema(context, scope, 'equivalent-form-changed', {
      detail: `${code('allOf')} members changed; the merged schema allows the same values`,
    });
  } else if (!isDeepStrictEqual(rb.value, ra.value)) {
    const detail =
      'written differently (an order of `required` or `enum`, a field not exchanged in this direction, say); clients see the same';
    emitSchema(context, scope, 'equivalent-form-changed', { detail });
  }
}

function compareSubschema(context: Comparison, scope: SchemaScope, key: 'items' | 'additionalProperties', b: Located, a: Located): void {
  const field = key === 'items' ? `${scope.field}[]` : `${scope.field}.*`;
  if (isObject(b.value) && isObject(a.value)) {
    compareSchema(context, { ...scope, field }, b, a);
    return;
  }
  if (isDeepStrictEqual(b.value, a.value)) return;
  // Absent and `true` both allow anything; `false` or a schema restricts.
  const allowsAnything = (value: unknown) => value === undefined || value === true || (isObject(value) && Object.keys(value).length === 0);
  const detail = `${code(key)}: ${describeValue(context.expand('before', b.value))} → ${describeValue(context.expand('after', a.value))}`;
  if (isObject(b.value)) context.coverReachable('before', b);
  if (isObject(a.value)) context.coverReachable('after', a);
  if (allowsAnything(b.value) && allowsAnything(a.value)) return;
  if (allowsAnything(b.value)) emitSchema(context, scope, 'constraint-tightened', { detail });
  else if (allowsAnything(a.value)) emitSchema(context, scope, 'constraint-loosened', { detail });
  else emitSchema(context, scope, 'schema-keyword-changed', { titleArgument: code(key), detail });
}
