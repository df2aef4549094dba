import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNorthboundClient, type NorthboundLogEntry } from '../src/index.js';
import { appId, baseUrl, errorResponse, operationId, page, platformErrors, secret, tokenResponse } from './support/platform-fixtures.js';
import { isLogin, isRefresh, recordingFetch } from './support/recording-fetch.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('logger hook', () => {
  it('reports requests, responses, login and retries with their details', async () => {
    vi.useFakeTimers();
    const entries: NorthboundLogEntry[] = [];
    let queries = 0;
    const recorder = recordingFetch((request) => {
      if (isLogin(request)) return Response.json(tokenResponse(1));
      return ++queries === 1 ? errorResponse(platformErrors.throttled, { 'retry-after': '1' }) : Response.json(page(0, 10, 1));
    });
    const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch, logger: (entry) => entries.push(entry) });

    const pending = client.querySubTasks(operationId, { status: 'fail' });
    await vi.advanceTimersByTimeAsync(1_000);
    await pending;

    expect(entries.map((entry) => entry.event)).toEqual(['request', 'response', 'login', 'request', 'response', 'failure', 'retry', 'request', 'response']);
    const firstQuery = entries[3]!;
    expect(firstQuery).toMatchObject({ level: 'debug', operation: 'queryUpgradeSubTask', method: 'GET', attempt: 0 });
    expect(firstQuery.url).toBe(`${baseUrl}/iodm/northbound/v1.5.0/operations/${operationId}/subOperations?subOperationStatus=fail`);
    expect(entries[5]).toMatchObject({ level: 'warn', status: 403, errorCode: '1010009' });
    expect(entries[6]).toMatchObject({ level: 'info', event: 'retry', attempt: 1, delayMs: 1_000, status: 403 });
    expect(entries[8]).toMatchObject({ status: 200, attempt: 1 });
    expect(typeof entries[8]!.durationMs).toBe('number');
  });

  it('never sees the secret, the access token or the refresh token, through login, refresh, re-login and errors', async () => {
    vi.useFakeTimers();
    const entries: NorthboundLogEntry[] = [];
    let issued = 0;
    const recorder = recordingFetch((request) => {
      if (isLogin(request) || isRefresh(request)) return Response.json(tokenResponse(++issued));
      const token = request.headers.authorization!;
      if (request.url.searchParams.get('pageNo') === '1') return errorResponse(platformErrors.invalidToken);
      // A gateway that echoes what it got, credentials included.
      return new Response(`<h1>Bad Request</h1><pre>Authorization: ${token}; secret=${secret}</pre>`, { status: 400 });
    });
    const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch, logger: (entry) => entries.push(entry) });

    await client.querySubTasks(operationId).catch(() => {});
    await client.querySubTasks(operationId, { pageNo: 1 }).catch(() => {});
    vi.advanceTimersByTime(3_590_000);
    await client.querySubTasks(operationId).catch(() => {});

    expect(recorder.requests.filter(isRefresh)).toHaveLength(1);
    expect(recorder.requests.filter(isLogin)).toHaveLength(2);
    const logged = JSON.stringify(entries);
    expect(entries.length).toBeGreaterThan(10);
    expect(logged).toContain('[redacted]');
    expect(logged).not.toContain(secret);
    for (let n = 1; n <= issued; n++) {
      expect(logged).not.toContain(tokenResponse(n).accessToken);
      expect(logged).not.toContain(tokenResponse(n).refreshToken);
    }
  });

  it('does not let a throwing logger break the call', async () => {
    const recorder = recordingFetch(() => Response.json(page(0, 10, 1)));
    const client = createNorthboundClient(
      { baseUrl, appId, accessToken: 'caller-managed-token' },
      {
        fetch: recorder.fetch,
        logger: () => {
          throw new Error('log sink is down');
        },
      },
    );
    await expect(client.querySubTasks(operationId)).resolves.toEqual(page(0, 10, 1));
  });
});
