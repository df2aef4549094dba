// The platform sends times as compact UTC strings (yyyyMMdd'T'HHmmss'Z'), not RFC 3339:
// a *Time field typed as date-time would make clients reject every real response.
import { createRulesetFunction } from '@stoplight/spectral-core';

// The schema itself or, after $ref resolution, one of its allOf members (PlatformTimestamp).
function carries(schema, key, value) {
  if (schema?.[key] === value) return true;
  return Array.isArray(schema?.allOf) && schema.allOf.some((member) => member?.[key] === value);
}

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { pattern: { type: 'string', minLength: 1 } },
      required: ['pattern'],
      additionalProperties: false,
    },
  },
  (schema, { pattern }, { path }) => {
    const results = [];
    if (!carries(schema, 'type', 'string')) {
      results.push({ message: 'Timestamp must be a string in the platform format (yyyyMMdd\'T\'HHmmss\'Z\').', path });
    }
    if (!carries(schema, 'pattern', pattern)) {
      results.push({ message: `Timestamp must carry the platform pattern ${pattern} (directly or via PlatformTimestamp).`, path });
    }
    if (schema.format !== undefined || schema.allOf?.some((member) => member?.format !== undefined)) {
      results.push({ message: 'Timestamp must not declare a format: the platform\'s compact form is not RFC 3339 date-time.', path });
    }
    return results;
  },
);
