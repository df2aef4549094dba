// The safety net: every difference between the documents that no check looked at is reported,
// as an unused component or as a change no check classifies.
import { isDeepStrictEqual } from 'node:util';
import { pointerFrom, unescapePointerSegment } from '@iodm-northbound/spec/pointer';
import { code, type Finding } from '../findings.js';
import { isObject, memberPointer, ownValue, pointerPrefixes, valueAt } from '../pointer.js';
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
    const [top, section, name] = pointer.split('/').slice(1).map(unescapePointerSegment);
    if (top === 'components' && section !== undefined) {
      // A components section added or removed whole (`/components/schemas`) is told entry by entry.
      const entries = name === undefined ? sectionEntries(before, after, pointer) : [name];
      for (const entry of entries) {
        const componentPointer = pointerFrom(['components', section, entry]);
        const change = valueAt(before, componentPointer) === undefined ? 'added' : valueAt(after, componentPointer) === undefined ? 'removed' : 'changed';
        const subject = code(`components.${section}.${entry}`);
        groups.set(componentPointer, finding('unused-component-changed', change, subject, 'no operation refers to it, so no client sees it'));
      }
      if (entries.length > 0) continue;
    }
    groups.set(pointer, finding('unclassified-change', '', code(`#${pointer}`)));
  }
  return [...groups.values()];
}

/** The names of a components section's entries that differ between the documents. */
function sectionEntries(before: JsonObject, after: JsonObject, pointer: string): string[] {
  const sb = valueAt(before, pointer);
  const sa = valueAt(after, pointer);
  if ((sb !== undefined && !isObject(sb)) || (sa !== undefined && !isObject(sa))) return [];
  return unionKeys(sb, sa).filter((name) => !isDeepStrictEqual(ownValue(sb, name), ownValue(sa, name)));
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
    differingPointers(ownValue(before, key), ownValue(after, key), memberPointer(pointer, key))
  );
}
