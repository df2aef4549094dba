// Item 8 of issue 9 and the redirects that already held: what cannot succeed is not retried.
// Ids that are not well-formed Unicode are refused before anything is sent, a closed client says
// so, a status outside 100-599 is unexpected, and a redirect is never followed.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ClientClosedError,
  createNorthboundClient,
  ServerError,
  UnexpectedResponseError,
  ValidationError,
} from '../../src/index.js';
import { generateTestPki, type TestPki } from '../support/certificates.js';
import { appId, operationId, page, tokenResponse } from '../support/platform-fixtures.js';
import { sendJson, startHttpServer, startHttpsServer, type LoopbackHandler, type LoopbackServer } from '../support/loopback-server.js';
import { measure, mebibytes } from './support/measure.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const platform: LoopbackHandler = (request, response) =>
  request.rawUrl.endsWith('/login') ? sendJson(response, 200, tokenResponse(1)) : sendJson(response, 200, page(0, 10, 1));

async function serve(handle: LoopbackHandler = platform) {
  const server = await startHttpServer(handle);
  servers.push(server);
  return server;
}

const secretCredentials = (baseUrl: string) => ({ baseUrl, appId, secret: 'application-secret-01' });

describe('ids that are not well-formed Unicode', () => {
  it.each(['\uD800', 'task-\uDFFF', '\uDC00\uD800', 'a\uD83D'])('%j is a ValidationError before any login', async (id) => {
    const { origin, seen } = await serve();
    const client = createNorthboundClient(secretCredentials(origin));
    const outcome = await measure(() => client.querySubTasks(id));
    expect(outcome.error).toBeInstanceOf(ValidationError);
    expect((outcome.error as ValidationError).parameter).toBe('operationId');
    expect(seen).toHaveLength(0);
    expect(() => client.listSubTasks(id)).toThrow(ValidationError);
    expect(outcome.elapsedMs).toBeLessThan(5_000);
  });

  it('a well-formed astral character is still sent, as one encoded path segment', async () => {
    const { origin, seen } = await serve();
    const client = createNorthboundClient(secretCredentials(origin));
    await client.querySubTasks('task-\uD83D\uDE80');
    expect(seen.at(-1)!.rawUrl).toContain('/operations/task-%F0%9F%9A%80/subOperations');
  });
});

describe('a closed client', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = generateTestPki();
  });

  it('over HTTPS: ClientClosedError at once, nothing sent, nothing retried', async () => {
    const server = await startHttpsServer({ key: pki.serverKey, cert: pki.serverCert }, platform);
    servers.push(server);
    const client = createNorthboundClient(secretCredentials(server.origin), { tls: { ca: pki.caCert }, maxRetries: 6 });
    await client.querySubTasks(operationId);
    const before = server.seen.length;
    await client.close();
    const outcome = await measure(() => client.querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(ClientClosedError);
    expect((outcome.error as Error).message).toMatch(/closed/);
    expect(server.seen.length - before).toBe(0);
    // Retried, it would wait at least 17 s of backoff (6 retries, jitter included).
    expect(outcome.elapsedMs).toBeLessThan(10_000);
  });

  it('over HTTP too, and for a pager created before close()', async () => {
    const { origin, seen } = await serve();
    const client = createNorthboundClient(secretCredentials(origin), { maxRetries: 3 });
    const pager = client.listSubTasks(operationId);
    await client.close();
    const outcome = await measure(() => pager.toArray());
    expect(outcome.error).toBeInstanceOf(ClientClosedError);
    expect(seen).toHaveLength(0);
  });
});

describe('statuses outside 100-599', () => {
  it.each([600, 999])('HTTP %i is an UnexpectedResponseError, not a retried ServerError', async (status) => {
    const { origin, seen } = await serve((request, response) =>
      request.rawUrl.endsWith('/login') ? sendJson(response, 200, tokenResponse(1)) : sendJson(response, status, { error_code: '100001', error_desc: 'x' }),
    );
    const client = createNorthboundClient(secretCredentials(origin), { maxRetries: 2 });
    const outcome = await measure(() => client.querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(UnexpectedResponseError);
    expect(outcome.error).not.toBeInstanceOf(ServerError);
    expect((outcome.error as Error).message).toContain(`HTTP status ${status} is outside 100-599`);
    expect(seen).toHaveLength(2);
    expect(outcome.elapsedMs).toBeLessThan(5_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });
});

describe('redirects (held before, kept)', () => {
  it.each([302, 307, 308])('a %i on login is not followed: the other server never sees the secret', async (status) => {
    const elsewhere = await serve();
    const { origin, seen } = await serve((_request, response) => {
      response.writeHead(status, { location: `${elsewhere.origin}/iocm/app/sec/v1.1.0/login` });
      response.end();
    });
    const client = createNorthboundClient(secretCredentials(origin), { maxRetries: 2 });
    const outcome = await measure(() => client.querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(UnexpectedResponseError);
    expect(seen).toHaveLength(1);
    expect(elsewhere.seen).toHaveLength(0);
    expect(outcome.elapsedMs).toBeLessThan(5_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });
});
