import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError, createNorthboundClient, NorthboundError, TimeoutError } from '../src/index.js';
import { appId, baseUrl, operationId, page } from './support/platform-fixtures.js';
import { hangingFetch, recordingFetch } from './support/recording-fetch.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const credentials = { baseUrl, appId, accessToken: 'caller-managed-token' };

function outcomeOf<T>(promise: Promise<T>) {
  const outcome: { value?: T; error?: unknown } = {};
  promise.then(
    (value) => (outcome.value = value),
    (error: unknown) => (outcome.error = error),
  );
  return outcome;
}

describe('timeouts', () => {
  it('aborts an attempt after timeoutMs with TimeoutError', async () => {
    const transport = hangingFetch();
    const client = createNorthboundClient(credentials, { fetch: transport.fetch, timeoutMs: 5_000, maxRetries: 0 });
    const outcome = outcomeOf(client.querySubTasks(operationId));

    await vi.advanceTimersByTimeAsync(4_999);
    expect(outcome.error).toBeUndefined();
    expect(transport.requests[0]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.error).toBeInstanceOf(NorthboundError);
    expect((outcome.error as TimeoutError).operation).toBe('queryUpgradeSubTask');
    expect((outcome.error as Error).message).toContain('5000 ms');
    expect(transport.requests[0]!.signal.aborted).toBe(true);
  });

  it('counts the time limit per attempt and retries a timed-out attempt', async () => {
    const transport = hangingFetch();
    const client = createNorthboundClient(credentials, { fetch: transport.fetch, timeoutMs: 1_000, maxRetries: 1 });
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(transport.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(outcome.error).toBeInstanceOf(TimeoutError);
  });

  it('leaves no timer and no abort listener behind once a call is done', async () => {
    const recorder = recordingFetch(() => Response.json(page(0, 10, 1)));
    const client = createNorthboundClient(credentials, { fetch: recorder.fetch, timeoutMs: 30_000 });
    const controller = new AbortController();
    const listeners: string[] = [];
    const addEventListener = controller.signal.addEventListener.bind(controller.signal);
    const removeEventListener = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = (type: string, listener: never, options?: never) => {
      listeners.push(type);
      addEventListener(type, listener, options);
    };
    controller.signal.removeEventListener = (type: string, listener: never, options?: never) => {
      listeners.splice(listeners.indexOf(type), 1);
      removeEventListener(type, listener, options);
    };

    await client.querySubTasks(operationId, { signal: controller.signal });

    expect(vi.getTimerCount()).toBe(0);
    expect(listeners).toEqual([]);
  });

  it('lets one call set its own timeout', async () => {
    const transport = hangingFetch();
    const client = createNorthboundClient(credentials, { fetch: transport.fetch, timeoutMs: 60_000, maxRetries: 0 });
    const outcome = outcomeOf(client.querySubTasks(operationId, { timeoutMs: 200 }));
    await vi.advanceTimersByTimeAsync(200);
    expect(outcome.error).toBeInstanceOf(TimeoutError);
  });

  it('covers the body too: a response whose body never ends times out', async () => {
    // Like fetch's own bodies: the first bytes arrive, the rest never does, and an abort errors the stream.
    const recorder = recordingFetch((request) => {
      const stalledBody = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":['));
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
        },
      });
      return new Response(stalledBody, { status: 200 });
    });
    const client = createNorthboundClient(credentials, { fetch: recorder.fetch, timeoutMs: 300, maxRetries: 0 });
    const outcome = outcomeOf(client.querySubTasks(operationId));
    await vi.advanceTimersByTimeAsync(300);
    expect(outcome.error).toBeInstanceOf(TimeoutError);
  });
});

describe('AbortSignal', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const recorder = recordingFetch(() => Response.json(page(0, 10, 1)));
    const client = createNorthboundClient(credentials, { fetch: recorder.fetch });
    const error = await client.querySubTasks(operationId, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect(recorder.requests).toHaveLength(0);
  });

  it('aborts a request in flight with AbortError (not TimeoutError, not ConnectionError), keeping the reason', async () => {
    const transport = hangingFetch();
    const client = createNorthboundClient(credentials, { fetch: transport.fetch });
    const controller = new AbortController();
    const outcome = outcomeOf(client.querySubTasks(operationId, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    const reason = new Error('user navigated away');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);

    expect(outcome.error).toBeInstanceOf(AbortError);
    expect((outcome.error as AbortError).cause).toBe(reason);
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    // An aborted call is never retried.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(transport.requests).toHaveLength(1);
  });

  it('stops an auto-paging loop at once, without fetching further pages', async () => {
    const controller = new AbortController();
    const recorder = recordingFetch((request) => Response.json(page(Number(request.url.searchParams.get('pageNo')), 100, 1_000)));
    const client = createNorthboundClient(credentials, { fetch: recorder.fetch });
    const seen: string[] = [];

    const error = await (async () => {
      for await (const subtask of client.listSubTasks(operationId, { signal: controller.signal })) {
        seen.push(subtask.subOperationId);
        if (seen.length === 150) controller.abort();
      }
    })().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(150);
    expect(recorder.requests).toHaveLength(2);
  });
});
