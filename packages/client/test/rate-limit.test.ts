// rateLimit in one process, against the mock with its flow control on: calls wait for room in
// the budget instead of running into 403/1010009, within their deadline and signal.
import { startMockServer, type MockServer } from '@iodm-northbound/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, createNorthboundClient, RateLimitTimeoutError, ThrottledError, ValidationError, type FetchLike, type NorthboundLogEntry } from '../src/index.js';

const credentials = (mock: MockServer) => ({ baseUrl: mock.url, appId: 'rate-limit-app', secret: 'rate-limit-secret' });
const mocks: MockServer[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((mock) => mock.close()));
});
async function throttledMock(limit: number, windowMs: number): Promise<MockServer> {
  const mock = await startMockServer({ throttle: { limit, windowMs } });
  mocks.push(mock);
  return mock;
}

describe('rateLimit (one process)', () => {
  it('keeps 25 concurrent calls inside the budget: none is throttled, and it logs that calls wait', async () => {
    // The same window on both sides: the client holds a call's place until a window after its answer,
    // so however late a call arrives (a loaded machine), the platform never sees more than the limit.
    const mock = await throttledMock(10, 600);
    const entries: NorthboundLogEntry[] = [];
    const client = createNorthboundClient(credentials(mock), { rateLimit: { limit: 10, windowMs: 600 }, maxRetries: 0, logger: (entry) => entries.push(entry) });
    const pages = await Promise.all(Array.from({ length: 25 }, () => client.querySubTasks('paged-50')));
    expect(pages).toHaveLength(25);
    expect(mock.stats()).toMatchObject({ throttled: 0, logins: 1 });
    const waits = entries.filter((entry) => entry.event === 'wait');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]!.message).toMatch(/call budget \(10 calls per 600 ms for this process\) used up; waiting \d+ ms/);
  });

  it('without rateLimit the same load is throttled (the control case)', async () => {
    // A window far longer than the burst, so exactly limit calls get through however slow the machine.
    const mock = await throttledMock(10, 60_000);
    const client = createNorthboundClient(credentials(mock), { maxRetries: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: 25 }, () => client.querySubTasks('paged-50')));
    const throttled = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof ThrottledError);
    expect(throttled.length).toBe(15);
    expect(mock.stats().throttled).toBe(15);
  });

  it('fails with RateLimitTimeoutError, sending nothing, when the budget has no room before timeoutMs', async () => {
    const mock = await throttledMock(100, 60_000);
    const client = createNorthboundClient(credentials(mock), { rateLimit: { limit: 1, windowMs: 60_000 } });
    await client.querySubTasks('paged-50');
    const before = mock.stats().requests;
    const error = await client.querySubTasks('paged-50', { timeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitTimeoutError);
    // The time left is whatever remained of the 500 ms when the budget was checked.
    const left = /no room within the (\d+) ms left of this attempt .*nothing was sent/.exec((error as Error).message);
    expect(left, (error as Error).message).not.toBeNull();
    expect(Number(left![1])).toBeGreaterThanOrEqual(0);
    expect(Number(left![1])).toBeLessThanOrEqual(500);
    expect(mock.stats().requests).toBe(before);
  });

  it("honours the call's totalTimeoutMs while waiting (the attempt's timeoutMs is larger)", async () => {
    const mock = await throttledMock(100, 60_000);
    const client = createNorthboundClient(credentials(mock), { rateLimit: { limit: 1, windowMs: 60_000 }, timeoutMs: 30_000 });
    await client.querySubTasks('paged-50');
    const error = await client.querySubTasks('paged-50', { totalTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitTimeoutError);
    // Bounded by the call's 300 ms, not the attempt's 30 s.
    const left = /no room within the (\d+) ms left of this attempt/.exec((error as Error).message);
    expect(left, (error as Error).message).not.toBeNull();
    expect(Number(left![1])).toBeGreaterThanOrEqual(0);
    expect(Number(left![1])).toBeLessThanOrEqual(300);
    expect(mock.stats().requests).toBe(2); // the login and the first query
  });

  it('a retry takes a new place in the budget: it waits for room instead of running into 1010009', async () => {
    const mock = await throttledMock(2, 800);
    let failed = 0;
    // The first query answer is lost on the way back (after the mock counted it): the retry needs a new place.
    const fetchOnce: FetchLike = async (request) => {
      const response = await fetch(request);
      if (request.url.includes('/subOperations') && failed++ === 0) throw new TypeError('fetch failed');
      return response;
    };
    const entries: NorthboundLogEntry[] = [];
    const client = createNorthboundClient(credentials(mock), { rateLimit: { limit: 2, windowMs: 800 }, fetch: fetchOnce, logger: (entry) => entries.push(entry) });
    await Promise.all([client.querySubTasks('paged-50'), client.querySubTasks('paged-50')]);
    expect(entries.filter((entry) => entry.event === 'retry')).toHaveLength(1);
    expect(entries.filter((entry) => entry.event === 'wait').length).toBeGreaterThan(0);
    expect(mock.stats()).toMatchObject({ requests: 4, throttled: 0 });
  });

  it('stops waiting when the signal fires', async () => {
    const mock = await throttledMock(100, 60_000);
    const client = createNorthboundClient(credentials(mock), { rateLimit: { limit: 1, windowMs: 5_000 } });
    await client.querySubTasks('paged-50');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('enough')), 50);
    await expect(client.querySubTasks('paged-50', { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(mock.stats().requests).toBe(2); // the login and the first query
  });

  it.each([
    [{ limit: 0, windowMs: 1000 }, 'rateLimit.limit'],
    [{ limit: 2.5, windowMs: 1000 }, 'rateLimit.limit'],
    [{ limit: 10, windowMs: 0 }, 'rateLimit.windowMs'],
    [{ limit: 10 }, 'rateLimit.windowMs'],
    ['100/60s', 'rateLimit'],
  ])('rejects rateLimit %j with ValidationError', (rateLimit, parameter) => {
    const create = () => createNorthboundClient({ baseUrl: 'http://127.0.0.1:1', appId: 'a', secret: 'long-enough-secret' }, { rateLimit: rateLimit as never });
    expect(create).toThrow(ValidationError);
    try {
      create();
    } catch (error) {
      expect((error as ValidationError).parameter).toBe(parameter);
    }
  });

  it('rejects a coordinator that is not one', () => {
    expect(() => createNorthboundClient({ baseUrl: 'http://127.0.0.1:1', appId: 'a', secret: 'long-enough-secret' }, { coordinator: {} as never })).toThrow(
      /coordinator must come from createRedisCoordinator/,
    );
  });
});
