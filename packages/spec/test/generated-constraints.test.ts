import { readFile } from 'node:fs/promises';
import { operationConstraints } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without declarations; it is the generator itself.
import { constraintsOf, generatedConstraintsPath, renderConstraints } from '../scripts/constraints.mjs';

describe('the generated constraints table (@iodm-northbound/spec/constraints)', () => {
  it('matches what the generator makes of the spec today (build the spec package if not)', async () => {
    const committed = await readFile(generatedConstraintsPath, 'utf8');
    expect(committed === (await renderConstraints()), 'src/generated/constraints.ts is stale: build the spec package and commit it').toBe(true);
  });

  it('imports types only, so importing it reads no file', async () => {
    const source = await readFile(generatedConstraintsPath, 'utf8');
    expect(source.match(/^\s*import\b.*$/gm)).toEqual(["import type { OperationConstraints } from '../constraint-types.js';"]);
  });

  it('holds every operation of the spec with its parameters, path-item ones included', () => {
    expect(Object.keys(operationConstraints).sort()).toContain('queryUpgradeSubTask');
    expect(operationConstraints.queryUpgradeSubTask).toMatchObject({ method: 'get', path: '/iodm/northbound/v1.5.0/operations/{operationId}/subOperations' });
    expect(operationConstraints.queryUpgradeSubTask.parameters.operationId.in).toBe('path');
  });

  it('resolves $refs, merges allOf, lets an operation parameter override the path item one, and keeps no prose', () => {
    const spec = {
      paths: {
        '/x/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          post: {
            operationId: 'makeX',
            parameters: [{ $ref: '#/components/parameters/Id' }, { name: 'size', in: 'query', schema: { allOf: [{ $ref: '#/components/schemas/Size' }], maximum: 5 } }],
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Body' } } } },
          },
        },
      },
      components: {
        parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 9, description: 'prose' } } },
        schemas: { Size: { type: 'integer', minimum: 1, maximum: 10 }, Body: { type: 'object', required: ['a'], properties: { a: { type: 'array', items: { type: 'string', maxLength: 2 }, maxItems: 3 } } } },
      },
    };
    expect(constraintsOf(spec)).toEqual({
      makeX: {
        method: 'post',
        path: '/x/{id}',
        parameters: { id: { in: 'path', required: true, schema: { type: 'string', maxLength: 9 } }, size: { in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 5 } } },
        body: { required: true, mediaType: 'application/json', schema: { type: 'object', required: ['a'], properties: { a: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 2 } } } } },
      },
    });
  });

  it('merges allOf members: properties and required united, the tighter bounds, enums intersected', () => {
    const body = (schema: unknown) => ({ paths: { '/t': { post: { operationId: 't', requestBody: { content: { 'application/json': { schema } } } } } } });
    const merged = constraintsOf(
      body({
        allOf: [
          { type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 0, maximum: 10 } } },
          { type: 'object', required: ['b'], properties: { a: { type: 'integer', minimum: 2, maximum: 20 }, b: { type: 'string', enum: ['x', 'y', 'z'] } } },
        ],
        properties: { b: { type: 'string', enum: ['y', 'z', 'w'] } },
      }),
    );
    expect(merged.t.body.schema).toEqual({ type: 'object', required: ['a', 'b'], properties: { a: { type: 'integer', minimum: 2, maximum: 10 }, b: { type: 'string', enum: ['y', 'z'] } } });
    expect(() => constraintsOf(body({ allOf: [{ type: 'string' }, { type: 'integer' }] }))).toThrow(/t body: allOf members disagree on type/);
  });

  it('refuses what it cannot reduce rather than dropping it: oneOf, anyOf, not, a pattern that is no ECMAScript regex, two parameters of one name', () => {
    const withQuery = (schema: unknown, extra: unknown[] = []) => ({ paths: { '/t': { get: { operationId: 't', parameters: [{ name: 'q', in: 'query', schema }, ...extra] } } } });
    expect(() => constraintsOf(withQuery({ oneOf: [{ type: 'string' }, { type: 'integer' }] }))).toThrow(/t parameter q: oneOf cannot become/);
    expect(() => constraintsOf(withQuery({ anyOf: [{ type: 'string' }] }))).toThrow(/anyOf/);
    expect(() => constraintsOf(withQuery({ not: { type: 'string' } }))).toThrow(/not cannot/);
    expect(() => constraintsOf(withQuery({ type: 'string', pattern: '^[a-z]\\-$' }))).toThrow(/pattern .* is not an ECMAScript/);
    expect(() => constraintsOf(withQuery({ type: 'string' }, [{ name: 'q', in: 'header', schema: { type: 'string' } }]))).toThrow(/two parameters are named q/);
  });

  it('refuses a $ref that names nothing or comes back to itself rather than crashing or looping', () => {
    const withSchema = (schema: unknown, schemas: unknown = {}) => ({ paths: { '/t': { get: { operationId: 't', parameters: [{ name: 'q', in: 'query', schema }] } } }, components: { schemas } });
    expect(() => constraintsOf(withSchema({ $ref: '#/components/schemas/Missing' }))).toThrow('$ref #/components/schemas/Missing names nothing in the bundled spec');
    expect(() => constraintsOf(withSchema({ $ref: '#/components/schemas/toString' }))).toThrow(/names nothing/);
    expect(() => constraintsOf(withSchema({ $ref: 'other.yaml#/A' }))).toThrow(/names nothing/);
    const loop = { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } };
    expect(() => constraintsOf(withSchema({ $ref: '#/components/schemas/A' }, loop))).toThrow('$ref #/components/schemas/A refers back to itself');
  });

  it('refuses a recursive schema rather than looping', () => {
    const spec = { paths: { '/t': { post: { operationId: 't', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/T' } } } } } } }, components: { schemas: { T: { type: 'object', properties: { child: { $ref: '#/components/schemas/T' } } } } } };
    expect(() => constraintsOf(spec)).toThrow(/recursive/);
  });
});
