// JSON pointers over the bundled document: the bundle only holds `#/...` refs, so resolving them
// is a walk from the root.
import type { JsonObject } from './sources.js';

export interface Located {
  value: unknown;
  /** JSON pointer of `value` in its document ('' is the root). */
  pointer: string;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function childOf(parent: Located, key: string | number): Located {
  const value = isObject(parent.value) || Array.isArray(parent.value) ? (parent.value as Record<string | number, unknown>)[key] : undefined;
  return { value, pointer: `${parent.pointer}/${escapeSegment(String(key))}` };
}

export function valueAt(document: JsonObject, pointer: string): unknown {
  let node: unknown = document;
  for (const segment of pointer.split('/').slice(1)) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[unescapeSegment(segment)];
  }
  return node;
}

/** Every ancestor of a pointer, itself included, from the root down. */
export function pointerPrefixes(pointer: string): string[] {
  const segments = pointer.split('/');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}
