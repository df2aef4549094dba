// The mock's one pager: the platform's page shape at the edges of a list.
import { describe, expect, it } from 'vitest';
import { indexedSource, pageOf } from '../src/paging.js';

const letters = ['a', 'b', 'c', 'd', 'e'];

describe('pageOf', () => {
  it('answers an empty list with an empty first page and a total of 0', () => {
    expect(pageOf([], { pageNo: 0, pageSize: 10 })).toEqual({ pageNo: 0, pageSize: 10, totalCount: 0, data: [] });
  });

  it('pages in order, the last page partial, with the whole total on every page', () => {
    expect(pageOf(letters, { pageNo: 0, pageSize: 2 })).toEqual({ pageNo: 0, pageSize: 2, totalCount: 5, data: ['a', 'b'] });
    expect(pageOf(letters, { pageNo: 1, pageSize: 2 })).toEqual({ pageNo: 1, pageSize: 2, totalCount: 5, data: ['c', 'd'] });
    expect(pageOf(letters, { pageNo: 2, pageSize: 2 })).toEqual({ pageNo: 2, pageSize: 2, totalCount: 5, data: ['e'] });
  });

  it('answers a page past the end empty, keeping the asked pageNo and the total (the largest pageNo too)', () => {
    expect(pageOf(letters, { pageNo: 3, pageSize: 2 })).toEqual({ pageNo: 3, pageSize: 2, totalCount: 5, data: [] });
    expect(pageOf(letters, { pageNo: 2_147_483_647, pageSize: 100 })).toEqual({ pageNo: 2_147_483_647, pageSize: 100, totalCount: 5, data: [] });
  });

  it('gives a whole page when the list is a multiple of the page size, and then an empty one', () => {
    expect(pageOf(letters.slice(0, 4), { pageNo: 1, pageSize: 2 }).data).toEqual(['c', 'd']);
    expect(pageOf(letters.slice(0, 4), { pageNo: 2, pageSize: 2 }).data).toEqual([]);
  });

  it('makes only the items of the page from a list computed by index', () => {
    const made: number[] = [];
    const squares = indexedSource(1_000_000, (index) => {
      made.push(index);
      return index * index;
    });
    expect(pageOf(squares, { pageNo: 3, pageSize: 3 })).toEqual({ pageNo: 3, pageSize: 3, totalCount: 1_000_000, data: [81, 100, 121] });
    expect(made).toEqual([9, 10, 11]);
    expect(pageOf(indexedSource(10, (index) => index), { pageNo: 3, pageSize: 3 }).data).toEqual([9]);
    expect(pageOf(indexedSource(10, (index) => index), { pageNo: 4, pageSize: 3 }).data).toEqual([]);
  });
});
