// Dynamic mode: generated bodies, made consistent with the query, and still valid per the spec
// (checked by running them through the mock's own validation proxy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { getSubtasks, login, refresh, validRefreshBody, exampleTaskId } from './support.js';

const TIMESTAMP = /^\d{8}T\d{6}Z$/;

let dynamicMock: MockServer;
let checkingProxy: MockServer;
beforeAll(async () => {
  dynamicMock = await startMockServer({ dynamic: true });
  checkingProxy = await startMockServer({ proxy: dynamicMock.url });
});
afterAll(async () => {
  await checkingProxy.close();
  await dynamicMock.close();
});

interface Page {
  pageNo: number;
  pageSize: number;
  totalCount: number;
  data: { status: string; createTime: string; startTime?: string; stopTime?: string; deviceId: string }[];
}

describe('dynamic mode', () => {
  it.each(['?pageNo=3&pageSize=2', '?pageSize=1', '', '?subOperationStatus=wait&pageSize=100'])(
    'answers %s with a page that matches the query and the schema',
    async (query) => {
      for (let round = 0; round < 5; round++) {
        const answer = await getSubtasks(checkingProxy.url, exampleTaskId, query);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('sl-violations')).toBeNull();
        const page = answer.body as Page;
        const params = new URLSearchParams(query);
        const pageNo = Number(params.get('pageNo') ?? 0);
        const pageSize = Number(params.get('pageSize') ?? 10);
        expect(Object.keys(page).sort()).toEqual(['data', 'pageNo', 'pageSize', 'totalCount']);
        expect(page).toMatchObject({ pageNo, pageSize });
        expect(page.data.length).toBeLessThanOrEqual(pageSize);
        expect(page.totalCount).toBe(pageNo * pageSize + page.data.length);
        for (const subtask of page.data) {
          if (params.has('subOperationStatus')) expect(subtask.status).toBe(params.get('subOperationStatus'));
          expect(subtask.createTime).toMatch(TIMESTAMP);
          expect(Number.isNaN(Date.parse(subtask.createTime.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')))).toBe(false);
          expect('startTime' in subtask).toBe(subtask.status !== 'wait');
          expect('stopTime' in subtask).toBe(['success', 'fail', 'stop'].includes(subtask.status));
          expect(subtask.deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
        }
      }
    },
  );

  it('repeats itself given the same Prefer seed', async () => {
    const first = await getSubtasks(dynamicMock.url, exampleTaskId, '', { prefer: 'seed=42' });
    const again = await getSubtasks(dynamicMock.url, exampleTaskId, '', { prefer: 'seed=42' });
    expect(again.body).toEqual(first.body);
  });

  it('issues platform-shaped tokens', async () => {
    for (const answer of [await login(checkingProxy.url), await refresh(checkingProxy.url, validRefreshBody)]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('sl-violations')).toBeNull();
      expect(answer.body).toMatchObject({ scope: 'default', tokenType: 'bearer', expiresIn: 3600, accessToken: expect.stringMatching(/^[0-9a-f]{32}$/) });
    }
  });

  it('still serves a named example when one is asked for', async () => {
    const answer = await getSubtasks(dynamicMock.url, exampleTaskId, '', { prefer: 'example=SubtasksEmptyPage' });
    expect(answer.body).toEqual({ pageNo: 5, pageSize: 10, totalCount: 3, data: [] });
  });

  it('can be switched on per request with Prefer dynamic=true', async () => {
    const staticMock = await startMockServer();
    try {
      const answer = await getSubtasks(staticMock.url, exampleTaskId, '?pageNo=7&pageSize=3', { prefer: 'dynamic=true' });
      expect(answer.body).toMatchObject({ pageNo: 7, pageSize: 3 });
    } finally {
      await staticMock.close();
    }
  });
});
