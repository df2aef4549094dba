// The upgrade tasks through the client, without scenarios: safe on any provider (reads only).
// Creating a task is in task-scenarios.ts, behind the write opt-in.
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { operationsOf, type SuiteContext } from './harness.js';
import { TASK, TASK_LIST } from './operations.js';

export function defineTaskTests({ target, harness, freshToken }: SuiteContext): void {
  // A task the server knows: the provider's NORTHBOUND_TASK_ID; on the mock, whichever task it
  // lists first (a stateful mock need not know the subtask paging id as a task).
  const knownTaskId = async (client: ReturnType<typeof harness>['client']): Promise<string> =>
    target.kind === 'provider' ? target.pagedTaskId : ((await client.queryTasks({ pageSize: 1 })).data[0]?.operationId ?? target.pagedTaskId);

  describe('upgrade tasks through the client', () => {
    it('a task the server knows can be queried by its operationId', async () => {
      const { client, exchanges: own } = harness();
      const operationId = await knownTaskId(client);
      const task = await client.getTask(operationId);
      expect(operationsOf(own).at(-1)).toBe(TASK);
      expect(own.at(-1)!.url.pathname.endsWith(`/operations/${encodeURIComponent(operationId)}`)).toBe(true);
      expect(task).toEqual(own.at(-1)!.body);
    });

    it('lists the tasks page by page with the status filter kept (spelt failed)', async () => {
      const { client, exchanges: own } = harness();
      const tasks = await client.listTasks({ status: 'failed', pageSize: pagingOf(TASK_LIST).pageSize.maximum }).toArray();
      const pages = own.filter((e) => e.operationId === TASK_LIST);
      expect(pages.every((p) => p.url.searchParams.get('operationStatus') === 'failed')).toBe(true);
      expect(pages.map((p) => p.url.searchParams.get('pageNo'))).toEqual(pages.map((_, i) => String(i)));
      expect(tasks.every((t) => typeof t.operationId === 'string')).toBe(true);
    });

    it("answers the Python SDK's call shapes with the caller's token", async () => {
      const token = await freshToken();
      const { client, exchanges: own } = harness({ accessToken: token });
      const page = await client.queryUpgradeTaskList({ operationType: null, operationStatus: null, deviceId: null, pageNo: '0', pageSize: '10' }, token);
      const operationId = target.kind === 'provider' ? target.pagedTaskId : (page.data[0]?.operationId ?? target.pagedTaskId);
      const task = await client.queryUpgradeTask(operationId, token);
      expect(operationsOf(own)).toEqual([TASK_LIST, TASK]);
      expect(page).toEqual(own[0]!.body);
      expect(task).toEqual(own[1]!.body);
    });
  });
}
