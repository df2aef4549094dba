// A schema with its `allOf` merged in, so that a field moved into or out of an allOf is not a change.
import { childOf, isObject, type Located } from '../pointer.js';
import type { Comparison, Side } from './context.js';
import { keysOf } from './describe.js';

export interface FlatSchema {
  /** Every keyword except properties/required/allOf, each with where it came from. */
  keywords: Map<string, Located>;
  properties: Map<string, Located>;
  required: Set<string>;
}

export function flatten(context: Comparison, side: Side, schema: Located, depth = 0): FlatSchema {
  const flat: FlatSchema = { keywords: new Map(), properties: new Map(), required: new Set() };
  if (!isObject(schema.value)) {
    if (schema.value !== undefined) flat.keywords.set('(schema)', schema);
    return flat;
  }
  const parts: Located[] = [];
  const allOf = childOf(schema, 'allOf');
  context.cover(allOf);
  if (Array.isArray(allOf.value) && depth < 32) {
    for (const index of allOf.value.keys()) parts.push(context.resolve(side, childOf(allOf, index)));
  }
  // Subschemas first, so the schema's own keywords (its description, say) win.
  for (const part of parts) {
    const sub = flatten(context, side, part, depth + 1);
    for (const [key, value] of sub.keywords) flat.keywords.set(key, value);
    for (const [name, value] of sub.properties) flat.properties.set(name, value);
    for (const name of sub.required) flat.required.add(name);
  }
  for (const key of Object.keys(schema.value)) {
    const located = childOf(schema, key);
    if (key === 'allOf' || key === '$ref') continue;
    if (key === 'properties') {
      context.cover(located);
      for (const name of keysOf(located.value)) flat.properties.set(name, childOf(located, name));
    } else if (key === 'required') {
      context.cover(located);
      if (Array.isArray(located.value)) for (const name of located.value) flat.required.add(String(name));
    } else flat.keywords.set(key, located);
  }
  return flat;
}

/** Whether a (possibly `$ref`ed, possibly allOf-composed) schema sets a boolean keyword. */
export function hasFlag(context: Comparison, side: Side, schema: Located, keyword: 'readOnly' | 'writeOnly', depth = 0): boolean {
  // Tools honour `readOnly: true` written next to a `$ref`, although OpenAPI 3.0 says to ignore it.
  if (isObject(schema.value) && schema.value[keyword] === true) return true;
  const resolved = context.resolve(side, schema);
  if (!isObject(resolved.value) || depth > 16) return false;
  if (resolved.value[keyword] === true) return true;
  const allOf = childOf(resolved, 'allOf');
  return Array.isArray(allOf.value) && allOf.value.some((_, index) => hasFlag(context, side, childOf(allOf, index), keyword, depth + 1));
}
