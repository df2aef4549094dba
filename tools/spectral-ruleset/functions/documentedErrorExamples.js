// Each error the platform documents for a call must appear as a named example of that call's
// error response, and no error the platform does not document may appear at all: the examples
// feed the docs, the mock server and the contract tests. The documented errors are the
// `operations.*.errors` of the platform facts table (packages/spec/facts/platform-api.yaml).
import { createRulesetFunction } from '@stoplight/spectral-core';
import { platformFacts } from '@iodm-northbound/spec/platform-facts';

/** @typedef {import('@iodm-northbound/spec/platform-facts').ErrorFact} ErrorFact */

/** @param {string} status */
const isErrorStatus = (status) => /^[45]/.test(status) || status === 'default';

/** @type {Record<string, Record<string, ErrorFact[]>>} operationId -> HTTP status -> its documented errors. */
const documentedErrors = {};
for (const [operationId, { errors }] of Object.entries(platformFacts.operations)) {
  /** @type {Record<string, ErrorFact[]>} */
  const byStatus = {};
  for (const error of errors) {
    const status = String(error.status);
    byStatus[status] = [...(byStatus[status] ?? []), error];
  }
  documentedErrors[operationId] = byStatus;
}

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { mediaType: { type: 'string' } },
      required: ['mediaType'],
      additionalProperties: false,
    },
  },
  /**
   * @param {import('./types.js').Json} operation
   * @param {{ mediaType: string }} options
   * @param {import('./types.js').FunctionContext} context
   * @returns {import('./types.js').FunctionResult[]}
   */
  (operation, { mediaType }, { path }) => {
    const { operationId } = operation;
    if (typeof operationId !== 'string') return [];
    const documented = documentedErrors[operationId];
    if (documented === undefined) {
      return [{ message: `"${operationId}" has no entry in the platform facts table of documented errors.`, path: [...path, 'operationId'] }];
    }
    /** @type {Record<string, import('./types.js').Json>} */
    const responses = operation.responses ?? {};
    const results = [];
    for (const status of Object.keys(documented)) {
      if (responses[status] === undefined) {
        results.push({ message: `"${operationId}" lacks its documented ${status} response.`, path: [...path, 'responses'] });
      }
    }
    for (const [status, response] of Object.entries(responses)) {
      if (!isErrorStatus(status)) continue;
      const responsePath = [...path, 'responses', status];
      const errors = documented[status];
      if (errors === undefined) {
        results.push({ message: `The platform documents no ${status} response for "${operationId}".`, path: responsePath });
        continue;
      }
      const examplesPath = [...responsePath, 'content', mediaType, 'examples'];
      /** @type {[string, import('./types.js').Json][]} */
      const examples = Object.entries(response?.content?.[mediaType]?.examples ?? {});
      for (const { code, desc } of errors) {
        const match = examples.find(([, example]) => example?.value?.error_code === code);
        if (match === undefined) {
          results.push({ message: `${status} of "${operationId}" has no named example for documented error_code ${code}.`, path: examplesPath });
        } else if (desc !== undefined && match[1].value.error_desc !== desc) {
          results.push({
            message: `Example "${match[0]}" must carry the documented error_desc "${desc}" for ${code}.`,
            path: [...examplesPath, match[0], 'value', 'error_desc'],
          });
        }
      }
      for (const [name, example] of examples) {
        const code = example?.value?.error_code;
        if (!errors.some((error) => error.code === code)) {
          results.push({
            message: `Example "${name}" carries error_code ${JSON.stringify(code)}, which the platform does not document for ${status} of "${operationId}".`,
            path: [...examplesPath, name],
          });
        }
      }
    }
    return results;
  },
);
