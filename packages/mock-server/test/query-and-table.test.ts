// The mock's one reading of the query (query.ts) and its per-operation behaviour table.
import { describe, expect, it } from 'vitest';
import { OPERATION_BEHAVIOURS } from '../src/behaviours/operations.js';
import { readDeclaredQuery } from '../src/query.js';
import { loadSpec } from '../src/spec.js';

const subtaskQuery = async () => (await loadSpec()).byId.get('queryUpgradeSubTask')!.operation;

describe('readDeclaredQuery', () => {
  it('types integers from plain decimal and keeps strings as sent', async () => {
    const read = readDeclaredQuery(await subtaskQuery(), { pageNo: '2', pageSize: '-7', subOperationStatus: 'fail', other: 'x' });
    expect(read).toEqual({ values: { pageNo: 2, pageSize: -7, subOperationStatus: 'fail' }, canonical: { pageNo: '2', pageSize: '-7', subOperationStatus: 'fail' }, problems: [] });
  });

  it('gives Prism nothing it could read another way: odd spellings, empty and repeated values become problems', async () => {
    const read = readDeclaredQuery(await subtaskQuery(), { pageNo: '0x1', pageSize: ['1', '2'], subOperationStatus: '' });
    expect(readDeclaredQuery(await subtaskQuery(), { pageNo: '002' }).problems).toEqual(['the query parameter pageNo must be a plain decimal integer, got "002"']);
    expect(read.values).toEqual({});
    expect(read.canonical).toEqual({});
    expect(read.problems).toEqual([
      'the query parameter subOperationStatus is empty',
      'the query parameter pageNo must be a plain decimal integer, got "0x1"',
      'the query parameter pageSize is given 2 times; it takes one value',
    ]);
  });

  it('matches names exactly and ignores inherited ones', async () => {
    const query = Object.fromEntries([['PageNo', '5'], ['__proto__', '1']]);
    expect(readDeclaredQuery(await subtaskQuery(), query)).toEqual({ values: {}, canonical: {}, problems: [] });
  });
});

describe('OPERATION_BEHAVIOURS', () => {
  it('has a row only for operations of the spec (a misspelt row would never apply)', async () => {
    const operationIds = [...(await loadSpec()).byId.keys()];
    expect(operationIds).toEqual(expect.arrayContaining(Object.keys(OPERATION_BEHAVIOURS)));
  });
});
