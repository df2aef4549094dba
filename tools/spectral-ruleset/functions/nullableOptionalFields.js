// The platform's Python SDK serializes every attribute of its request DTOs, so an optional field
// it leaves unset arrives as `null` ("policy": null). A JSON request body must therefore accept
// null in every optional field, at every depth, or the mock and our client reject real SDK calls.
import { createRulesetFunction } from '@stoplight/spectral-core';

/**
 * @param {import('./types.js').Json | undefined} schema
 * @param {string} key
 * @param {unknown} value
 */
const accepts = (schema, key, value) =>
  schema?.[key] === value || (Array.isArray(schema?.allOf) && schema.allOf.some((/** @type {import('./types.js').Json} */ member) => member?.[key] === value));

/**
 * The properties of a schema, its allOf members' included, with which of them are required.
 * @param {import('./types.js').Json} schema
 * @returns {{ properties: Record<string, import('./types.js').Json>, required: Set<string> }}
 */
function fieldsOf(schema) {
  const members = [schema, ...(Array.isArray(schema?.allOf) ? schema.allOf : [])];
  const properties = Object.assign({}, ...members.map((member) => member?.properties ?? {}));
  const required = new Set(members.flatMap((member) => (Array.isArray(member?.required) ? member.required : [])));
  return { properties, required };
}

/**
 * @param {unknown} schema
 * @param {import('./types.js').JsonPath} path
 * @param {Set<object>} seen
 * @param {import('./types.js').FunctionResult[]} results
 */
function check(schema, path, seen, results) {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const { properties, required } = fieldsOf(schema);
  for (const [name, field] of Object.entries(properties)) {
    const fieldPath = [...path, 'properties', name];
    if (!required.has(name) && !accepts(field, 'nullable', true)) {
      results.push({ message: `Optional field "${name}" must be nullable: the SDK sends an unset field as null.`, path: fieldPath });
    }
    check(field, fieldPath, seen, results);
    if (field?.items !== undefined) check(field.items, [...fieldPath, 'items'], seen, results);
  }
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, (schema, _options, { path }) => {
  /** @type {import('./types.js').FunctionResult[]} */
  const results = [];
  check(schema, path, new Set(), results);
  return results;
});
