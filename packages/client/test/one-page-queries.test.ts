// The one-page queries refuse a page holding more items than the pageSize asked for (without one,
// more than the largest page there is), as the auto-pager refuses such a page: a server that
// ignores pageSize cannot hand a caller an unbounded page.
import { describe, expect, it } from 'vitest';
import { createNorthboundClient, UnexpectedResponseError } from '../src/index.js';
import { appId, baseUrl, operationId, subtask } from './support/platform-fixtures.js';
import { recordingFetch } from './support/recording-fetch.js';

/** A server that answers every page with `count` items whatever the pageSize asked. */
function clientIgnoringPageSize(count: number) {
  const items = Array.from({ length: count }, (_, n) => ({ ...subtask(n), operationId: `op-${n}`, fileId: `file-${n}` }));
  const recorder = recordingFetch((request) => Response.json({ data: items, pageNo: Number(request.url.searchParams.get('pageNo') ?? 0), pageSize: 10, totalCount: count }));
  return createNorthboundClient({ baseUrl, appId, accessToken: 'caller-managed-token' }, { fetch: recorder.fetch, maxRetries: 0 });
}

describe('one-page queries and the pageSize asked for', () => {
  const client = clientIgnoringPageSize(11);
  const queries: [string, () => Promise<{ data: unknown[] }>][] = [
    ['querySubTasks', () => client.querySubTasks(operationId, { pageNo: 0, pageSize: 10 })],
    ['queryTasks', () => client.queryTasks({ pageNo: 0, pageSize: 10 })],
    ['queryPackages', () => client.queryPackages({ pageNo: 0, pageSize: 10 })],
    ['queryUpgradeSubTask (the Python SDK shape)', () => client.queryUpgradeSubTask({ pageNo: 0, pageSize: 10 }, operationId)],
    ['queryUpgradePackageList (the Python SDK shape)', () => client.queryUpgradePackageList({ pageNo: 0, pageSize: '10' })],
    ['queryUpgradeTaskList (the Python SDK shape)', () => client.queryUpgradeTaskList({ pageNo: 0, pageSize: 10 })],
  ];

  it.each(queries)('%s: 11 items to a page of 10 are refused', async (_name, query) => {
    const error = await query().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toBe(`${(error as UnexpectedResponseError).operation}: the server answered 11 items to a page of pageSize 10; refused`);
  });

  it('a page that fits is returned as it came; without a pageSize the largest page (100) is the limit', async () => {
    expect((await client.querySubTasks(operationId, { pageNo: 0, pageSize: 11 })).data).toHaveLength(11);
    expect((await client.queryPackages()).data).toHaveLength(11);
    await expect(clientIgnoringPageSize(101).queryTasks()).rejects.toThrow(/answered 101 items to a page of pageSize 100/);
  });
});
