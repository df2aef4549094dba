import { describe, expect, it } from 'vitest';
import spec, { compilePathTemplate, createRouter } from '@iodm-northbound/spec';

const SUBTASKS = '/iodm/northbound/v1.5.0/operations/{operationId}/subOperations';

describe('compilePathTemplate', () => {
  const matches = compilePathTemplate(SUBTASKS);

  it('gives the path parameters of a path that fits, still percent-encoded', () => {
    expect(matches('/iodm/northbound/v1.5.0/operations/abc/subOperations')).toEqual({ operationId: 'abc' });
    expect(matches('/iodm/northbound/v1.5.0/operations/a%2Fb/subOperations')).toEqual({ operationId: 'a%2Fb' });
  });

  it.each([
    ['an empty segment', '/iodm/northbound/v1.5.0/operations//subOperations'],
    ['two segments for one parameter', '/iodm/northbound/v1.5.0/operations/a/b/subOperations'],
    ['a trailing slash', '/iodm/northbound/v1.5.0/operations/abc/subOperations/'],
    ['another character where the template has a dot', '/iodm/northbound/v1x5.0/operations/abc/subOperations'],
    ['a prefix of the path', '/iodm/northbound/v1.5.0/operations/abc'],
  ])('does not match %s', (_label, path) => {
    expect(matches(path)).toBeUndefined();
  });

  it('names several parameters', () => {
    expect(compilePathTemplate('/a/{x}/b/{y}')('/a/1/b/2')).toEqual({ x: '1', y: '2' });
    expect(compilePathTemplate('/plain')('/plain')).toEqual({});
  });
});

describe('createRouter', () => {
  it('finds the operation of each request of the bundled spec', () => {
    const router = createRouter(spec);
    const query = router.match('GET', '/iodm/northbound/v1.5.0/operations/a%2Fb/subOperations');
    expect(query).toMatchObject({
      method: 'get',
      pathTemplate: SUBTASKS,
      operationId: 'queryUpgradeSubTask',
      pointer: '/paths/~1iodm~1northbound~1v1.5.0~1operations~1{operationId}~1subOperations/get',
      params: { operationId: 'a%2Fb' },
    });
    expect(query?.operation).toBe(spec.paths[SUBTASKS]!.get);
    expect(router.match('post', '/iocm/app/sec/v1.1.0/login')?.operationId).toBe('getAuthToken');
    expect(router.match('POST', '/iocm/app/sec/v1.1.0/refreshToken')?.operationId).toBe('refreshAuthToken');
  });

  it('finds nothing for a method or path the spec lacks', () => {
    const router = createRouter(spec);
    expect(router.match('GET', '/iocm/app/sec/v1.1.0/login')).toBeUndefined();
    expect(router.match('PUT', '/iodm/northbound/v1.5.0/operations')).toBeUndefined();
    expect(router.match('GET', '/iodm/northbound/v1.5.0/devices')).toBeUndefined();
  });

  it('prefers a concrete path to a templated one, whatever the order, and skips non-operations', () => {
    const router = createRouter({
      paths: {
        '/tasks/{id}': { parameters: [], summary: 'x', get: { operationId: 'byId' } },
        '/tasks/latest': { get: { operationId: 'latest' } },
        '/broken': null,
      },
    });
    expect(router.match('GET', '/tasks/latest')?.operationId).toBe('latest');
    expect(router.match('GET', '/tasks/7')?.operationId).toBe('byId');
    expect(router.match('PARAMETERS', '/tasks/7')).toBeUndefined();
    expect(router.match('GET', '/broken')).toBeUndefined();
  });

  it('copes with a document without paths', () => {
    expect(createRouter({}).match('GET', '/')).toBeUndefined();
  });
});
