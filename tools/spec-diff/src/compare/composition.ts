// oneOf / anyOf: members matched by the component they refer to (or by being equal), matched
// members compared with the same direction, unmatched ones reported as alternatives added or
// removed: a new alternative widens what the schema allows (harmless in a request, breaking in a
// response), a removed one narrows it. A schema wrapped in (or unwrapped from) a oneOf/anyOf is
// compared with each alternative: see compareWrapped.
import { code, type Finding } from '../findings.js';
import { childOf, isObject, type Located } from '../pointer.js';
import type { Comparison, Side } from './context.js';
import type { FlatSchema } from './flatten.js';
import { describeValue } from './describe.js';
import { type CompareSchema, emitSchema, type SchemaScope } from './schema-scope.js';

interface Member {
  located: Located;
  /** The `$ref` it names, if it is one. */
  ref?: string;
}

export function compareComposition(
  context: Comparison,
  scope: SchemaScope,
  key: 'oneOf' | 'anyOf',
  b: Located,
  a: Located,
  compareSchema: CompareSchema
): void {
  if (!Array.isArray(b.value) || !Array.isArray(a.value)) {
    // Added, removed, or not a list: whether that widens or narrows depends on what was there before.
    if (context.sameExpanded(b, a)) return;
    context.coverReachable('before', b);
    context.coverReachable('after', a);
    const detail = `${describeValue(context.expand('before', b.value))} → ${describeValue(context.expand('after', a.value))}`;
    emitSchema(context, scope, 'composition-changed', { titleArgument: code(key), detail });
    return;
  }
  const before = membersOf(b);
  const after = membersOf(a);
  const pairs: Array<[Member, Member]> = [];
  const take = (match: (mb: Member, ma: Member) => boolean) => {
    for (const mb of [...before]) {
      const found = after.find((ma) => match(mb, ma));
      if (found === undefined) continue;
      pairs.push([mb, found]);
      before.splice(before.indexOf(mb), 1);
      after.splice(after.indexOf(found), 1);
    }
  };
  take((mb, ma) => mb.ref !== undefined && mb.ref === ma.ref);
  take((mb, ma) => context.sameExpanded(mb.located, ma.located));
  // Left over the same number on each side: the same alternatives, edited in place.
  if (before.length === after.length) take((mb, ma) => after.indexOf(ma) === 0 && before.indexOf(mb) === 0);
  for (const [mb, ma] of pairs) {
    compareSchema(context, scope, mb.located, ma.located);
  }
  const describe = (side: Side, member: Member) => describeValue(context.expand(side, member.located.value));
  for (const member of before) {
    context.coverReachable('before', member.located);
    emitSchema(context, scope, 'composition-member-removed', { titleArgument: code(key), detail: `was ${describe('before', member)}` });
  }
  for (const member of after) {
    context.coverReachable('after', member.located);
    emitSchema(context, scope, 'composition-member-added', { titleArgument: code(key), detail: describe('after', member) });
  }
}

function membersOf(list: Located): Member[] {
  if (!Array.isArray(list.value)) return [];
  return list.value.map((value, index) => {
    const located = childOf(list, index);
    const ref = isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
    return ref === undefined ? { located } : { located, ref };
  });
}

/** Keywords that may sit beside a oneOf/anyOf without constraining its values. */
const besideComposition = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'discriminator', 'xml']);

/** `oneOf` or `anyOf` when the schema is only that list of alternatives (plus documentation). */
export function compositionOnly(schema: FlatSchema): 'oneOf' | 'anyOf' | undefined {
  if (schema.properties.size > 0 || schema.required.size > 0) return undefined;
  const keys = [...schema.keywords.keys()];
  const lists = keys.filter((key) => key === 'oneOf' || key === 'anyOf');
  if (lists.length !== 1 || keys.some((key) => key !== lists[0] && !besideComposition.has(key))) return undefined;
  const key = lists[0] as 'oneOf' | 'anyOf';
  return Array.isArray(schema.keywords.get(key)?.value) ? key : undefined;
}

/** Whether the schema has no oneOf/anyOf of its own: the other side of a wrap. */
export function withoutComposition(schema: FlatSchema): boolean {
  return !schema.keywords.has('oneOf') && !schema.keywords.has('anyOf');
}

/**
 * One side is a plain schema, the other a oneOf/anyOf of alternatives, compared member by member.
 * Where the alternatives are what clients *produce* (before, in a request; after, in a response),
 * every alternative must fit the plain schema: each one's findings are kept. Where they are what
 * the other end *checks*, each value produced must match an alternative (anyOf) or exactly one
 * (oneOf): an alternative with no breaking or unclassified finding accepts every value; two such
 * alternatives in a oneOf reject every value, since each matches both; none leaves the findings
 * of the closest one.
 */
export function compareWrapped(
  context: Comparison,
  scope: SchemaScope,
  key: 'oneOf' | 'anyOf',
  unionSide: Side,
  plain: Located,
  union: Located,
  compareSchema: CompareSchema
): void {
  const members = membersOf(union);
  const compareMember = (target: Comparison, member: Member) =>
    unionSide === 'after'
      ? compareSchema(target, scope, plain, member.located)
      : compareSchema(target, scope, member.located, plain);
  const producer: Side = scope.direction === 'request' ? 'before' : 'after';
  const keepAll = () => {
    for (const member of members) compareMember(context, member);
  };
  if (unionSide === producer) {
    keepAll();
    return;
  }
  const trials: Finding[][] = [];
  for (const member of members) {
    const findings = context.trial((scratch) => compareMember(scratch, member));
    if (findings === undefined) {
      keepAll(); // no trials left: every alternative's findings stand
      return;
    }
    trials.push(findings);
  }
  const doubtful = (findings: Finding[]) => findings.filter((finding) => finding.severity !== 'non-breaking').length;
  const accepting = trials.flatMap((findings, index) => (doubtful(findings) === 0 ? [index] : []));
  if (key === 'oneOf' && accepting.length >= 2) {
    const which = accepting.map((index) => `#${index + 1}`).join(', ');
    const values = scope.direction === 'request' ? 'every body clients send today' : 'every value the server sends now';
    emitSchema(context, scope, 'one-of-ambiguous', {
      detail: `${values} matches alternatives ${which} of the ${code('oneOf')}, which accepts a value only when exactly one matches`,
    });
    return;
  }
  const closest =
    accepting[0] ?? trials.reduce((best, findings, index) => (doubtful(findings) < doubtful(trials[best] ?? []) ? index : best), 0);
  context.keep(trials[closest] ?? []);
}
