import { describe, expect, it } from 'vitest';
import { createNorthboundClient } from '../src/index.js';
import { appId, baseUrl, operationId, page, secret, tokenResponse } from './support/platform-fixtures.js';
import { isLogin, recordingFetch } from './support/recording-fetch.js';

const subOperationsPath = (encodedId: string) => `/iodm/northbound/v1.5.0/operations/${encodedId}/subOperations`;

function clientAnsweringPages() {
  const recorder = recordingFetch((request) =>
    isLogin(request)
      ? Response.json(tokenResponse(1))
      : Response.json(page(Number(request.url.searchParams.get('pageNo') ?? 0), Number(request.url.searchParams.get('pageSize') ?? 10), 3)),
  );
  const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

describe('querySubTasks', () => {
  it('sends the documented GET with app_key, the bearer token and the query, and returns the typed page', async () => {
    const { client, requests } = clientAnsweringPages();

    const result = await client.querySubTasks(operationId, { status: 'fail', pageNo: 0, pageSize: 10 });

    expect(result).toEqual(page(0, 10, 3));
    const query = requests[1]!;
    expect(query.method).toBe('GET');
    expect(query.url.origin).toBe(baseUrl);
    expect(query.url.pathname).toBe(subOperationsPath(operationId));
    expect(Object.fromEntries(query.url.searchParams)).toEqual({ subOperationStatus: 'fail', pageNo: '0', pageSize: '10' });
    expect(query.headers.app_key).toBe(appId);
    expect(query.headers.authorization).toBe(`Bearer ${tokenResponse(1).accessToken}`);
    expect(query.headers.accept).toBe('application/json');
    // As the platform's SDKs do, even on a GET without a body.
    expect(query.headers['content-type']).toBe('application/json');
    expect(query.body).toBe('');
  });

  it('leaves out the query parameters the caller did not set (the platform then applies its defaults)', async () => {
    const { client, requests } = clientAnsweringPages();
    await client.querySubTasks(operationId);
    expect(requests[1]!.url.search).toBe('');
  });

  it('accepts the boundaries of the documented ranges', async () => {
    const { client, requests } = clientAnsweringPages();
    await client.querySubTasks(operationId, { pageNo: 0, pageSize: 1 });
    await client.querySubTasks(operationId, { pageNo: 2_147_483_647, pageSize: 100 });
    expect(requests.slice(1).map((request) => request.url.search)).toEqual(['?pageNo=0&pageSize=1', '?pageNo=2147483647&pageSize=100']);
  });

  it('works with a trailing slash on baseUrl and with a path prefix in it', async () => {
    const recorder = recordingFetch(() => Response.json(page(0, 10, 0)));
    const client = createNorthboundClient({ baseUrl: 'https://gw.example.test/oc/', appId, accessToken: 'caller-token' }, { fetch: recorder.fetch });
    await client.querySubTasks(operationId);
    expect(recorder.requests[0]!.url.pathname).toBe(`/oc${subOperationsPath(operationId)}`);
  });
});

describe('operationId is percent-encoded: it can never change the path or the query', () => {
  const hostileIds: Array<[string, string]> = [
    ['../x', '..%2Fx'],
    ['a/b?c', 'a%2Fb%3Fc'],
    ['a#b', 'a%23b'],
    ['../../../iocm/app/sec/v1.1.0/login', '..%2F..%2F..%2Fiocm%2Fapp%2Fsec%2Fv1.1.0%2Flogin'],
    ['x&pageSize=1000', 'x%26pageSize%3D1000'],
    ['%2e%2e', '%252e%252e'],
    ['a\\b', 'a%5Cb'],
    ['id with spaces', 'id%20with%20spaces'],
    ['$&$1', '%24%26%241'],
    ['任务', '%E4%BB%BB%E5%8A%A1'],
  ];

  it.each(hostileIds)('%j is sent as one path segment %s', async (hostile, encoded) => {
    const { client, requests } = clientAnsweringPages();
    await client.querySubTasks(hostile, { pageSize: 5 });
    const query = requests[1]!;
    expect(query.url.pathname).toBe(subOperationsPath(encoded));
    expect(decodeURIComponent(query.url.pathname.split('/')[5]!)).toBe(hostile);
    expect(Object.fromEntries(query.url.searchParams)).toEqual({ pageSize: '5' });
    expect(query.url.hash).toBe('');
  });
});

describe('queryUpgradeSubTask: the Python SDK call shape', () => {
  it('takes (qustInDTO, operationId, accessToken), uses that token without logging in, and returns the parsed page', async () => {
    const recorder = recordingFetch(() => Response.json(page(1, 2, 5)));
    const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });

    const result = await client.queryUpgradeSubTask({ subOperationStatus: 'fail', pageNo: 1, pageSize: 2 }, operationId, 'token-from-python-login');

    expect(typeof result).toBe('object');
    expect(result.totalCount).toBe(5);
    expect(result.data.map((subtask) => subtask.subOperationId)).toEqual(page(1, 2, 5).data.map((subtask) => subtask.subOperationId));
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]!.headers.authorization).toBe('Bearer token-from-python-login');
    expect(Object.fromEntries(recorder.requests[0]!.url.searchParams)).toEqual({ subOperationStatus: 'fail', pageNo: '1', pageSize: '2' });
  });

  it('treats None (null) fields as left out, like the Python SDK, and falls back to the client token when accessToken is null', async () => {
    const recorder = recordingFetch((request) => (isLogin(request) ? Response.json(tokenResponse(1)) : Response.json(page(0, 10, 1))));
    const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });

    await client.queryUpgradeSubTask({ subOperationStatus: null, pageNo: null, pageSize: 10 }, operationId, null);

    expect(recorder.requests.map((request) => request.url.pathname)).toEqual(['/iocm/app/sec/v1.1.0/login', subOperationsPath(operationId)]);
    expect(recorder.requests[1]!.url.search).toBe('?pageSize=10');
    expect(recorder.requests[1]!.headers.authorization).toBe(`Bearer ${tokenResponse(1).accessToken}`);
  });
});
