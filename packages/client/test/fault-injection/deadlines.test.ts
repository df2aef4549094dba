// Item 7 of issue 9: a call's timeoutMs and signal bound everything it does, the login it
// triggers included; totalTimeoutMs bounds the whole call, retries and backoff included.
import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, createNorthboundClient, TimeoutError } from '../../src/index.js';
import { appId, operationId } from '../support/platform-fixtures.js';
import { startHttpServer, type LoopbackServer } from '../support/loopback-server.js';
import { measure, mebibytes } from './support/measure.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A platform whose every answer hangs (the connection stays open, no status line). */
async function hangingPlatform() {
  server = await startHttpServer(() => {});
  return server;
}

function clientFor(origin: string, options: Parameters<typeof createNorthboundClient>[1]) {
  return createNorthboundClient({ baseUrl: origin, appId, secret: 'application-secret-01' }, options);
}

describe('a hanging login', () => {
  it("is bounded by the call's timeoutMs, not the client's", async () => {
    const { origin, seen } = await hangingPlatform();
    // Bounds far apart (500 ms against 20 s), so a loaded machine cannot blur them.
    const client = clientFor(origin, { timeoutMs: 20_000, maxRetries: 0 });
    const outcome = await measure(() => client.querySubTasks(operationId, { timeoutMs: 500 }));
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect((outcome.error as TimeoutError).operation).toBe('queryUpgradeSubTask');
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });

  it('with retries: each attempt waits at most timeoutMs for the shared login, which is sent once', async () => {
    const { origin, seen } = await hangingPlatform();
    const client = clientFor(origin, { timeoutMs: 30_000, maxRetries: 2 });
    const outcome = await measure(() => client.querySubTasks(operationId, { timeoutMs: 500 }));
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
    // 3 attempts of 500 ms and two backoffs of at most 0.5 s and 1 s: 3 s, against 30 s for one
    // attempt that waited the client's timeoutMs.
    expect(outcome.elapsedMs).toBeLessThan(15_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });

  it('totalTimeoutMs ends the whole call, retries included', async () => {
    const { origin, seen } = await hangingPlatform();
    const client = clientFor(origin, { timeoutMs: 10_000, maxRetries: 5 });
    const outcome = await measure(() => client.querySubTasks(operationId, { timeoutMs: 400, totalTimeoutMs: 1_000 }));
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
    // Without the whole-call deadline: 6 attempts of 400 ms and 15 s of backoff.
    expect(outcome.elapsedMs).toBeLessThan(8_000);
  });

  it("the caller's signal ends the wait for the login at once", async () => {
    const { origin, seen } = await hangingPlatform();
    const client = clientFor(origin, { timeoutMs: 30_000, maxRetries: 2 });
    const outcome = await measure(() => client.querySubTasks(operationId, { signal: AbortSignal.timeout(300) }));
    expect(outcome.error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
  });
});
