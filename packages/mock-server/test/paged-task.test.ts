import { formatPlatformTimestamp } from '@iodm-northbound/spec/timestamp';
import { describe, expect, it } from 'vitest';
import { PAGED_TASK_MAX_SUBTASKS, pagedTaskPage, pagedTaskSize } from '../src/paged-task.js';

describe('pagedTaskSize', () => {
  it.each([
    ['paged-0', 0],
    ['paged-7', 7],
    [`paged-${PAGED_TASK_MAX_SUBTASKS}`, PAGED_TASK_MAX_SUBTASKS],
    [`paged-${PAGED_TASK_MAX_SUBTASKS + 1}`, undefined],
    ['paged-', undefined],
    ['paged--1', undefined],
    ['5bf3a8c7e1d2f40001a3b4c5', undefined],
  ])('%s -> %s', (id, size) => {
    expect(pagedTaskSize(id)).toBe(size);
  });
});

describe('pagedTaskPage', () => {
  const all = pagedTaskPage('paged-57', 57, { pageNo: 0, pageSize: 100, status: undefined }).data;

  it.each(['wait', 'processing', 'fail', 'success', 'stop'])('filtering by %s pages through exactly the matching subtasks', (status) => {
    const expected = all.filter((s) => s.status === status);
    const paged = [];
    for (let pageNo = 0; pageNo < 10; pageNo++) {
      const page = pagedTaskPage('paged-57', 57, { pageNo, pageSize: 4, status });
      expect(page.totalCount).toBe(expected.length);
      paged.push(...page.data);
    }
    expect(paged).toEqual(expected);
  });

  it('gives a task with no subtasks an empty first page', () => {
    expect(pagedTaskPage('paged-0', 0, { pageNo: 0, pageSize: 10, status: undefined })).toEqual({ pageNo: 0, pageSize: 10, totalCount: 0, data: [] });
  });

  it('computes a far page of a large task without building the rest', () => {
    const page = pagedTaskPage('paged-100000', 100_000, { pageNo: 999, pageSize: 100, status: undefined });
    expect(page.data).toHaveLength(100);
    expect(page.data[99]).toMatchObject({ createTime: formatPlatformTimestamp(Date.UTC(2018, 10, 26, 8, 0, 0) + 99_999_000) });
  });

  it('matches nothing for a status the spec may list but the task never takes', () => {
    expect(pagedTaskPage('paged-57', 57, { pageNo: 0, pageSize: 10, status: 'cancelled' })).toEqual({ pageNo: 0, pageSize: 10, totalCount: 0, data: [] });
  });
});
