// The security schemes are the platform's: every attribute `securitySchemes` of the platform facts
// table (packages/spec/facts/platform-api.yaml) states, checked with Spectral's own schema
// function, so the findings read like its other schema findings.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { schema } from '@stoplight/spectral-functions';
import { platformFacts } from '@iodm-northbound/spec/platform-facts';

/** A JSON Schema that holds when each scheme of the table has each of its attributes. */
const schemesSchema = {
  type: 'object',
  required: Object.keys(platformFacts.securitySchemes),
  properties: Object.fromEntries(
    Object.entries(platformFacts.securitySchemes).map(([name, { source: _source, ...attributes }]) => [
      name,
      {
        type: 'object',
        required: Object.keys(attributes),
        properties: Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, { const: value }])),
      },
    ]),
  ),
};

export default createRulesetFunction(
  { input: null, options: null },
  /**
   * @param {unknown} schemes
   * @param {null} _options
   * @param {import('./types.js').FunctionContext} context
   */
  (schemes, _options, context) => schema(schemes, { schema: schemesSchema, allErrors: true }, context),
);
