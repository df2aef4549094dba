// A create is not safe to repeat: each accepted request makes a task. Over a real connection,
// an answer that was not seen (reset, timeout, 5xx after the request left) goes to the caller
// after exactly one request; only failures where the platform surely did nothing are retried.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, createNorthboundClient, ServerError, TimeoutError, type NorthboundLogEntry } from '../../src/index.js';
import { sendJson, startHttpServer, type LoopbackHandler, type LoopbackServer } from '../support/loopback-server.js';
import { appId, platformErrors } from '../support/platform-fixtures.js';
import { deviceIds, fileId, newTaskId } from '../support/upgrade-fixtures.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handle: LoopbackHandler) {
  const server = await startHttpServer(handle);
  servers.push(server);
  return server;
}

const body = { fileId, targets: { devices: deviceIds } };
// A short attempt timeout only where the case is a timeout: elsewhere a pause of the machine must
// not turn the answer under test into a TimeoutError.
const clientFor = (origin: string, logger?: (entry: NorthboundLogEntry) => void, timeoutMs = 30_000) =>
  createNorthboundClient({ baseUrl: origin, appId, accessToken: 'caller-managed-token' }, { maxRetries: 3, timeoutMs, ...(logger ? { logger } : {}) });

describe('createFirmwareTask is not repeated after an ambiguous failure', () => {
  it('a connection reset after the request arrived: ConnectionError, one request', async () => {
    const server = await serve((_, response) => response.socket?.destroy());
    await expect(clientFor(server.origin).createFirmwareTask(body)).rejects.toBeInstanceOf(ConnectionError);
    expect(server.seen).toHaveLength(1);
  });

  it('no answer in time: TimeoutError, one request', async () => {
    const server = await serve(() => {});
    await expect(clientFor(server.origin, undefined, 300).createSoftwareTask(body)).rejects.toBeInstanceOf(TimeoutError);
    expect(server.seen).toHaveLength(1);
  });

  it('a 500: ServerError, one request', async () => {
    const server = await serve((_, response) => sendJson(response, 500, platformErrors.serverError.body));
    await expect(clientFor(server.origin).createFirmwareTask(body)).rejects.toBeInstanceOf(ServerError);
    expect(server.seen).toHaveLength(1);
  });
});

describe('createFirmwareTask is retried when the platform surely did nothing', () => {
  it('throttled (403/1010009), then created: two requests, one task', async () => {
    const server = await serve((_, response) =>
      server.seen.length === 1
        ? sendJson(response, 403, platformErrors.throttled.body, { 'retry-after': '0' })
        : sendJson(response, 200, { operationId: newTaskId }),
    );
    await expect(clientFor(server.origin).createFirmwareTask(body)).resolves.toEqual({ operationId: newTaskId });
    expect(server.seen).toHaveLength(2);
  });

  it('connection refused (nothing listening): retried, then ConnectionError ECONNREFUSED', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const retries: NorthboundLogEntry[] = [];
    const client = createNorthboundClient(
      { baseUrl: `http://127.0.0.1:${port}`, appId, accessToken: 'caller-managed-token' },
      { maxRetries: 1, logger: (entry) => entry.event === 'retry' && retries.push(entry) },
    );
    const error = await client.createFirmwareTask(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe('ECONNREFUSED');
    expect(retries).toHaveLength(1);
  });
});
