// Bodies may only use the media types the platform speaks: its errors are plain JSON, never
// problem+json, and only the login call takes a form-encoded body. The allowed types are the
// request and response content types of the operations in the platform facts table
// (packages/spec/facts/platform-api.yaml).
import { createRulesetFunction } from '@stoplight/spectral-core';
import { platformFacts } from '@iodm-northbound/spec/platform-facts';

const operations = Object.values(platformFacts.operations);
/** @type {Record<'request' | 'response', string[]>} */
const allowedFor = {
  request: [...new Set(operations.flatMap((row) => (row.requestBody === null ? [] : [row.requestBody.contentType])))].sort(),
  response: [...new Set(operations.flatMap((row) => (row.response === null ? [] : [row.response.contentType])))].sort(),
};

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { of: { enum: ['request', 'response'] } },
      required: ['of'],
      additionalProperties: false,
    },
  },
  /**
   * @param {import('./types.js').Json} content
   * @param {{ of: 'request' | 'response' }} options
   * @param {import('./types.js').FunctionContext} context
   * @returns {import('./types.js').FunctionResult[]}
   */
  (content, { of }, { path }) => {
    const allowed = allowedFor[of];
    return Object.keys(content)
      .filter((mediaType) => !allowed.includes(mediaType))
      .map((mediaType) => ({
        message: `Media type "${mediaType}" is not one the platform uses here (allowed: ${allowed.join(', ')}).`,
        path: [...path, mediaType],
      }));
  },
);
