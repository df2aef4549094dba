// Small helpers shared by the walker modules: key sets and values in report form.
import { code } from '../findings.js';
import { isObject } from '../pointer.js';

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function keysOf(value: unknown): string[] {
  return isObject(value) ? Object.keys(value) : [];
}

export function unionKeys(before: unknown, after: unknown): string[] {
  return [...new Set([...keysOf(before), ...keysOf(after)])];
}

export function describeValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return code(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

/** `added`, `removed` or `changed`, for details and titles. */
export function changeKind(before: unknown, after: unknown): 'added' | 'removed' | 'changed' {
  return before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
}
