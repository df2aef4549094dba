// The gate's walk over two documents, on the spec package's JSON-pointer helpers (which read no
// file at import). What is the gate's own: a missing node is an answer, not an error.
import { escapePointerSegment, type Located, resolvePointer, SpecPointerError } from '@iodm-northbound/spec/pointer';
import type { JsonObject } from './sources.js';

export type { Located } from '@iodm-northbound/spec/pointer';

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A member of an object or array by its own key (never one of Object.prototype's), or undefined. */
export function ownValue(value: unknown, key: string | number): unknown {
  return (isObject(value) || Array.isArray(value)) && Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
}

/** The pointer of a member of the node at `pointer`. */
export function memberPointer(pointer: string, key: string | number): string {
  return `${pointer}/${escapePointerSegment(key)}`;
}

export function childOf(parent: Located, key: string | number): Located {
  // Own keys only: a field named `constructor` is absent from an object that does not list it.
  return { value: ownValue(parent.value, key), pointer: memberPointer(parent.pointer, key) };
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
