// A fleet of worker PROCESSES (bench/fleet/worker.mjs, the built package) sharing one appId,
// against the mock with its flow control on and a real redis-server: counted at the mock.
// Release tier (npm run test:release): eight OS processes over real Redis, throttle windows of 10 s;
// the same coordinator is tested in-process with five clients in ../redis-coordinator.test.ts.
import { startMockServer, type MockServer } from '@iodm-northbound/mock-server';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applicationKeys, defaultKeyPrefix } from '../../src/redis/keys.js';
import { callsPerWindow, failuresByKind, runFleet, spawnWorker, type Worker } from '../../bench/fleet/run-fleet.mjs';
import { startRedisServer, type RunningRedis } from '../../bench/fleet/redis-server.mjs';

// Scaled down from the platform's 100 calls / 60 s so that a run takes seconds; the window stays
// long next to a call's time, even on a loaded machine.
const throttle = { limit: 40, windowMs: 10_000 };
const workers = 8;
const callsPerWorker = 10;
const concurrency = 4;
// Worker processes on a shared 2-core machine: a generous hang guard, not a speed target.
const hangGuardMs = 180_000;

let redis: RunningRedis;
let inspector: Redis;
const mocks: MockServer[] = [];
const spawned: Worker[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  inspector = new Redis(redis.url);
});
afterEach(async () => {
  for (const worker of spawned.splice(0)) worker.kill();
  await Promise.all(mocks.splice(0).map((mock) => mock.close()));
});
afterAll(async () => {
  inspector?.disconnect();
  await redis?.stop();
});

async function mockWithThrottle(withThrottle = true): Promise<MockServer> {
  const mock = await startMockServer(withThrottle ? { throttle } : {});
  mocks.push(mock);
  return mock;
}

const fleetFor = (mock: MockServer, appId: string) => ({
  workers,
  calls: callsPerWorker,
  baseUrl: mock.url,
  appId,
  secret: `${appId}-secret`,
  operationId: 'paged-500',
  redisUrl: redis.url,
  rateLimit: throttle,
  concurrency,
});

describe('a fleet of 8 processes with the Redis coordinator', () => {
  it('logs in once, is never refused (1010005) nor throttled (1010009), and uses the budget', async () => {
    const mock = await mockWithThrottle();
    const { calls } = await runFleet(fleetFor(mock, 'fleet-app'));
    expect(failuresByKind(calls)).toEqual({});
    expect(calls).toHaveLength(workers * callsPerWorker);
    expect(mock.stats()).toMatchObject({ logins: 1, refreshes: 0, invalidToken: 0, throttled: 0 });
    // 80 calls for a budget of 40 per window: a full window carries the limit, within 10 %. (A call
    // holds its place from sending until a window after its answer, so this needs calls that are
    // short next to the window; bench/fleet.mjs prints the figure for longer runs.)
    const { perWindow, windows } = callsPerWindow(calls, throttle.windowMs);
    expect(windows).toBeGreaterThanOrEqual(1);
    expect(perWindow).toBeGreaterThanOrEqual(throttle.limit * 0.9);
    expect(perWindow).toBeLessThanOrEqual(throttle.limit);
  }, hangGuardMs);

  it('re-logs in once for the whole fleet when the token is revoked on the server', async () => {
    const mock = await mockWithThrottle();
    const fleet = fleetFor(mock, 'revoked-app');
    let revoked = false;
    const { calls } = await runFleet(fleet, {
      whileRunning: async () => {
        // Mid-run, another login of the same application (an operator's script, say) makes the
        // fleet's token invalid on the platform, as a revocation would. It lands while the fleet
        // waits out its spent first window (its login + `limit` calls answered), so calls are
        // certainly left to meet it: mid-burst, the whole burst could be sent before it arrives.
        const giveUpAt = Date.now() + hangGuardMs;
        while (mock.stats().requests < 1 + throttle.limit && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 10));
        const answer = await fetch(`${mock.url}/iocm/app/sec/v1.1.0/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ appId: fleet.appId, secret: fleet.secret }).toString(),
        });
        revoked = answer.ok;
      },
    });
    expect(revoked).toBe(true);
    expect(failuresByKind(calls)).toEqual({});
    const stats = mock.stats();
    // 1 fleet login + the revoking login + exactly 1 re-login for all 8 processes.
    expect(stats.logins).toBe(3);
    expect(stats.invalidToken).toBeGreaterThanOrEqual(1);
    // At most one refusal per call in flight when the token went (4 per worker): no storm.
    expect(stats.invalidToken).toBeLessThanOrEqual(workers * concurrency);
    expect(stats.throttled).toBe(0);
  }, hangGuardMs);

  it('goes on after the lock expires when the process holding it is killed mid-login', async () => {
    const mock = await mockWithThrottle(false);
    const fleet = { ...fleetFor(mock, 'crashed-holder-app'), calls: 3, lockTtlMs: 5_000 }; // long next to a stall of the machine between two steps
    const holder = spawnWorker({ ...fleet, calls: 1, mode: 'hang-in-login' });
    spawned.push(holder);
    await holder.ready;
    holder.process.send('go');
    await holder.next('in-login'); // its login reached the mock; it holds the lock
    const lockKey = applicationKeys(defaultKeyPrefix, mock.url, fleet.appId).lock;
    const lockLeftMs = await inspector.pttl(lockKey);
    expect(lockLeftMs).toBeGreaterThan(0);
    const lockExpiresAt = Date.now() + lockLeftMs;
    holder.process.kill('SIGKILL');

    const { calls } = await runFleet({ ...fleet, workers: 4 });
    expect(failuresByKind(calls)).toEqual({});
    expect(Math.min(...calls.map((call) => call.endedAt))).toBeGreaterThanOrEqual(lockExpiresAt - 20);
    // The killed holder's login, then one for the fleet.
    expect(mock.stats()).toMatchObject({ logins: 2, invalidToken: 0 });
  }, hangGuardMs);
});
