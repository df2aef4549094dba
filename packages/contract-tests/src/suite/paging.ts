// The auto-pager against a task with more than one page.
import { describe, expect, it } from 'vitest';
import type { SuiteContext } from './harness.js';
import { SUBTASKS } from './operations.js';
import type { Json } from '../schema.js';
import { SUITE_PAGE_SIZE } from '../target.js';


export function definePagingTests({ target, harness }: SuiteContext): void {
  describe('paging', () => {
    it('the auto-pager walks every page of a task', async () => {
      const { client, exchanges: own } = harness();
      const subtasks = await client.listSubTasks(target.pagedTaskId, { pageSize: SUITE_PAGE_SIZE }).toArray();
      const pages = own.filter((e) => e.operationId === SUBTASKS);
      const totalCount = (pages[0]!.body as Json).totalCount as number;
      expect(totalCount).toBeGreaterThan(SUITE_PAGE_SIZE);
      expect(pages.length).toBe(Math.ceil(totalCount / SUITE_PAGE_SIZE));
      expect(pages.map((p) => p.url.searchParams.get('pageNo'))).toEqual(pages.map((_, i) => String(i)));
      expect(subtasks).toHaveLength(totalCount);
      expect(new Set(subtasks.map((s) => s.subOperationId)).size).toBe(totalCount);
    });

    it('the auto-pager keeps the status filter on every page', async () => {
      const { client, exchanges: own } = harness();
      const failed = await client.listSubTasks(target.pagedTaskId, { status: 'fail', pageSize: 2 }).toArray();
      const pages = own.filter((e) => e.operationId === SUBTASKS);
      expect(pages.every((p) => p.url.searchParams.get('subOperationStatus') === 'fail')).toBe(true);
      expect(failed).toHaveLength((pages[0]!.body as Json).totalCount);
      expect(failed.every((s) => s.status === 'fail')).toBe(true);
    });

    it('pages() yields the pages in order', async () => {
      const { client } = harness();
      const pageNumbers: number[] = [];
      for await (const page of client.listSubTasks(target.pagedTaskId, { pageSize: 5 }).pages()) pageNumbers.push(page.pageNo);
      expect(pageNumbers.length).toBeGreaterThan(0);
      expect(pageNumbers).toEqual(pageNumbers.map((_, i) => i));
    });
  });
}
