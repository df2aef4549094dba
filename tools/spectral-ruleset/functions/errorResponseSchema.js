// Every 4xx/5xx response must describe its body with the one shared error schema, so a client
// has a single error type to parse (the platform's {error_code, error_desc}).
import { createRulesetFunction } from '@stoplight/spectral-core';

/**
 * Where a resolved node came from: the file and the pointer inside it after following every $ref.
 * @param {import('./types.js').FunctionContext['documentInventory']} documentInventory
 * @param {import('./types.js').JsonPath} path
 */
function originOf(documentInventory, path) {
  const item = documentInventory.findAssociatedItemForPath(path, true);
  return item === null ? null : `${item.document.source ?? ''}#/${item.path.join('/')}`;
}

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { component: { type: 'string', minLength: 1 } },
      required: ['component'],
      additionalProperties: false,
    },
  },
  /**
   * @param {import('./types.js').Json} response
   * @param {{ component: string }} options
   * @param {import('./types.js').FunctionContext} context
   * @returns {import('./types.js').FunctionResult[]}
   */
  (response, { component }, { path, documentInventory }) => {
    const shared = originOf(documentInventory, ['components', 'schemas', component]);
    const content = response.content;
    if (content === undefined || Object.keys(content).length === 0) {
      return [{ message: `Error response has no body; it must carry the shared "${component}" schema.`, path }];
    }
    const results = [];
    for (const [mediaType, media] of Object.entries(/** @type {Record<string, import('./types.js').Json>} */ (content))) {
      const schemaPath = [...path, 'content', mediaType, 'schema'];
      if (media?.schema === undefined) {
        results.push({ message: `Error response "${mediaType}" has no schema; it must use "${component}".`, path: [...path, 'content', mediaType] });
      } else if (shared === null || originOf(documentInventory, schemaPath) !== shared) {
        results.push({ message: `Error response "${mediaType}" must use the shared "${component}" schema by $ref.`, path: schemaPath });
      }
    }
    return results;
  },
);
