// The safety net: every difference between the documents that no check looked at is reported,
// as an unused component or as a change no check classifies.
import { isDeepStrictEqual } from 'node:util';
import { code, type Finding } from '../findings.js';
import { unescapePointerSegment } from '@iodm-northbound/spec';
import { escapeSegment, isObject, ownValue, pointerPrefixes, valueAt } from '../pointer.js';
import type { JsonObject } from '../sources.js';
import { unionKeys } from './describe.js';
import { rules } from './rules.js';

/**
 * Differences no check looked at: every differing pointer with no covered ancestor. Changes to
 * components no operation uses come out as "unused component" lines; anything else is left
 * unclassified for the reviewer.
 */
export function uncoveredChanges(before: JsonObject, after: JsonObject, covered: Set<string>): Finding[] {
  const groups = new Map<string, Finding>();
  for (const pointer of differingPointers(before, after)) {
    if (pointerPrefixes(pointer).some((prefix) => covered.has(prefix))) continue;
    const segments = pointer.split('/').slice(1).map(unescapePointerSegment);
    const section = segments[0] === 'components' && segments.length === 2 ? sectionEntries(before, after, pointer) : [];
    for (const componentPointer of section) {
      const name = unescapePointerSegment(componentPointer.split('/')[3] ?? '');
      const change = valueAt(before, componentPointer) === undefined ? 'added' : valueAt(after, componentPointer) === undefined ? 'removed' : 'changed';
      const subject = code(`components.${segments[1]}.${name}`);
      groups.set(componentPointer, finding('unused-component-changed', change, subject, 'no operation refers to it, so no client sees it'));
    }
    if (section.length > 0) continue;
    if (segments[0] === 'components' && segments.length >= 3) {
      const componentPointer = `/components/${pointer.split('/').slice(2, 4).join('/')}`;
      const existedBefore = valueAt(before, componentPointer) !== undefined;
      const existsAfter = valueAt(after, componentPointer) !== undefined;
      const change = !existedBefore ? 'added' : !existsAfter ? 'removed' : 'changed';
      const subject = code(`components.${segments[1]}.${segments[2]}`);
      groups.set(componentPointer, finding('unused-component-changed', change, subject, 'no operation refers to it, so no client sees it'));
    } else groups.set(pointer, finding('unclassified-change', '', code(`#${pointer}`)));
  }
  return [...groups.values()];
}

/** A components section added or removed whole (`/components/schemas`): pointers of its differing entries. */
function sectionEntries(before: JsonObject, after: JsonObject, pointer: string): string[] {
  const sb = valueAt(before, pointer);
  const sa = valueAt(after, pointer);
  if ((sb !== undefined && !isObject(sb)) || (sa !== undefined && !isObject(sa))) return [];
  return unionKeys(sb, sa)
    .filter((name) => !isDeepStrictEqual((sb as JsonObject | undefined)?.[name], (sa as JsonObject | undefined)?.[name]))
    .map((name) => `${pointer}/${escapeSegment(name)}`);
}

function finding(ruleId: string, titleArgument: string, subject: string, detail?: string): Finding {
  const rule = rules.get(ruleId);
  if (rule === undefined || rule.request === undefined || typeof rule.title !== 'string') throw new Error(`spec-diff: bad rule ${ruleId}`);
  const title = rule.title.replace('{0}', titleArgument);
  return {
    rule: ruleId,
    severity: rule.request,
    title,
    subject,
    where: 'the document',
    source: 'spec-diff',
    ...(detail === undefined ? {} : { detail }),
  };
}

/** Pointers where the two documents differ, as deep as both sides are objects or arrays. */
function differingPointers(before: unknown, after: unknown, pointer = ''): string[] {
  if (isDeepStrictEqual(before, after)) return [];
  const bothObjects = isObject(before) && isObject(after);
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if (!bothObjects && !bothArrays) return [pointer];
  const keys = bothArrays
    ? Array.from({ length: Math.max((before as unknown[]).length, (after as unknown[]).length) }, (_, index) => String(index))
    : unionKeys(before, after);
  return keys.flatMap((key) =>
    differingPointers(ownValue(before, key), ownValue(after, key), `${pointer}/${escapeSegment(key)}`)
  );
}
