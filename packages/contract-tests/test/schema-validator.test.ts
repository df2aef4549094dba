// The response validator the suite relies on must be able to fail: each departure from the
// contract below is reported, and every example of the spec passes.
import { dereference } from '@iodm-northbound/spec/pointer';
import { describe, expect, it } from 'vitest';
import { contractExamples } from '../src/suite/index.js';
import { createResponseValidator, type ResponseToCheck } from '../src/schema.js';

const validator = createResponseValidator();
const examples = contractExamples(validator.document);
const value = (key: string) => structuredClone(examples.find((e) => e.key === key)!.value);

const subtasks = '/iodm/northbound/v1.5.0/operations/5bf3a8c7e1d2f40001a3b4c5/subOperations';

/** The method and a concrete path of each operation, read from the spec: no operation is left out. */
function requestOf(operationId: string): { method: string; path: string } {
  for (const [template, item] of Object.entries<Record<string, any>>(validator.document.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (operation?.operationId === operationId) return { method: method.toUpperCase(), path: template.replace(/\{[^}]+\}/g, '5bf3a8c7e1d2f40001a3b4c5') };
    }
  }
  throw new Error(`no operation ${operationId} in the spec`);
}
const page = (body: unknown, status = 200): ResponseToCheck => ({ method: 'GET', path: subtasks, status, contentType: 'application/json', body });

/** The subtask page's schema as the spec has it: the bounds and values the departures below step past. */
const pageSchema = dereference(validator.document).paths['/iodm/northbound/v1.5.0/operations/{operationId}/subOperations']!.get.responses['200'].content['application/json'].schema;
const largestPage: number = pageSchema.properties.pageSize.maximum;
const subtaskStatuses: string[] = pageSchema.properties.data.items.properties.status.enum;

describe('createResponseValidator', () => {
  it.each(examples.map((e) => [e.operationId, e.key, e] as const))('%s %s conforms', (operationId, _key, example) => {
    const check = validator.check({ ...requestOf(operationId), status: example.status, contentType: 'application/json; charset=utf-8', body: example.value });
    expect(check).toEqual({ operationId, errors: [] });
  });

  it.each<[string, (body: any) => unknown, RegExp]>([
    ['a page without totalCount', (b) => ({ ...b, totalCount: undefined }), /must have required property 'totalCount'/],
    ['a pageSize over its maximum', (b) => ({ ...b, pageSize: largestPage + 1 }), new RegExp(`pageSize must be <= ${largestPage}`)],
    ["the task list's status spelling", (b) => ({ ...b, data: b.data.map((item: any, index: number) => (index === 1 ? { ...item, status: 'failed' } : item)) }), new RegExp(`data/1/status must be equal to one of the allowed values \\(${subtaskStatuses.join(', ')}\\)`)],
    ['an RFC 3339 timestamp', (b) => ({ ...b, data: [{ ...b.data[0], createTime: '2018-11-26T08:00:00Z' }, ...b.data.slice(1)] }), /data\/0\/createTime must match pattern/],
    ['a subtask without deviceId', (b) => ({ ...b, data: [{ ...b.data[0], deviceId: undefined }, ...b.data.slice(1)] }), /data\/0 must have required property 'deviceId'/],
    ['extendInfo as a JSON string', (b) => ({ ...b, data: [{ ...b.data[0], extendInfo: '{"a":1}' }, ...b.data.slice(1)] }), /data\/0\/extendInfo must be object/],
    ['a body that is not JSON', () => 'Internal error', /body must be object/],
  ])('reports %s', (_label, change, message) => {
    const check = validator.check(page(change(value('SubtasksFirstPage'))));
    expect(check.operationId).toBe('queryUpgradeSubTask');
    expect(check.errors.join('\n')).toMatch(message);
  });

  it('reports an error_code sent as a number', () => {
    const check = validator.check(page({ error_code: 123009, error_desc: 'The requested task does not exist.' }, 404));
    expect(check.errors.join('\n')).toMatch(/error_code must be string/);
  });

  it('reports a status the operation does not document (401 for a bad token)', () => {
    const check = validator.check(page(value('InvalidAccessToken'), 401));
    expect(check.errors).toEqual(['queryUpgradeSubTask does not document HTTP 401 (it documents 200, 400, 403, 404, 500)']);
  });

  it('reports a problem+json error body', () => {
    const check = validator.check({ ...page({ type: 'x', title: 'y', status: 404 }, 404), contentType: 'application/problem+json' });
    expect(check.errors).toEqual(['queryUpgradeSubTask 404: content type "application/problem+json" is not documented (application/json)']);
  });

  it('reports a request that no operation matches', () => {
    expect(validator.check({ ...page({}), path: '/iodm/northbound/v1.5.0/tasks' }).errors).toEqual([
      'no operation of the contract is GET /iodm/northbound/v1.5.0/tasks',
    ]);
    expect(validator.check({ ...page({}), method: 'PUT', path: '/iodm/northbound/v1.5.0/operations' }).operationId).toBeUndefined();
    expect(validator.check({ ...page({}), method: 'DELETE' }).operationId).toBeUndefined();
  });

  it('reports a body on the delete, which documents none', () => {
    const path = '/iodm/northbound/v1.5.0/category/5bd7e1a2c3f40001a2b3c4d5';
    expect(validator.check({ method: 'DELETE', path, status: 200, contentType: null, body: '' }).errors).toEqual([]);
    expect(validator.check({ method: 'DELETE', path, status: 200, contentType: 'application/json', body: { ok: true } }).errors).toEqual([
      'deleteUpgradePackage 200 documents no body, got one',
    ]);
  });

  it('tells which operation a request goes to', () => {
    expect(validator.operationFor('GET', '/iodm/northbound/v1.5.0/operations')).toBe('queryUpgradeTaskList');
    expect(validator.operationFor('POST', '/iodm/northbound/v1.5.0/operations/firmwareUpgrade')).toBe('createFirmwareUpgradeTask');
    expect(validator.operationFor('GET', '/iodm/northbound/v1.5.0/operations/firmwareUpgrade')).toBe('queryUpgradeTask');
    expect(validator.operationFor('DELETE', '/iodm/northbound/v1.5.0/category/x')).toBe('deleteUpgradePackage');
    expect(validator.operationFor('GET', '/iodm/northbound/v1.5.0/operations/a%2Fb/subOperations')).toBe('queryUpgradeSubTask');
    expect(validator.operationFor('POST', '/iocm/app/sec/v1.1.0/login')).toBe('getAuthToken');
    expect(validator.operationFor('GET', '/iocm/app/sec/v1.1.0/login')).toBeUndefined();
  });
});
