// operationIds are the platform SDK's method names, each on the call the SDK makes, so teams
// migrating from the SDK find the same names in the generated client and docs.
import { createRulesetFunction } from '@stoplight/spectral-core';

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: {
        methods: {
          type: 'object',
          description: 'SDK method name -> "<HTTP method> <path>" of the call it makes.',
          additionalProperties: { type: 'string', pattern: '^(GET|PUT|POST|DELETE|PATCH) /' },
        },
      },
      required: ['methods'],
      additionalProperties: false,
    },
  },
  (operation, { methods }, { path }) => {
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
