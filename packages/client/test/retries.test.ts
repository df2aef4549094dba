import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  BadRequestError,
  ConnectionError,
  createNorthboundClient,
  type NorthboundError,
  ServerError,
  TaskNotFoundError,
  ThrottledError,
  type NorthboundClientOptions,
} from '../src/index.js';
import { parseRetryAfter, retryDelayMs } from '../src/internal/retries.js';
import { appId, baseUrl, errorResponse, operationId, page, platformErrors } from './support/platform-fixtures.js';
import { recordingFetch, type Handler } from './support/recording-fetch.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Answers with `failures` in order, then with a page. */
function failingThenOk(failures: Array<() => Response | Promise<Response>>): Handler {
  return (_request, index) => (index < failures.length ? failures[index]!() : Response.json(page(0, 10, 1)));
}

function clientAnswering(handler: Handler, options: NorthboundClientOptions = {}) {
  // Each request's (fake) send time, to check the gaps between attempts.
  const sentAt: number[] = [];
  const recorder = recordingFetch((request, index) => {
    sentAt.push(Date.now());
    return handler(request, index);
  });
  const client = createNorthboundClient({ baseUrl, appId, accessToken: 'caller-managed-token' }, { fetch: recorder.fetch, ...options });
  return { client, requests: recorder.requests, sentAt };
}

const gaps = (times: number[]) => times.slice(1).map((time, i) => time - times[i]!);

/** Lets a pending call run until it waits on a timer. */
const settle = () => vi.advanceTimersByTimeAsync(0);

function outcomeOf<T>(promise: Promise<T>) {
  const outcome: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(outcome, { value, settled: true }),
    (error: unknown) => Object.assign(outcome, { error, settled: true }),
  );
  return outcome;
}

const throttled = () => errorResponse(platformErrors.throttled);
const serverError = () => errorResponse(platformErrors.serverError);

describe('retries with exponential backoff and jitter', () => {
  it('retries a throttled call (403/1010009) after 375–500 ms, then 750–1000 ms, and returns the page', async () => {
    const { client, requests, sentAt } = clientAnswering(failingThenOk([throttled, throttled]));
    const outcome = outcomeOf(client.querySubTasks(operationId));

    await settle();
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(374);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(requests).toHaveLength(3);
    const [first, second] = gaps(sentAt) as [number, number];
    expect(first).toBeGreaterThanOrEqual(375);
    expect(first).toBeLessThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(750);
    expect(second).toBeLessThanOrEqual(1000);
    expect(outcome.error).toBeUndefined();
    expect(outcome.value).toEqual(page(0, 10, 1));
  });

  it('gives up after maxRetries (default 2: three attempts) with the last error', async () => {
    const { client, requests } = clientAnswering(() => serverError());
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(3);
    expect(outcome.error).toBeInstanceOf(ServerError);
  });

  it('takes maxRetries from the client options', async () => {
    const { client, requests } = clientAnswering(() => serverError(), { maxRetries: 4 });
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(5);
    expect(outcome.error).toBeInstanceOf(ServerError);
  });

  it('lets one call override maxRetries, in both directions', async () => {
    const { client, requests } = clientAnswering(() => serverError(), { maxRetries: 4 });
    const none = outcomeOf(client.querySubTasks(operationId, { maxRetries: 0 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
    expect(none.error).toBeInstanceOf(ServerError);

    const one = outcomeOf(client.querySubTasks(operationId, { maxRetries: 1 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(3);
    expect(one.error).toBeInstanceOf(ServerError);
  });

  it('retries connection errors, with the same backoff', async () => {
    const refused = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }));
    const { client, requests, sentAt } = clientAnswering(failingThenOk([refused, refused]));
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(requests).toHaveLength(3);
    expect(gaps(sentAt)[0]).toBeGreaterThanOrEqual(375);
    expect(outcome.value).toEqual(page(0, 10, 1));
  });

  it.each(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED'])(
    'does not retry a certificate failure (%s): asking again cannot make it trusted',
    async (code) => {
      const untrusted = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('certificate problem'), { code }) }));
      const { client, requests } = clientAnswering(untrusted);
      const outcome = outcomeOf(client.querySubTasks(operationId));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(requests).toHaveLength(1);
      expect(outcome.error).toBeInstanceOf(ConnectionError);
      expect((outcome.error as ConnectionError).code).toBe(code);
    },
  );

  it('fails with the ConnectionError once the retries are spent', async () => {
    const { client } = clientAnswering(() => Promise.reject(new TypeError('fetch failed')));
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(outcome.error).toBeInstanceOf(ConnectionError);
  });

  it.each([
    ['TaskNotFoundError', () => errorResponse(platformErrors.taskNotFound), TaskNotFoundError],
    ['BadRequestError', () => errorResponse(platformErrors.badRequest), BadRequestError],
  ] as const)('does not retry a %s', async (_name, answer, ErrorClass) => {
    const { client, requests } = clientAnswering(answer);
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
    expect(outcome.error).toBeInstanceOf(ErrorClass);
  });
});

describe('Retry-After', () => {
  it('waits exactly the seconds the platform asks for, instead of the backoff', async () => {
    const { client, requests } = clientAnswering(failingThenOk([() => errorResponse(platformErrors.throttled, { 'retry-after': '3' })]));
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await settle();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await settle();
    expect(outcome.value).toEqual(page(0, 10, 1));
  });

  it('reads an HTTP date', async () => {
    vi.setSystemTime(Date.UTC(2018, 10, 26, 8, 0, 0));
    const in2s = new Date(Date.now() + 2_000).toUTCString();
    const { client, requests } = clientAnswering(failingThenOk([() => errorResponse(platformErrors.serverError, { 'retry-after': in2s })]));
    outcomeOf(client.querySubTasks(operationId));
    await settle();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(requests).toHaveLength(2);
  });

  it('does not sleep through a Retry-After over a minute: the ThrottledError goes to the caller with retryAfterMs', async () => {
    const { client, requests } = clientAnswering(() => errorResponse(platformErrors.throttled, { 'retry-after': '3600' }));
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await settle();
    expect(requests).toHaveLength(1);
    expect(outcome.error).toBeInstanceOf(ThrottledError);
    expect((outcome.error as NorthboundError).retryAfterMs).toBe(3_600_000);
  });

  it('parses delta-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.UTC(2018, 10, 26, 8, 0, 0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 26 Nov 2018 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 26 Nov 2018 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('backoff schedule', () => {
  it('doubles from 500 ms up to 8 s, shortened by at most 25 % of jitter', () => {
    const noJitter = () => 0;
    const fullJitter = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, undefined, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect([0, 1, 4].map((n) => retryDelayMs(n, undefined, fullJitter))).toEqual([375, 750, 6000]);
  });

  it('spreads clients throttled together over the jitter window', () => {
    const delays = new Set(Array.from({ length: 200 }, () => retryDelayMs(2, undefined)));
    expect(delays.size).toBeGreaterThan(50);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1500);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });
});

describe('abort during a backoff', () => {
  it('stops waiting at once with AbortError and sends no further request', async () => {
    const { client, requests } = clientAnswering(() => throttled());
    const controller = new AbortController();
    const outcome = outcomeOf(client.querySubTasks(operationId, { signal: controller.signal }));
    await settle();
    expect(requests).toHaveLength(1);
    controller.abort();
    await settle();
    expect(outcome.error).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
  });
});
