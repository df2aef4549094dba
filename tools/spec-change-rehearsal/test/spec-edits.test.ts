// The edit functions produce the intended YAML, keep what they do not change (comments, block
// descriptions, key order), and refuse an edit that would change nothing.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SpecEditError, withEnumValue, withMajorVersionBump, withOwnParameter, withQueryParameter, withSchemaBounds } from '../src/spec-edits.js';

const pathFile = `parameters:
  - $ref: ../components/parameters/operationId.yaml
get:
  operationId: queryThings
  # paging is shared with the other lists
  parameters:
    - $ref: ../components/parameters/status.yaml
    - $ref: ../components/parameters/pageSize.yaml
  responses: {}
`;

const sharedPageSize = `name: pageSize
in: query
required: false
description: |
  Shared by three lists, 1 to 100.
schema:
  type: integer
  minimum: 1
  maximum: 100
  default: 10
example: 10
`;

describe('withOwnParameter', () => {
  it('replaces the shared $ref by its own copy with the new bound and description; the rest stays as written', () => {
    const edited = withOwnParameter(pathFile, '../components/parameters/pageSize.yaml', sharedPageSize, { schema: { maximum: 200 }, description: 'Own, 1 to 200.\n' });
    expect(edited).toBe(`parameters:
  - $ref: ../components/parameters/operationId.yaml
get:
  operationId: queryThings
  # paging is shared with the other lists
  parameters:
    - $ref: ../components/parameters/status.yaml
    - name: pageSize
      in: query
      required: false
      description: |
        Own, 1 to 200.
      schema:
        type: integer
        minimum: 1
        maximum: 200
        default: 10
      example: 10
  responses: {}
`);
  });

  it('refuses a path file without that $ref', () => {
    expect(() => withOwnParameter(pathFile, '../components/parameters/pageNo.yaml', sharedPageSize, { schema: {}, description: '' })).toThrow(SpecEditError);
  });
});

describe('withSchemaBounds', () => {
  const schema = 'type: object\nproperties:\n  pageSize:\n    type: integer\n    maximum: 100 # the SDKs\n';

  it('sets a bound that is there, keeping its comment', () => {
    expect(withSchemaBounds(schema, ['properties', 'pageSize'], { maximum: 200 })).toBe('type: object\nproperties:\n  pageSize:\n    type: integer\n    maximum: 200 # the SDKs\n');
  });

  it('refuses a bound that is not there (a misspelt path changes nothing)', () => {
    expect(() => withSchemaBounds(schema, ['properties', 'pagesize'], { maximum: 200 })).toThrow(/no properties\.pagesize\.maximum/);
  });
});

describe('withEnumValue', () => {
  const schema = 'type: string\nenum:\n  - wait\n  - fail\ndescription: |\n  Status:\n  - `wait`: waiting.\n  - `fail`: failed.\nexample: fail\n';

  it('adds the value and its line to the block description', () => {
    expect(withEnumValue(schema, 'cancelled', 'cancelled.')).toBe(
      'type: string\nenum:\n  - wait\n  - fail\n  - cancelled\ndescription: |\n  Status:\n  - `wait`: waiting.\n  - `fail`: failed.\n  - `cancelled`: cancelled.\nexample: fail\n',
    );
  });

  it('refuses a value already listed, and a file without an enum', () => {
    expect(() => withEnumValue(schema, 'fail', 'again')).toThrow(/already lists fail/);
    expect(() => withEnumValue('type: string\n', 'x', 'x')).toThrow(SpecEditError);
  });
});

describe('withQueryParameter', () => {
  it('appends an optional query parameter to the get operation', () => {
    const edited = parse(withQueryParameter(pathFile, { name: 'deviceType', description: 'd', schema: { type: 'string', maxLength: 64 } }));
    expect(edited.get.parameters.at(-1)).toEqual({ name: 'deviceType', in: 'query', required: false, description: 'd', schema: { type: 'string', maxLength: 64 } });
    expect(edited.get.parameters).toHaveLength(3);
  });

  it('refuses a name the operation already has inline', () => {
    const once = withQueryParameter(pathFile, { name: 'deviceType', description: 'd', schema: {} });
    expect(() => withQueryParameter(once, { name: 'deviceType', description: 'd', schema: {} })).toThrow(/already has a parameter deviceType/);
  });

  it('refuses text that is not YAML', () => {
    expect(() => withQueryParameter('get: [', { name: 'x', description: 'x', schema: {} })).toThrow(/not valid YAML/);
  });
});

describe('withMajorVersionBump', () => {
  it('sets info.version to the next major, leaving long lines unfolded', () => {
    const long = `a description longer than eighty characters ${'x'.repeat(80)}`;
    const bumped = withMajorVersionBump(`openapi: 3.0.3\ninfo:\n  title: T\n  version: 2.4.1\n  summary: ${long}\n`);
    expect(bumped).toEqual({ text: `openapi: 3.0.3\ninfo:\n  title: T\n  version: 3.0.0\n  summary: ${long}\n`, from: '2.4.1', to: '3.0.0' });
  });

  it('refuses a version that is not MAJOR.MINOR.PATCH', () => {
    expect(() => withMajorVersionBump('info:\n  version: v2\n')).toThrow(/not MAJOR\.MINOR\.PATCH/);
  });
});
