// Bodies may only use the media types the platform speaks: its errors are plain JSON, never
// problem+json, and only the login call takes a form-encoded body.
import { createRulesetFunction } from '@stoplight/spectral-core';

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { allowed: { type: 'array', items: { type: 'string' }, minItems: 1 } },
      required: ['allowed'],
      additionalProperties: false,
    },
  },
  (content, { allowed }, { path }) =>
    Object.keys(content)
      .filter((mediaType) => !allowed.includes(mediaType))
      .map((mediaType) => ({
        message: `Media type "${mediaType}" is not one the platform uses here (allowed: ${allowed.join(', ')}).`,
        path: [...path, mediaType],
      })),
);
