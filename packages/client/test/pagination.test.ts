import { operationConstraints } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { PageIterator } from '../src/core/pagination.js';
import { createNorthboundClient, TaskNotFoundError, UnexpectedResponseError, type SubOperationInfo } from '../src/index.js';
import { appId, baseUrl, errorResponse, operationId, page, platformErrors, subtask } from './support/platform-fixtures.js';
import { recordingFetch, type Handler } from './support/recording-fetch.js';

function clientAnswering(handler: Handler) {
  const recorder = recordingFetch(handler);
  const client = createNorthboundClient({ baseUrl, appId, accessToken: 'caller-managed-token' }, { fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

/** A task with `totalCount` subtasks, paged as the platform pages them. */
const taskOf = (totalCount: number): Handler => (request) => {
  const pageSize = Number(request.url.searchParams.get('pageSize') ?? 10);
  return Response.json(page(Number(request.url.searchParams.get('pageNo') ?? 0), pageSize, totalCount));
};

const pageNos = (requests: Array<{ url: URL }>) => requests.map((request) => Number(request.url.searchParams.get('pageNo')));

describe('listSubTasks: auto-paging', () => {
  it('yields every subtask of a 250-subtask task with for-await, 100 per page by default, in order', async () => {
    const { client, requests } = clientAnswering(taskOf(250));
    const ids: string[] = [];
    for await (const item of client.listSubTasks(operationId)) ids.push(item.subOperationId);

    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => subtask(i).subOperationId));
    expect(pageNos(requests)).toEqual([0, 1, 2]);
    expect(requests.every((request) => request.url.searchParams.get('pageSize') === '100')).toBe(true);
  });

  it('stops by totalCount: an exact multiple of the page size costs no extra request', async () => {
    const { client, requests } = clientAnswering(taskOf(200));
    expect(await client.listSubTasks(operationId).toArray()).toHaveLength(200);
    expect(pageNos(requests)).toEqual([0, 1]);
  });

  it('stops on an empty page even when totalCount promises more', async () => {
    const { client, requests } = clientAnswering((request) => {
      const pageNo = Number(request.url.searchParams.get('pageNo'));
      return Response.json({ ...page(pageNo, 100, 150), totalCount: 9_999 });
    });
    expect(await client.listSubTasks(operationId).toArray()).toHaveLength(150);
    expect(pageNos(requests)).toEqual([0, 1, 2]);
  });

  it('makes one request for an empty task', async () => {
    const { client, requests } = clientAnswering(taskOf(0));
    expect(await client.listSubTasks(operationId).toArray()).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('passes the status filter and a chosen page size on every page', async () => {
    const { client, requests } = clientAnswering(taskOf(25));
    const failed: SubOperationInfo[] = await client.listSubTasks(operationId, { status: 'fail', pageSize: 10 }).toArray();
    expect(failed).toHaveLength(25);
    expect(requests.map((request) => Object.fromEntries(request.url.searchParams))).toEqual([
      { subOperationStatus: 'fail', pageNo: '0', pageSize: '10' },
      { subOperationStatus: 'fail', pageNo: '1', pageSize: '10' },
      { subOperationStatus: 'fail', pageNo: '2', pageSize: '10' },
    ]);
  });

  it('is lazy: nothing is sent until the loop asks, and breaking out stops the paging', async () => {
    const { client, requests } = clientAnswering(taskOf(1_000));
    const pager = client.listSubTasks(operationId);
    expect(requests).toHaveLength(0);
    let count = 0;
    for await (const _ of pager) if (++count === 120) break;
    expect(pageNos(requests)).toEqual([0, 1]);
  });

  it('offers the pages themselves, with totalCount', async () => {
    const { client } = clientAnswering(taskOf(130));
    const sizes: number[] = [];
    for await (const result of client.listSubTasks(operationId).pages()) {
      expect(result.totalCount).toBe(130);
      sizes.push(result.data.length);
    }
    expect(sizes).toEqual([100, 30]);
  });

  it('passes a typed error of any page to the loop', async () => {
    const { client } = clientAnswering((request) =>
      request.url.searchParams.get('pageNo') === '1' ? errorResponse(platformErrors.taskNotFound) : taskOf(300)(request, 0),
    );
    await expect(client.listSubTasks(operationId).toArray()).rejects.toBeInstanceOf(TaskNotFoundError);
  });

  it("starts the walk at the spec's first pageNo, not at a 0 of its own", async () => {
    // The spec's pageNo schema edited in memory, as a spec that counted pages from 1 would read.
    const schema = operationConstraints.queryUpgradeSubTask.parameters.pageNo.schema as { minimum: number };
    const { minimum } = schema;
    schema.minimum = 1;
    try {
      const { client, requests } = clientAnswering((request) => {
        const pageNo = Number(request.url.searchParams.get('pageNo'));
        return Response.json({ ...page(pageNo - 1, 100, 250), pageNo });
      });
      const ids = (await client.listSubTasks(operationId).toArray()).map((item) => item.subOperationId);
      expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => subtask(i).subOperationId));
      expect(pageNos(requests)).toEqual([1, 2, 3]);
    } finally {
      schema.minimum = minimum;
    }
  });

  it('can be iterated again, starting over from page 0', async () => {
    const { client, requests } = clientAnswering(taskOf(5));
    const pager = client.listSubTasks(operationId);
    expect(await pager.toArray()).toHaveLength(5);
    expect(await pager.toArray()).toHaveLength(5);
    expect(pageNos(requests)).toEqual([0, 0]);
  });
});

// The checks that keep a server whose pages never end from running a walk away (moved from the
// CLI's checked pages): items sent again and a totalCount that drifts.
describe('listSubTasks: a server whose pages do not add up', () => {
  const subtasks = (first: number, count: number) => Array.from({ length: count }, (_, i) => subtask(first + i));
  /** Answers the page asked for with `answer(pageNo)`. */
  const pagesFrom = (answer: (pageNo: number) => { data: SubOperationInfo[]; totalCount: number }): Handler => (request) => {
    const pageNo = Number(request.url.searchParams.get('pageNo'));
    return Response.json({ pageNo, pageSize: Number(request.url.searchParams.get('pageSize')), ...answer(pageNo) });
  };

  it('a page of nothing but items already listed: stopped there, after the first page', async () => {
    const { client, requests } = clientAnswering(pagesFrom(() => ({ data: subtasks(0, 100), totalCount: 2_000_000_000 })));
    const listed: string[] = [];
    const walk = (async () => {
      for await (const item of client.listSubTasks(operationId)) listed.push(item.subOperationId);
    })();
    const error = await walk.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toBe("queryUpgradeSubTask: the server's paging is inconsistent: page 1 repeats 100 item(s) already listed; stopped");
    expect(listed).toEqual(subtasks(0, 100).map((item) => item.subOperationId));
    expect(pageNos(requests)).toEqual([0, 1]);
  });

  it('an item a live list shifted onto the next page is listed once', async () => {
    const shifted = [subtasks(0, 3), subtasks(2, 3), subtasks(5, 1)];
    const { client } = clientAnswering(pagesFrom((pageNo) => ({ data: shifted[pageNo] ?? [], totalCount: 7 })));
    const listed = await client.listSubTasks(operationId, { pageSize: 3 }).toArray();
    expect(listed.map((item) => item.subOperationId)).toEqual(subtasks(0, 6).map((item) => item.subOperationId));
  });

  it('more items sent twice than one page holds: stopped', async () => {
    // Each page repeats the last item of the one before, so one in three comes twice.
    const { client } = clientAnswering(pagesFrom((pageNo) => ({ data: subtasks(pageNo * 2, 3), totalCount: 100 })));
    await expect(client.listSubTasks(operationId, { pageSize: 3 }).toArray()).rejects.toThrow(
      new UnexpectedResponseError("queryUpgradeSubTask: the server's paging is inconsistent: page 4 brings the items that came more than once to 4, more than pageSize 3; stopped", { operation: 'queryUpgradeSubTask' }),
    );
  });

  it('subtasks without a subOperationId: the page is refused, not walked as repeats of one subtask', async () => {
    const idless = (pageNo: number) => ({ data: subtasks(pageNo * 100, 100).map(({ subOperationId: _, ...rest }) => rest as SubOperationInfo), totalCount: 250 });
    const { client, requests } = clientAnswering(pagesFrom(idless));
    const listed: unknown[] = [];
    const walk = (async () => {
      for await (const item of client.listSubTasks(operationId)) listed.push(item);
    })();
    const error = await walk.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toMatch(/^queryUpgradeSubTask: HTTP 200 body is not a subtask page/);
    expect(listed).toEqual([]);
    expect(pageNos(requests)).toEqual([0]);
    await expect(client.querySubTasks(operationId)).rejects.toThrow(/^queryUpgradeSubTask: HTTP 200 body is not a subtask page/);
  });

  // The resources refuse id-less items when they read a page; the pager does not rely on it.
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a number', 7],
  ])('an item whose id is %s stops the walk, never counted as a repeat', async (_, badId) => {
    const items: Array<{ id: unknown }> = [{ id: 'a' }, { id: badId }, { id: 'b' }];
    const pager = new PageIterator<{ data: Array<{ id: unknown }>; pageNo: number; totalCount: number }, { id: unknown }>(async (pageNo) => ({ data: items, pageNo, totalCount: 3 }), undefined, 'queryUpgradeSubTask', 100, (item) => item.id as string);
    await expect(pager.toArray()).rejects.toThrow(
      new UnexpectedResponseError("queryUpgradeSubTask: the server's paging is inconsistent: page 0 item 1 has no id; stopped", { operation: 'queryUpgradeSubTask' }),
    );
  });

  it('the task and package pagers look for repeated operationIds and fileIds too', async () => {
    const tasks = clientAnswering(pagesFrom(() => ({ data: [{ operationId: 'op-1' }, { operationId: 'op-2' }] as never, totalCount: 1_000 })));
    await expect(tasks.client.listTasks({ pageSize: 2 }).toArray()).rejects.toThrow(/queryUpgradeTaskList: .* page 1 repeats 2 item\(s\) already listed/);
    const packages = clientAnswering(pagesFrom(() => ({ data: [{ fileId: 'f-1' }] as never, totalCount: 1_000 })));
    await expect(packages.client.listPackages({ pageSize: 1 }).toArray()).rejects.toThrow(/queryUpgradePackageList: .* page 1 repeats 1 item\(s\) already listed/);
  });

  it('fresh items with a totalCount that jumps far from the first page: stopped by the drift', async () => {
    const { client, requests } = clientAnswering(pagesFrom((pageNo) => ({ data: subtasks(pageNo * 100, 100), totalCount: pageNo < 3 ? 1_000 : 2_000_000_000 })));
    await expect(client.listSubTasks(operationId).toArray()).rejects.toThrow(/totalCount moved from 1000 to 2000000000 \(more than 1000\); stopped$/);
    expect(pageNos(requests)).toEqual([0, 1, 2, 3]);
  });

  it('a totalCount that moves as a live task does, within the drift, is walked to the end', async () => {
    // 300 subtasks, of which a few finish while the walk runs: the filtered count goes 300, 297, 295.
    const totals = [300, 297, 295];
    const { client } = clientAnswering(pagesFrom((pageNo) => ({ data: subtasks(pageNo * 100, pageNo < 2 ? 100 : 95), totalCount: totals[pageNo]! })));
    expect(await client.listSubTasks(operationId).toArray()).toHaveLength(295);
  });
});
