// The client with Node's own fetch against a real HTTP server: what goes over the wire.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, createNorthboundClient, TaskNotFoundError, UnexpectedResponseError } from '../src/index.js';
import { sendJson, startHttpServer, type LoopbackHandler, type LoopbackServer } from './support/loopback-server.js';
import { appId, operationId, page, platformErrors, secret, tokenResponse } from './support/platform-fixtures.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handle: LoopbackHandler): Promise<LoopbackServer> {
  const server = await startHttpServer(handle);
  servers.push(server);
  return server;
}

const platform: LoopbackHandler = (request, response) => {
  if (request.rawUrl === '/iocm/app/sec/v1.1.0/login') return sendJson(response, 200, tokenResponse(1));
  if (request.rawUrl.includes('/operations/missing/')) return sendJson(response, 404, platformErrors.taskNotFound.body);
  const query = new URL(request.rawUrl, 'http://x').searchParams;
  return sendJson(response, 200, page(Number(query.get('pageNo') ?? 0), Number(query.get('pageSize') ?? 100), 130));
};

describe('over a real connection with the default fetch', () => {
  it('sends the login form and the GET with its headers, and pages through a task', async () => {
    const server = await serve(platform);
    const client = createNorthboundClient({ baseUrl: server.origin, appId, secret });

    const failed = await client.listSubTasks(operationId, { status: 'fail' }).toArray();

    expect(failed).toHaveLength(130);
    const [login, first, second] = server.seen;
    expect(login!.method).toBe('POST');
    expect(login!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(login!.body).toBe(`appId=${appId}&secret=${secret}`);
    expect(first!.rawUrl).toBe(`/iodm/northbound/v1.5.0/operations/${operationId}/subOperations?subOperationStatus=fail&pageNo=0&pageSize=100`);
    expect(second!.rawUrl).toContain('pageNo=1');
    expect(first!.headers.app_key).toBe(appId);
    expect(first!.headers.authorization).toBe(`Bearer ${tokenResponse(1).accessToken}`);
  });

  it('keeps a hostile operationId inside its path segment on the wire', async () => {
    const server = await serve(platform);
    const client = createNorthboundClient({ baseUrl: server.origin, appId, accessToken: 'caller-managed-token' });
    await client.querySubTasks('../../x/y?pageSize=1000#frag', { pageSize: 5 });
    expect(server.seen[0]!.rawUrl).toBe('/iodm/northbound/v1.5.0/operations/..%2F..%2Fx%2Fy%3FpageSize%3D1000%23frag/subOperations?pageSize=5');
  });

  it('gives typed errors from real responses', async () => {
    const server = await serve(platform);
    const client = createNorthboundClient({ baseUrl: server.origin, appId, accessToken: 'caller-managed-token' });
    await expect(client.querySubTasks('missing')).rejects.toBeInstanceOf(TaskNotFoundError);
  });

  it('does not follow a redirect (app_key would go wherever it points)', async () => {
    const target = await serve(platform);
    const redirecting = await serve((_request, response) => {
      response.writeHead(307, { location: `${target.origin}/iodm/northbound/v1.5.0/operations/${operationId}/subOperations` });
      response.end();
    });
    const client = createNorthboundClient({ baseUrl: redirecting.origin, appId, accessToken: 'caller-managed-token' });
    const error = await client.querySubTasks(operationId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).status).toBe(307);
    expect(target.seen).toHaveLength(0);
  });

  it('reports a refused connection as ConnectionError with the system code', async () => {
    const server = await serve(platform);
    const origin = server.origin;
    await server.close();
    servers.length = 0;
    const client = createNorthboundClient({ baseUrl: origin, appId, accessToken: 'caller-managed-token' }, { maxRetries: 0 });
    const error = await client.querySubTasks(operationId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});

describe('a token request that a call waited for fails: reported against that call', () => {
  const resetsTokenRequests =
    (reset: (path: string) => boolean): LoopbackHandler =>
    (request, response) => {
      if (reset(request.rawUrl)) return void response.socket?.resetAndDestroy();
      return platform(request, response);
    };

  it('a login reset by the server: ConnectionError of the query, the login failure as its cause', async () => {
    const server = await serve(resetsTokenRequests((path) => path === '/iocm/app/sec/v1.1.0/login'));
    const client = createNorthboundClient({ baseUrl: server.origin, appId, secret }, { maxRetries: 0 });

    const error = await client.querySubTasks(operationId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ operation: 'queryUpgradeSubTask', code: 'ECONNRESET' });
    const cause = (error as ConnectionError).cause;
    expect(cause).toBeInstanceOf(ConnectionError);
    expect(cause).toMatchObject({ operation: 'getAuthToken', code: 'ECONNRESET' });
    expect(server.seen.map((request) => request.rawUrl)).toEqual(['/iocm/app/sec/v1.1.0/login']);
  });

  it('a refresh reset by the server after the token expired: the same, with refreshAuthToken on the cause', async () => {
    const server = await serve(resetsTokenRequests((path) => path === '/iocm/app/sec/v1.1.0/refreshToken'));
    const client = createNorthboundClient({ baseUrl: server.origin, appId, secret }, { maxRetries: 0 });
    await client.querySubTasks(operationId);
    // Only the clock moves: the sockets stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_601_000);

    const error = await client.listTasks().toArray().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ operation: 'queryUpgradeTaskList', code: 'ECONNRESET' });
    expect((error as ConnectionError).cause).toMatchObject({ operation: 'refreshAuthToken', code: 'ECONNRESET' });
  });
});
