// A response body without a named example leaves the docs, the mock server and the contract
// tests guessing; oas3-valid-media-example validates examples but does not require any.
import { createRulesetFunction } from '@stoplight/spectral-core';

export default createRulesetFunction(
  { input: { type: 'object' }, options: null },
  /**
   * @param {import('./types.js').Json} media
   * @param {null} _options
   * @param {import('./types.js').FunctionContext} context
   * @returns {import('./types.js').FunctionResult[]}
   */
  (media, _options, { path }) => {
    const examples = media.examples;
    if (examples === undefined || examples === null || Object.keys(examples).length === 0) {
      return [{ message: 'Response body has no named example (use "examples", not "example").', path }];
    }
    return Object.entries(examples)
      .filter(([, example]) => example === null || typeof example !== 'object' || !('value' in example))
      .map(([name]) => ({
        message: `Named example "${name}" has no inline "value", so it cannot be validated against the schema.`,
        path: [...path, 'examples', name],
      }));
  },
);
