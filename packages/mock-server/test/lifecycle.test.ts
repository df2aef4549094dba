// startMockServer / close(): options are checked, the port is freed, nothing is left running.
import { createServer, type Server } from 'node:net';
import { Agent, request } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { MockServerOptionsError, MockServerStartError, startMockServer, type MockServerOptions } from '../src/index.js';
import { getSubtasks, portIsFree, exampleTaskId } from './support.js';

describe('startMockServer options', () => {
  it.each<[string, MockServerOptions]>([
    ['port', { port: -1 }],
    ['port', { port: 65536 }],
    ['port', { port: 1.5 }],
    ['port', { port: Number.NaN }],
    ['host', { host: '' }],
    ['dynamic', { dynamic: 'yes' as unknown as boolean }],
    ['proxy', { proxy: 'not a url' }],
    ['proxy', { proxy: 'ftp://127.0.0.1/' }],
  ])('rejects a bad %s with MockServerOptionsError (%o)', async (option, options) => {
    const failure = await startMockServer(options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MockServerOptionsError);
    expect((failure as MockServerOptionsError).option).toBe(option);
    expect((failure as Error).message).toContain(`"${option}"`);
  });

  it('reports a port in use as MockServerStartError with EADDRINUSE', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const failure = await startMockServer({ port }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MockServerStartError);
      expect(failure).toMatchObject({ code: 'EADDRINUSE', port, host: '127.0.0.1' });
      expect((failure as Error).message).toBe(`Cannot start the mock server: 127.0.0.1:${port} is already in use`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

describe('binding', () => {
  it('binds loopback by default and picks a free port', async () => {
    const mock = await startMockServer();
    try {
      expect(mock.host).toBe('127.0.0.1');
      expect(mock.port).toBeGreaterThan(0);
      expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    } finally {
      await mock.close();
    }
  });

  it('binds a non-loopback address only when asked, and warns about it', async () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const mock = await startMockServer({ host: '0.0.0.0', logger });
    try {
      expect(mock.host).toBe('0.0.0.0');
      // Reached through loopback from this machine.
      expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('other machines can reach'));
      expect((await getSubtasks(mock.url, exampleTaskId)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('binds IPv6 loopback and gives a bracketed URL', async () => {
    const mock = await startMockServer({ host: '::1' }).catch((error: unknown) => error);
    // Some CI containers have no IPv6 at all; then the error must say so in our terms.
    if (mock instanceof MockServerStartError) {
      expect(mock.code).toBe('EADDRNOTAVAIL');
      return;
    }
    const server = mock as Awaited<ReturnType<typeof startMockServer>>;
    try {
      expect(server.url).toBe(`http://[::1]:${server.port}`);
      expect((await getSubtasks(server.url, exampleTaskId)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('close()', () => {
  it('frees the port at once, even with a keep-alive connection open', async () => {
    const mock = await startMockServer();
    const agent = new Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      request(`${mock.url}/iocm/app/sec/v1.1.0/login`, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
        .on('error', reject)
        .end('appId=a&secret=b');
    });
    expect(status).toBe(200);
    expect(Object.keys(agent.freeSockets)).toHaveLength(1);

    const started = performance.now();
    await mock.close();
    // The keep-alive timeout is 5 s; close() must not wait for it (the margin allows a loaded machine).
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(await portIsFree(mock.port)).toBe(true);
    agent.destroy();
  });

  it('can be called twice', async () => {
    const mock = await startMockServer();
    await Promise.all([mock.close(), mock.close()]);
    await expect(mock.close()).resolves.toBeUndefined();
    expect(await portIsFree(mock.port)).toBe(true);
  });

  it('refuses connections once closed', async () => {
    const mock = await startMockServer();
    await mock.close();
    await expect(fetch(`${mock.url}/`)).rejects.toThrow();
  });
});
