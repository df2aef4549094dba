// Every query parameter the contract names for a list operation reaches the server under its
// wire name and is accepted: the parameters come from the spec, so one it adds is tested as is.
import type { QueryUpgradePackageListInDTO, QueryUpgradeSubTaskInDTO, QueryUpgradeTaskListInDTO } from '@iodm-northbound/client';
import { describe, expect, it } from 'vitest';
import { operationsOf, type SuiteContext } from './harness.js';
import { ANY_TASK_ID, PACKAGE_LIST, SUBTASKS, TASK_LIST } from './operations.js';
import { sampleQuery } from './sample-query.js';

export function defineQueryParameterTests({ harness, freshToken }: SuiteContext): void {
  describe('the query parameters the contract names', () => {
    it.each([SUBTASKS, PACKAGE_LIST, TASK_LIST] as const)("%s sends every one of them through the Python SDK's call shape", async (operation) => {
      const token = await freshToken();
      const { client, exchanges: own } = harness({ accessToken: token });
      const query = sampleQuery(operation);
      const page =
        operation === SUBTASKS
          ? await client.queryUpgradeSubTask(query as QueryUpgradeSubTaskInDTO, ANY_TASK_ID, token)
          : operation === PACKAGE_LIST
            ? await client.queryUpgradePackageList(query as QueryUpgradePackageListInDTO, token)
            : await client.queryUpgradeTaskList(query as QueryUpgradeTaskListInDTO, token);
      expect(operationsOf(own)).toEqual([operation]);
      expect(Object.fromEntries(own[0]!.url.searchParams)).toEqual(Object.fromEntries(Object.entries(query).map(([name, value]) => [name, String(value)])));
      expect(page).toEqual(own[0]!.body);
    });
  });
}
