import { describe, expect, it } from 'vitest';
import { createNorthboundClient, TaskNotFoundError, type SubOperationInfo } from '../src/index.js';
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

  it('can be iterated again, starting over from page 0', async () => {
    const { client, requests } = clientAnswering(taskOf(5));
    const pager = client.listSubTasks(operationId);
    expect(await pager.toArray()).toHaveLength(5);
    expect(await pager.toArray()).toHaveLength(5);
    expect(pageNos(requests)).toEqual([0, 0]);
  });
});
