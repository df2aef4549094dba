// The subtask query through the client: login first, the query parameters the contract names,
// and the Python SDK's call shape.
import { describe, expect, it } from 'vitest';
import { operationsOf, type SuiteContext } from './harness.js';
import { ANY_TASK_ID, LOGIN, SUBTASKS } from './operations.js';
import type { Json } from '../schema.js';


export function defineQueryingTests({ target, harness, freshToken }: SuiteContext): void {
  describe('the subtask query through the client', () => {
    it('logs in, then answers a page the contract defines', async () => {
      const { client, exchanges: own } = harness();
      const page = await client.querySubTasks(ANY_TASK_ID);
      expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS]);
      expect(page).toEqual(own[1]!.body);
      expect(own[1]!.requestHeaders.get('app_key')).toBe(target.appId);
      expect(own[1]!.requestHeaders.get('authorization')).toBe(`Bearer ${(own[0]!.body as Json).accessToken}`);
    });

    it('sends the status filter as subOperationStatus, with the paging', async () => {
      const { client, exchanges: own } = harness();
      await client.querySubTasks(target.pagedTaskId, { status: 'fail', pageNo: 1, pageSize: 2 });
      const sent = own[1]!.url.searchParams;
      expect(Object.fromEntries(sent)).toEqual({ subOperationStatus: 'fail', pageNo: '1', pageSize: '2' });
    });

    it("answers through the Python SDK's call shape with the caller's token", async () => {
      const token = await freshToken();
      const { client, exchanges: own } = harness({ accessToken: token });
      const page = await client.queryUpgradeSubTask({ pageNo: 0, pageSize: 10, subOperationStatus: null }, ANY_TASK_ID, token);
      expect(operationsOf(own)).toEqual([SUBTASKS]);
      expect(page).toEqual(own[0]!.body);
    });
  });
}
