// oneOf / anyOf: members matched by the component they refer to (or by being equal), matched
// members compared with the same direction, unmatched ones reported as alternatives added or
// removed: a new alternative widens what the schema allows (harmless in a request, breaking in a
// response), a removed one narrows it.
import { code } from '../findings.js';
import { childOf, isObject, type Located } from '../pointer.js';
import type { Comparison, Side } from './context.js';
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
