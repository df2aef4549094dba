// The stores of a mock instance start from the spec's own examples, so that a fresh mock answers
// exactly what the examples show (the package list's first page is PackagesFirstPage, ...).
import type { LoadedSpec } from '../spec.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The items the 200 examples of these operations show, one per `key` value, in example order:
 * a page's `data` items and single-item answers alike. Copies, so no instance alters the spec.
 */
export function seedItems(spec: LoadedSpec, operationIds: readonly string[], key: string): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const operationId of operationIds) {
    for (const example of spec.byId.get(operationId)?.examples.values() ?? []) {
      if (example.statusCode !== 200 || !isObject(example.value)) continue;
      const items = Array.isArray(example.value.data) ? example.value.data : [example.value];
      for (const item of items) {
        if (isObject(item) && typeof item[key] === 'string' && !byKey.has(item[key])) byKey.set(item[key], structuredClone(item));
      }
    }
  }
  return [...byKey.values()];
}
