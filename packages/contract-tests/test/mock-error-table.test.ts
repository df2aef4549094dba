// The mock README's table "Rehearse every error of the client", run row by row: each typed error
// of the client, met against a real mock on 127.0.0.1:0 the way the table says, without a custom
// fetch or a Prefer header. The table must name every error class the client exports.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import * as client from '@iodm-northbound/client';
import { createNorthboundClient, NorthboundError, type NorthboundClientOptions } from '@iodm-northbound/client';
import { createRedisCoordinator } from '@iodm-northbound/client/redis';
import { startMockServer, type MockServer } from '@iodm-northbound/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformError } from '../src/suite/platform-errors.js';
import { closedPort } from './closed-port.js';

const README = new URL('../../mock-server/README.md', import.meta.url);
const app = { appId: 'a', secret: 'right-secret' };

/** The first column of the table under "### Rehearse every error of the client". */
function errorsInTable(): string[] {
  const text = readFileSync(README, 'utf8');
  const section = text.split('### Rehearse every error of the client')[1]!.split(/\n#{2,3} /)[0]!;
  return [...section.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]!);
}

/** Every class the client exports that is NorthboundError or extends it. */
const exportedErrors = Object.entries(client)
  .filter(([, value]) => typeof value === 'function' && (value === NorthboundError || value.prototype instanceof NorthboundError))
  .map(([name]) => name);

let mock: MockServer;
let throttled: MockServer;
let silentUpstream: Server;
const sockets = new Set<Socket>();
let behindSilentUpstream: MockServer;
beforeAll(async () => {
  // An upstream that accepts connections and never answers: what a timeout guards against.
  silentUpstream = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silentUpstream.listen(0, '127.0.0.1', resolve));
  const { port } = silentUpstream.address() as { port: number };
  [mock, throttled, behindSilentUpstream] = await Promise.all([
    startMockServer({ apps: [app, { appId: 'frozen-app', secret: 'frozen-secret', frozen: true }] }),
    startMockServer({ throttle: { limit: 1, windowMs: 60_000 } }),
    startMockServer({ proxy: `http://127.0.0.1:${port}` }),
  ]);
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all([mock?.close(), throttled?.close(), behindSilentUpstream?.close()]);
  await new Promise<void>((resolve) => silentUpstream.close(() => resolve()));
});

const clientOf = (credentials: Partial<typeof app> & { baseUrl?: string } = {}, options: NorthboundClientOptions = {}) =>
  createNorthboundClient({ baseUrl: mock.url, ...app, ...credentials }, { maxRetries: 0, ...options });

/** What the call threw (it must throw). */
async function thrown(call: () => Promise<unknown>): Promise<NorthboundError> {
  try {
    await call();
  } catch (error) {
    return error as NorthboundError;
  }
  throw new Error('the call succeeded');
}

/** One way to meet each error, as the table says; every one is a NorthboundError. */
const rows: Record<string, () => Promise<{ error: NorthboundError; expected?: Partial<NorthboundError> }>> = {
  NorthboundError: async () => ({ error: await thrown(() => clientOf().querySubTasks('no-such-task')) }),
  BadRequestError: async () => ({ error: await thrown(() => clientOf({ secret: 'wrong-secret' }).querySubTasks('paged-5')), expected: platformError('100208') }),
  PageOutOfRangeError: async () => ({ error: await thrown(() => clientOf().querySubTasks('error-123029')), expected: platformError('123029') }),
  InvalidTokenError: async () => ({ error: await thrown(() => clientOf().querySubTasks('error-1010005')), expected: platformError('1010005') }),
  ThrottledError: async () => {
    const throttledClient = createNorthboundClient({ baseUrl: throttled.url, ...app }, { maxRetries: 0 });
    await throttledClient.querySubTasks('paged-5');
    return { error: await thrown(() => throttledClient.querySubTasks('paged-5')), expected: platformError('1010009') };
  },
  TaskNotFoundError: async () => ({ error: await thrown(() => clientOf().getTask('no-such-task')), expected: platformError('123009') }),
  PackageNotFoundError: async () => ({ error: await thrown(() => clientOf().getPackage('no-such-package')), expected: platformError('123002') }),
  ServerError: async () => ({ error: await thrown(() => clientOf().querySubTasks('error-100001')), expected: platformError('100001') }),
  ApplicationFrozenError: async () => ({
    error: await thrown(() => clientOf({ appId: 'frozen-app', secret: 'frozen-secret' }).querySubTasks('paged-5')),
    expected: platformError('100247'),
  }),
  RequiredParameterEmptyError: async () => ({
    error: await thrown(() => clientOf({ secret: 'x'.repeat(1_100_000) }).querySubTasks('paged-5')),
    expected: platformError('102202'),
  }),
  UnexpectedResponseError: async () => ({ error: await thrown(() => clientOf({ baseUrl: `${mock.url}/no-such-prefix` }).querySubTasks('paged-5')), expected: { status: 404 } }),
  ResponseTooLargeError: async () => ({ error: await thrown(() => clientOf({}, { maxResponseBytes: 100 }).querySubTasks('paged-5')) }),
  ClientClosedError: async () => {
    const closed = clientOf();
    await closed.close();
    return { error: await thrown(() => closed.querySubTasks('paged-5')) };
  },
  ConnectionError: async () => {
    const gone = await startMockServer();
    await gone.close();
    return { error: await thrown(() => clientOf({ baseUrl: gone.url }).querySubTasks('paged-5')), expected: { code: 'ECONNREFUSED' } as Partial<NorthboundError> };
  },
  TimeoutError: async () => ({ error: await thrown(() => clientOf({ baseUrl: behindSilentUpstream.url }, { timeoutMs: 300 }).querySubTasks('paged-5')) }),
  AbortError: async () => ({ error: await thrown(() => clientOf().querySubTasks('paged-5', { signal: AbortSignal.abort() })) }),
  ValidationError: async () => ({ error: await thrown(() => clientOf().querySubTasks('paged-5', { pageSize: 0 })) }),
  RateLimitTimeoutError: async () => {
    const budgeted = clientOf({}, { rateLimit: { limit: 1, windowMs: 60_000 }, timeoutMs: 300 });
    await budgeted.querySubTasks('paged-5');
    return { error: await thrown(() => budgeted.querySubTasks('paged-5')) };
  },
  CoordinatorError: async () => {
    const coordinator = createRedisCoordinator({ url: `redis://127.0.0.1:${await closedPort()}`, commandTimeoutMs: 300 });
    try {
      return { error: await thrown(() => clientOf({}, { coordinator }).querySubTasks('paged-5')) };
    } finally {
      await coordinator.close();
    }
  },
};

describe("the mock README's table of the client's errors", () => {
  it('names every error class the client exports, each once, and each has a case here', () => {
    const table = errorsInTable();
    expect(new Set(table).size).toBe(table.length);
    expect([...table].sort()).toEqual([...exportedErrors].sort());
    expect(Object.keys(rows).sort()).toEqual([...table].sort());
  });

  it.each(Object.keys(rows))('%s is met against the mock as the table says', async (name) => {
    const { error, expected } = await rows[name]!();
    expect(error).toBeInstanceOf(NorthboundError);
    expect(error.name).toBe(name === 'NorthboundError' ? 'TaskNotFoundError' : name);
    expect(error).toBeInstanceOf((client as unknown as Record<string, new () => NorthboundError>)[name]!);
    if (expected) expect(error).toMatchObject(expected);
  });
});
