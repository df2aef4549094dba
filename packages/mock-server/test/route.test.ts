// Which operation a request is for, when templates overlap: the concrete path wins, as in the
// spec package's router (OpenAPI matches concrete paths before templated ones).
import { createRouter } from '@iodm-northbound/spec/routes';
import { describe, expect, it } from 'vitest';
import { allowedMethods, findOperation, matchOperation } from '../src/route.js';
import type { HttpOperation, LoadedSpec } from '../src/spec.js';

/** Just the fields routing reads; Prism's operation objects carry many more. */
function operation(method: string, path: string, id: string): HttpOperation {
  return { method, path, id, iid: id, responses: [], request: {}, servers: [], security: [] } as unknown as HttpOperation;
}

// The templated path is listed first, so only the placeholder rule can pick the concrete one.
const operations = [
  operation('get', '/tasks/{operationId}', 'getTask'),
  operation('get', '/tasks/summary', 'getSummary'),
  operation('get', '/tasks/{operationId}/sub/{subId}', 'getSub'),
  operation('delete', '/tasks/{operationId}', 'deleteTask'),
];
const spec: LoadedSpec = { operations, byId: new Map() };
const document = {
  paths: {
    '/tasks/{operationId}': { get: { operationId: 'getTask' }, delete: { operationId: 'deleteTask' } },
    '/tasks/summary': { get: { operationId: 'getSummary' } },
    '/tasks/{operationId}/sub/{subId}': { get: { operationId: 'getSub' } },
  },
};

describe('routing a request to its operation', () => {
  it('prefers the concrete path over a template that also fits, like the spec router', () => {
    const router = createRouter(document);
    for (const path of ['/tasks/summary', '/tasks/abc', '/tasks/abc/sub/def', '/tasks/abc/other']) {
      expect(findOperation(spec, 'get', path)?.id, path).toBe(router.match('get', path)?.operationId);
    }
    expect(findOperation(spec, 'get', '/tasks/summary')?.id).toBe('getSummary');
    expect(findOperation(spec, 'get', '/tasks/abc')?.id).toBe('getTask');
  });

  it('matches on the method too, and decodes the path parameters', () => {
    expect(findOperation(spec, 'delete', '/tasks/summary')?.id).toBe('deleteTask');
    expect(findOperation(spec, 'post', '/tasks/abc')).toBeUndefined();
    expect(matchOperation(spec, 'get', '/tasks/a%2Fb/sub/%E2%9C%93')).toEqual({ operation: operations[2], pathParams: { operationId: 'a/b', subId: '✓' } });
    expect(allowedMethods(spec, '/tasks/abc')).toEqual(['DELETE', 'GET']);
  });
});
