// openapi-diff compares only `paths` (and top-level x- properties), and spends about a second of
// Ajv compiling per body of our spec, unchanged ones included. A path item that reads the same on
// both sides, `$ref`s followed, gives it nothing to report, so the gate leaves those out of both
// documents before asking it.
import { isObject, valueAt } from './pointer.js';
import type { JsonObject } from './sources.js';

/** Both documents with only the path items that differ (or exist on one side) under `paths`. */
export function withoutUnchangedPaths(before: JsonObject, after: JsonObject): { before: JsonObject; after: JsonObject } {
  const beforePaths = isObject(before.paths) ? before.paths : {};
  const afterPaths = isObject(after.paths) ? after.paths : {};
  const unchanged = new Set(
    Object.keys(beforePaths).filter(
      (key) => Object.hasOwn(afterPaths, key) && readsTheSame({ before, after, seen: new Set() }, beforePaths[key], afterPaths[key])
    )
  );
  const keep = (paths: JsonObject) => Object.fromEntries(Object.entries(paths).filter(([key]) => !unchanged.has(key)));
  return {
    before: 'paths' in before ? { ...before, paths: keep(beforePaths) } : before,
    after: 'paths' in after ? { ...after, paths: keep(afterPaths) } : after,
  };
}

interface Walk {
  before: JsonObject;
  after: JsonObject;
  /** `$ref` pairs being compared: met again (a recursive schema), they count as equal so far. */
  seen: Set<string>;
}

/**
 * Deep equality with internal `$ref`s followed on both sides. When unsure (a `$ref` with
 * siblings against an inline value, a `$ref` that names nothing) it says "differs": that only
 * costs openapi-diff time, never a finding.
 */
function readsTheSame(walk: Walk, b: unknown, a: unknown): boolean {
  const bRef = internalRef(b);
  const aRef = internalRef(a);
  if (bRef !== undefined || aRef !== undefined) return sameReferenced(walk, b, bRef, a, aRef);
  if (Array.isArray(b) || Array.isArray(a)) {
    return Array.isArray(b) && Array.isArray(a) && b.length === a.length && b.every((item, index) => readsTheSame(walk, item, a[index]));
  }
  if (isObject(b) || isObject(a)) {
    if (!isObject(b) || !isObject(a)) return false;
    const keys = Object.keys(b);
    return keys.length === Object.keys(a).length && keys.every((key) => Object.hasOwn(a, key) && readsTheSame(walk, b[key], a[key]));
  }
  return Object.is(b, a);
}

function sameReferenced(walk: Walk, b: unknown, bRef: string | undefined, a: unknown, aRef: string | undefined): boolean {
  const siblings = (value: unknown) => (isObject(value) ? Object.keys(value).filter((key) => key !== '$ref') : []);
  if (bRef === undefined || aRef === undefined) {
    // One side inline: equal only to a bare `$ref` whose target reads the same.
    if (siblings(bRef === undefined ? a : b).length > 0) return false;
  } else {
    const [bSiblings, aSiblings] = [siblings(b), siblings(a)];
    if (bSiblings.length !== aSiblings.length) return false;
    if (!bSiblings.every((key) => readsTheSame(walk, (b as JsonObject)[key], (a as JsonObject)[key]))) return false;
  }
  const pair = `${bRef ?? ''}\n${aRef ?? ''}`;
  if (walk.seen.has(pair)) return true;
  walk.seen.add(pair);
  const bTarget = bRef === undefined ? b : valueAt(walk.before, bRef);
  const aTarget = aRef === undefined ? a : valueAt(walk.after, aRef);
  if (bTarget === undefined || aTarget === undefined) return false;
  return readsTheSame(walk, bTarget, aTarget);
}

/** The JSON pointer of an internal `$ref` (`#/components/...`), undefined for anything else. */
function internalRef(value: unknown): string | undefined {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#')) return undefined;
  return value.$ref.slice(1);
}
