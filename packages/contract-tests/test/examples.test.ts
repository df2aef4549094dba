// The building blocks under the suite: the spec's named examples (refs followed through the spec
// package's followRefs), how the closing coverage test names a response, and the deprecated loader.
import { loadSpec, SpecPointerError } from '@iodm-northbound/spec';
import { describe, expect, it } from 'vitest';
import { loadBundledSpec } from '../src/index.js';
import { createResponseValidator } from '../src/schema.js';
import { responseKey } from '../src/suite/harness.js';
import { contractExamples } from '../src/suite/index.js';

/** A one-operation document whose response and example are both reached through $refs. */
function documentWith(exampleRef: string) {
  return {
    paths: { '/things/{id}': { get: { operationId: 'getThing', responses: { '404': { $ref: '#/components/responses/NotFound' } } } } },
    components: {
      responses: { NotFound: { description: 'no such thing', content: { 'application/json': { examples: { Gone: { $ref: exampleRef } } } } } },
      examples: { Gone: { value: { error_code: '123009', error_desc: 'gone' } } },
    },
  };
}

describe('contractExamples', () => {
  it('lists every named example of the bundled spec with its operation and status', () => {
    const examples = contractExamples(loadSpec());
    expect(examples.length).toBeGreaterThan(10);
    // Each of the ten operations has at least one named example.
    expect(new Set(examples.map((e) => e.operationId)).size).toBe(10);
    for (const example of examples) {
      expect([
        'getAuthToken',
        'refreshAuthToken',
        'queryUpgradeSubTask',
        'queryUpgradePackageList',
        'queryUpgradePackage',
        'deleteUpgradePackage',
        'createFirmwareUpgradeTask',
        'createSoftwareUpgradeTask',
        'queryUpgradeTask',
        'queryUpgradeTaskList',
      ]).toContain(example.operationId);
      expect(Number.isInteger(example.status)).toBe(true);
      expect(example.value).toBeTypeOf('object');
    }
  });

  it('follows a $ref to the response and a $ref to the example', () => {
    expect(contractExamples(documentWith('#/components/examples/Gone'))).toEqual([
      { operationId: 'getThing', status: 404, key: 'Gone', value: { error_code: '123009', error_desc: 'gone' } },
    ]);
  });

  it('throws a SpecPointerError for a $ref that names nothing', () => {
    expect(() => contractExamples(documentWith('#/components/examples/Missing'))).toThrow(SpecPointerError);
  });
});

describe('createResponseValidator on a document with a dangling response $ref', () => {
  it('throws a SpecPointerError naming the ref, not a TypeError', () => {
    const document = documentWith('#/components/examples/Gone');
    document.paths['/things/{id}'].get.responses['404'].$ref = '#/components/responses/Nowhere';
    const validator = createResponseValidator(document);
    const check = () => validator.check({ method: 'GET', path: '/things/7', status: 404, contentType: 'application/json', body: {} });
    expect(check).toThrow(SpecPointerError);
    expect(check).toThrow(/#\/components\/responses\/Nowhere/);
  });
});

describe('responseKey', () => {
  it('names a response by operation, status and error code', () => {
    expect(responseKey('queryUpgradeSubTask', 403, { error_code: '1010005', error_desc: 'x' })).toBe('queryUpgradeSubTask 403 1010005');
  });

  it('leaves out an error code that is missing or not a string', () => {
    expect(responseKey('getAuthToken', 200, { accessToken: 'a' })).toBe('getAuthToken 200');
    expect(responseKey('getAuthToken', 400, { error_code: 102202 })).toBe('getAuthToken 400');
    expect(responseKey(undefined, 500, 'Internal error')).toBe('undefined 500');
  });
});

describe('loadBundledSpec (deprecated)', () => {
  it('is loadSpec: a fresh copy of the bundled spec on every call', () => {
    const first = loadBundledSpec();
    expect(first).toEqual(loadSpec());
    first.info.version = 'mutated';
    expect(loadBundledSpec().info.version).not.toBe('mutated');
  });
});
