// The platform checks app_key AND the bearer token on every northbound call (one requirement
// holding both schemes), while login and refresh take no token at all. The groups are `security`
// of the platform facts table (packages/spec/facts/platform-api.yaml).
import { createRulesetFunction } from '@stoplight/spectral-core';
import { platformFacts } from '@iodm-northbound/spec/platform-facts';

/** @param {unknown} a @param {unknown} b */
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Scheme names sorted so that key order in the document does not matter.
 * @param {Array<Record<string, unknown> | null | undefined>} security
 */
const normalize = (security) =>
  security.map((requirement) =>
    Object.fromEntries(Object.entries(requirement ?? {}).sort(([a], [b]) => a.localeCompare(b))),
  );

export default createRulesetFunction(
  { input: { type: 'object' }, options: null },
  /**
   * @param {import('./types.js').Json} operation
   * @param {null} _options
   * @param {import('./types.js').FunctionContext} context
   * @returns {import('./types.js').FunctionResult[]}
   */
  (operation, _options, { path, document }) => {
    const route = String(path[1]);
    const group = platformFacts.security.find(({ pathPrefix }) => route.startsWith(pathPrefix));
    if (group === undefined) {
      return [{ message: `No security rule covers ${route}; add its path group to "security" in the platform facts table.`, path }];
    }
    const rootSecurity = /** @type {import('./types.js').Json | undefined} */ (document.data)?.security;
    const effective = operation.security ?? rootSecurity;
    if (effective === undefined || !same(normalize(effective), normalize(group.security))) {
      return [
        {
          message: `Calls under ${group.pathPrefix} must have security ${JSON.stringify(group.security)}, not ${JSON.stringify(effective ?? null)}.`,
          path: operation.security === undefined ? path : [...path, 'security'],
        },
      ];
    }
    return [];
  },
);
