// JSON pointers over the bundled document: the bundle only holds `#/...` refs, so resolving them
// is a walk from the root.
import { escapePointerSegment, resolvePointer, SpecPointerError } from '@iodm-northbound/spec';
import type { JsonObject } from './sources.js';

export interface Located {
  value: unknown;
  /** JSON pointer of `value` in its document ('' is the root). */
  pointer: string;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** One reference token escaped for a pointer (the one implementation lives in @iodm-northbound/spec). */
/** A member of an object by its own key (never one of Object.prototype's), or undefined. */
export function ownValue(value: unknown, key: string): unknown {
  return (isObject(value) || Array.isArray(value)) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export function escapeSegment(segment: string): string {
  return escapePointerSegment(segment);
}

export function childOf(parent: Located, key: string | number): Located {
  const container = parent.value;
  // Own keys only: a field named `constructor` is absent from an object that does not list it.
  const value =
    (isObject(container) || Array.isArray(container)) && Object.hasOwn(container, key) ? (container as Record<string | number, unknown>)[key] : undefined;
  return { value, pointer: `${parent.pointer}/${escapeSegment(String(key))}` };
}

/**
 * The value at a pointer, or undefined where it names nothing: the gate compares any two
 * documents, broken ones included, so a missing node is an answer, not an error.
 */
export function valueAt(document: JsonObject, pointer: string): unknown {
  try {
    return resolvePointer(document, pointer);
  } catch (error) {
    if (error instanceof SpecPointerError) return undefined;
    throw error;
  }
}

/** Every ancestor of a pointer, itself included, from the root down. */
export function pointerPrefixes(pointer: string): string[] {
  const segments = pointer.split('/');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}
