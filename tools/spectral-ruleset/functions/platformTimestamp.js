// The platform sends times as compact UTC strings (yyyyMMdd'T'HHmmss'Z'), not RFC 3339:
// a *Time field typed as date-time would make clients reject every real response. The pattern is
// `timestamp.pattern` of the platform facts table (packages/spec/facts/platform-api.yaml).
import { createRulesetFunction } from '@stoplight/spectral-core';
import { platformFacts } from '@iodm-northbound/spec/platform-facts';

const { pattern } = platformFacts.timestamp;

/**
 * The schema itself or, after $ref resolution, one of its allOf members (PlatformTimestamp).
 * @param {import('./types.js').Json} schema
 * @param {string} key
 * @param {unknown} value
 */
function carries(schema, key, value) {
  if (schema?.[key] === value) return true;
  return Array.isArray(schema?.allOf) && schema.allOf.some((/** @type {import('./types.js').Json} */ member) => member?.[key] === value);
}

export default createRulesetFunction(
  { input: { type: 'object' }, options: null },
  /**
   * @param {import('./types.js').Json} schema
   * @param {null} _options
   * @param {import('./types.js').FunctionContext} context
   * @returns {import('./types.js').FunctionResult[]}
   */
  (schema, _options, { path }) => {
    const results = [];
    if (!carries(schema, 'type', 'string')) {
      results.push({ message: 'Timestamp must be a string in the platform format (yyyyMMdd\'T\'HHmmss\'Z\').', path });
    }
    if (!carries(schema, 'pattern', pattern)) {
      results.push({ message: `Timestamp must carry the platform pattern ${pattern} (directly or via PlatformTimestamp).`, path });
    }
    if (schema.format !== undefined || schema.allOf?.some((/** @type {import('./types.js').Json} */ member) => member?.format !== undefined)) {
      results.push({ message: 'Timestamp must not declare a format: the platform\'s compact form is not RFC 3339 date-time.', path });
    }
    return results;
  },
);
