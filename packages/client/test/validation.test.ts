import { describe, expect, it } from 'vitest';
import { createNorthboundClient, NorthboundError, ValidationError, type NorthboundClientOptions, type NorthboundCredentials } from '../src/index.js';
import { appId, baseUrl, operationId, page, secret } from './support/platform-fixtures.js';
import { recordingFetch } from './support/recording-fetch.js';

function recordingClient() {
  const recorder = recordingFetch(() => Response.json(page(0, 10, 0)));
  const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

// Inputs a TypeScript caller cannot write but a JavaScript caller (or `any`) can.
const untyped = <T>(value: unknown) => value as T;

describe('input checks run before any request', () => {
  const badQueries: Array<[string, string, unknown, Record<string, unknown>]> = [
    ['empty operationId', 'operationId', '', {}],
    ['blank operationId', 'operationId', '   ', {}],
    ['missing operationId', 'operationId', undefined, {}],
    ['non-string operationId', 'operationId', 42, {}],
    ['operationId "."', 'operationId', '.', {}],
    ['operationId ".."', 'operationId', '..', {}],
    ['pageSize 0', 'pageSize', operationId, { pageSize: 0 }],
    ['pageSize 101', 'pageSize', operationId, { pageSize: 101 }],
    ['pageSize 10.5', 'pageSize', operationId, { pageSize: 10.5 }],
    ['pageSize NaN', 'pageSize', operationId, { pageSize: Number.NaN }],
    ['pageSize "10"', 'pageSize', operationId, { pageSize: '10' }],
    ['pageNo -1', 'pageNo', operationId, { pageNo: -1 }],
    ['pageNo 1.5', 'pageNo', operationId, { pageNo: 1.5 }],
    ['pageNo Infinity', 'pageNo', operationId, { pageNo: Number.POSITIVE_INFINITY }],
    ['pageNo 2^31 (beyond int32)', 'pageNo', operationId, { pageNo: 2 ** 31 }],
    ['status "failed" (the task list spelling)', 'status', operationId, { status: 'failed' }],
    ['status "FAIL"', 'status', operationId, { status: 'FAIL' }],
    ['maxRetries -1', 'maxRetries', operationId, { maxRetries: -1 }],
    ['timeoutMs 0', 'timeoutMs', operationId, { timeoutMs: 0 }],
    ['signal that is not an AbortSignal', 'signal', operationId, { signal: { aborted: false } }],
  ];

  it.each(badQueries)('querySubTasks rejects %s with a ValidationError and sends nothing', async (_case, parameter, id, query) => {
    const { client, requests } = recordingClient();
    const error = await rejection(client.querySubTasks(untyped<string>(id), untyped(query)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(NorthboundError);
    expect((error as ValidationError).parameter).toBe(parameter);
    expect((error as ValidationError).operation).toBe('queryUpgradeSubTask');
    expect(requests).toHaveLength(0);
  });

  it('treats null options as none, and rejects options that are not an object', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json(page(0, 10, 0)));
    const client = createNorthboundClient({ baseUrl, appId, accessToken: 'caller-managed-token' }, { fetch });
    await client.querySubTasks(operationId, untyped(null));
    expect(await client.listSubTasks(operationId, untyped(null)).toArray()).toEqual([]);
    expect(requests).toHaveLength(2);
    const error = await rejection(client.querySubTasks(operationId, untyped('pageSize=10')));
    expect((error as ValidationError).parameter).toBe('query');
    expect(() => client.listSubTasks(operationId, untyped(5))).toThrow(ValidationError);
    expect(requests).toHaveLength(2);
  });

  it('names the right spelling when a caller writes the task list status "failed"', async () => {
    const { client } = recordingClient();
    const error = await rejection(client.querySubTasks(operationId, untyped({ status: 'failed' })));
    expect((error as Error).message).toBe('status must be one of wait, processing, fail, success, stop, got "failed" (did you mean "fail"?)');
  });

  // The hand-written hint tables were looked up through the prototype: "constructor" printed "function Object()".
  it.each(['constructor', '__proto__', 'toString'])('a status named like an Object property (%j) gets the plain refusal', async (status) => {
    const { client, requests } = recordingClient();
    const error = await rejection(client.querySubTasks(operationId, untyped({ status })));
    expect((error as Error).message).toBe(`status must be one of wait, processing, fail, success, stop, got ${JSON.stringify(status)}`);
    const sdkError = await rejection(client.queryUpgradeTaskList(untyped({ operationStatus: status }), 'token'));
    expect((sdkError as Error).message).toBe(`operationStatus must be one of wait, processing, failed, success, stop, got ${JSON.stringify(status)}`);
    expect(requests).toHaveLength(0);
  });

  // listSubTasks has no pageNo: it walks every page itself.
  it.each(badQueries.filter(([, parameter]) => parameter !== 'pageNo'))('listSubTasks rejects %s at the call, before iterating', (_case, parameter, id, query) => {
    const { client, requests } = recordingClient();
    expect(() => client.listSubTasks(untyped<string>(id), untyped(query))).toThrow(ValidationError);
    try {
      client.listSubTasks(untyped<string>(id), untyped(query));
    } catch (error) {
      expect((error as ValidationError).parameter).toBe(parameter);
    }
    expect(requests).toHaveLength(0);
  });

  it('queryUpgradeSubTask checks the DTO fields, the operationId and the token', async () => {
    const { client, requests } = recordingClient();
    const cases: Array<[Promise<unknown>, string]> = [
      [client.queryUpgradeSubTask({ pageSize: 0 }, operationId, 'token'), 'pageSize'],
      [client.queryUpgradeSubTask({ pageNo: -3 }, operationId, 'token'), 'pageNo'],
      [client.queryUpgradeSubTask(untyped({ subOperationStatus: 'done' }), operationId, 'token'), 'subOperationStatus'],
      [client.queryUpgradeSubTask({}, '', 'token'), 'operationId'],
      [client.queryUpgradeSubTask({}, operationId, 'token with spaces'), 'accessToken'],
      [client.queryUpgradeSubTask({}, operationId, 'line\nbreak'), 'accessToken'],
      [client.queryUpgradeSubTask(untyped('pageNo=1'), operationId, 'token'), 'qustInDTO'],
    ];
    for (const [promise, parameter] of cases) {
      const error = await rejection(promise);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).parameter).toBe(parameter);
    }
    expect(requests).toHaveLength(0);
  });
});

describe('client configuration is checked when the client is created', () => {
  const fetch = () => Promise.resolve(new Response());
  const badConfigurations: Array<[string, string, unknown, NorthboundClientOptions]> = [
    ['a baseUrl that is not a URL', 'baseUrl', { baseUrl: 'platform:8743', appId, secret }, {}],
    ['a baseUrl that is not http(s)', 'baseUrl', { baseUrl: 'ftp://203.0.113.10', appId, secret }, {}],
    ['a baseUrl with a query', 'baseUrl', { baseUrl: `${baseUrl}?x=1`, appId, secret }, {}],
    ['a baseUrl with credentials', 'baseUrl', { baseUrl: 'https://user:pw@203.0.113.10', appId, secret }, {}],
    ['an empty appId', 'appId', { baseUrl, appId: '', secret }, {}],
    ['an appId with a line break', 'appId', { baseUrl, appId: 'app\r\nX-Injected: 1', secret }, {}],
    ['neither secret nor accessToken', 'credentials', { baseUrl, appId }, {}],
    ['both secret and accessToken', 'credentials', { baseUrl, appId, secret, accessToken: 'token' }, {}],
    ['an empty secret', 'credentials', { baseUrl, appId, secret: '' }, {}],
    ['an accessToken with spaces', 'accessToken', { baseUrl, appId, accessToken: 'Bearer abc' }, {}],
    ['maxRetries 1.5', 'maxRetries', { baseUrl, appId, secret }, { maxRetries: 1.5 }],
    ['timeoutMs -1', 'timeoutMs', { baseUrl, appId, secret }, { timeoutMs: -1 }],
    ['a fetch that is not a function', 'fetch', { baseUrl, appId, secret }, { fetch: untyped('fetch') }],
    ['a logger that is not a function', 'logger', { baseUrl, appId, secret }, { logger: untyped(console) }],
    ['tls.rejectUnauthorized (verification cannot be turned off)', 'tls.rejectUnauthorized', { baseUrl, appId, secret }, { tls: untyped({ rejectUnauthorized: false }) }],
    ['tls with a custom fetch', 'tls', { baseUrl, appId, secret }, { fetch, tls: { ca: 'pem' } }],
    ['tls.cert without tls.key', 'tls', { baseUrl, appId, secret }, { tls: { cert: 'pem' } }],
  ];

  it.each(badConfigurations)('rejects %s with a ValidationError', (_case, parameter, credentials, options) => {
    let thrown: unknown;
    try {
      createNorthboundClient(untyped<NorthboundCredentials>(credentials), options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).parameter).toBe(parameter);
    expect((thrown as ValidationError).operation).toBeNull();
  });

  it('never puts the secret or a token into a configuration error', () => {
    const tokenWithSpace = 'Bearer 6d2b5a8e0c9f4e1d';
    for (const credentials of [
      { baseUrl, appId, secret, accessToken: 'x' },
      { baseUrl: 'not a url', appId, secret },
      { baseUrl, appId, accessToken: tokenWithSpace },
    ]) {
      let thrown: unknown;
      try {
        createNorthboundClient(untyped<NorthboundCredentials>(credentials));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      const everything = JSON.stringify({ ...(thrown as object), message: (thrown as Error).message, stack: (thrown as Error).stack });
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain('6d2b5a8e0c9f4e1d');
    }
  });
});
