// The platform checks app_key AND the bearer token on every northbound call (one requirement
// holding both schemes), while login and refresh take no token at all.
import { createRulesetFunction } from '@stoplight/spectral-core';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Scheme names sorted so that key order in the document does not matter.
const normalize = (security) =>
  security.map((requirement) =>
    Object.fromEntries(Object.entries(requirement ?? {}).sort(([a], [b]) => a.localeCompare(b))),
  );

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: {
        groups: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              pathPrefix: { type: 'string', pattern: '^/' },
              security: { type: 'array', items: { type: 'object' } },
            },
            required: ['pathPrefix', 'security'],
            additionalProperties: false,
          },
        },
      },
      required: ['groups'],
      additionalProperties: false,
    },
  },
  (operation, { groups }, { path, document }) => {
    const route = String(path[1]);
    const group = groups.find(({ pathPrefix }) => route.startsWith(pathPrefix));
    if (group === undefined) {
      return [{ message: `No security rule covers ${route}; add its path group to the ruleset.`, path }];
    }
    const rootSecurity = document.data?.security;
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
