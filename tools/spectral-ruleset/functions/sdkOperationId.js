// operationIds are the platform SDK's method names, each on the call the SDK makes, so teams
// migrating from the SDK find the same names in the generated client and docs. The names and
// calls are `sdkMethods` of the platform facts table (packages/spec/facts/platform-api.yaml).
import { createRulesetFunction } from '@stoplight/spectral-core';
import { platformFacts } from '@iodm-northbound/spec/platform-facts';

const methods = platformFacts.sdkMethods;

export default createRulesetFunction(
  { input: { type: 'object' }, options: null },
  /**
   * @param {import('./types.js').Json} operation
   * @param {null} _options
   * @param {import('./types.js').FunctionContext} context
   * @returns {import('./types.js').FunctionResult[]}
   */
  (operation, _options, { path }) => {
    const operationId = operation.operationId;
    if (typeof operationId !== 'string') return [];
    const idPath = [...path, 'operationId'];
    if (!/^[a-z][a-zA-Z0-9]*$/.test(operationId)) {
      return [{ message: `operationId "${operationId}" is not lowerCamelCase like the SDK's method names.`, path: idPath }];
    }
    const call = `${String(path[2]).toUpperCase()} ${String(path[1])}`;
    const expected = methods[operationId];
    if (expected === undefined) {
      return [{ message: `operationId "${operationId}" is not a platform SDK method name (known: ${Object.keys(methods).join(', ')}).`, path: idPath }];
    }
    if (expected !== call) {
      return [{ message: `SDK method "${operationId}" calls ${expected}, not ${call}.`, path: idPath }];
    }
    return [];
  },
);
