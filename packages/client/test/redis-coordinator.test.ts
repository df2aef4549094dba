// The Redis coordinator in one test process, against a real redis-server and the mock: one
// login shared by clients on separate connections, nothing secret in Redis, keys namespaced,
// clear failures while Redis is away and recovery after it restarts.
import { startMockServer, type MockServer } from '@iodm-northbound/mock-server';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNorthboundClient, CoordinatorError, ValidationError, type FetchLike } from '../src/index.js';
import { createRedisCoordinator, type RedisCoordinator } from '../src/redis/index.js';
import { startRedisServer, type RunningRedis } from '../bench/fleet/redis-server.mjs';

let redis: RunningRedis;
let mock: MockServer;
let inspector: Redis;
const coordinators: RedisCoordinator[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  mock = await startMockServer();
  inspector = new Redis(redis.url);
  inspector.on('error', () => {}); // down on purpose in the restart test
});
afterAll(async () => {
  await Promise.all(coordinators.map((coordinator) => coordinator.close()));
  inspector?.disconnect();
  await mock?.close();
  await redis?.stop();
});

function coordinator(options: Partial<Parameters<typeof createRedisCoordinator>[0]> = {}): RedisCoordinator {
  const created = createRedisCoordinator({ url: redis.url, ...options });
  coordinators.push(created);
  return created;
}

describe('createRedisCoordinator', () => {
  it('gives clients on separate connections (as separate processes have) one login', async () => {
    const appId = 'shared-app';
    const before = mock.stats().logins;
    const clients = Array.from({ length: 5 }, () => createNorthboundClient({ baseUrl: mock.url, appId, secret: 'shared-secret' }, { coordinator: coordinator() }));
    await Promise.all(clients.flatMap((client) => [client.querySubTasks('paged-20'), client.querySubTasks('paged-20')]));
    expect(mock.stats().logins - before).toBe(1);
  });

  it('stores no secret and no token in clear, under namespaced keys, expiring just under expiresIn', async () => {
    const appId = 'vault-app{1}';
    const secret = 'a-very-secret-secret';
    const tokens = new Set<string>();
    const recording: FetchLike = async (request) => {
      const authorization = request.headers.get('authorization');
      if (authorization) tokens.add(authorization.replace('Bearer ', ''));
      return fetch(request);
    };
    const client = createNorthboundClient({ baseUrl: mock.url, appId, secret }, { coordinator: coordinator({ keyPrefix: 'vault-test' }), rateLimit: { limit: 50, windowMs: 60_000 }, fetch: recording });
    await client.querySubTasks('paged-20');
    expect(tokens.size).toBe(1);
    const keys = await inspector.keys('vault-test:*');
    expect(keys.sort()).toEqual(
      ['budget', 'budget-seq', 'fence', 'token'].map((name) => expect.stringMatching(new RegExp(`^vault-test:\\{[0-9a-f]{16}:vault-app%7B1%7D\\}:${name}$`))),
    );
    const dumped: string[] = [];
    for (const key of keys) {
      const type = await inspector.type(key);
      if (type === 'hash') dumped.push(JSON.stringify(await inspector.hgetall(key)));
      else if (type === 'zset') dumped.push(JSON.stringify(await inspector.zrange(key, 0, -1, 'WITHSCORES')));
      else dumped.push(String(await inspector.get(key)));
    }
    const all = dumped.join('\n') + keys.join('\n');
    expect(all).not.toContain(secret);
    expect(all).not.toContain([...tokens][0]);
    expect(all).not.toContain(new URL(mock.url).port);
    const tokenKey = keys.find((key) => key.endsWith(':token'))!;
    const ttl = await inspector.pttl(tokenKey);
    // The mock issues tokens with expiresIn 3600 s; stored for 5 s less.
    expect(ttl).toBeLessThanOrEqual(3_595_000);
    expect(ttl).toBeGreaterThan(3_500_000);
  });

  it('refreshes a shared token near its expiry once for every client, and they all take the new one', async () => {
    const appId = 'expiring-app';
    const secret = 'expiring-secret';
    const used: string[] = []; // the token of every query sent, in order
    const recording: FetchLike = async (request) => {
      const authorization = request.headers.get('authorization');
      if (authorization && request.url.includes('/subOperations')) used.push(authorization);
      return fetch(request);
    };
    const clients = Array.from({ length: 5 }, () =>
      createNorthboundClient({ baseUrl: mock.url, appId, secret }, { coordinator: coordinator({ keyPrefix: 'expiry-test' }), fetch: recording }),
    );
    await clients[0]!.querySubTasks('paged-20');
    const [tokenKey] = await inspector.keys('expiry-test:*:token');
    expect(tokenKey).toBeDefined();
    // The token has 30 s left: inside the renewal margin (a tenth of its 3600 s life, at most 60 s).
    await inspector.pexpire(tokenKey!, 30_000);
    const before = mock.stats();
    await Promise.all(clients.flatMap((client) => [client.querySubTasks('paged-20'), client.querySubTasks('paged-20')]));
    const after = mock.stats();
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.logins - before.logins).toBe(0);
    expect(after.invalidToken - before.invalidToken).toBe(0);
    // The first query used the old token; each of the ten later ones was sent once, with the refreshed one.
    const [old, ...later] = used;
    expect(later).toHaveLength(10);
    expect(new Set(later).size).toBe(1);
    expect(later[0]).not.toBe(old);
    expect(await inspector.pttl(tokenKey!)).toBeGreaterThan(3_500_000);
  });

  it('fails calls with CoordinatorError while Redis is down, and recovers once it is back', async () => {
    const appId = 'restart-app';
    const client = createNorthboundClient({ baseUrl: mock.url, appId, secret: 'restart-secret' }, { coordinator: coordinator(), rateLimit: { limit: 100, windowMs: 60_000 } });
    await client.querySubTasks('paged-20');
    const loginsBefore = mock.stats().logins;
    await redis.stop();
    const requestsWhileDown = mock.stats().requests;
    const error = await client.querySubTasks('paged-20').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoordinatorError);
    expect((error as Error).message).toMatch(new RegExp(`Redis at redis://127\\.0\\.0\\.1:${redis.port}/? failed while`));
    expect(mock.stats().requests).toBe(requestsWhileDown); // no silent fallback to the platform
    await redis.restart();
    let recovered = false;
    for (let attempt = 0; attempt < 50 && !recovered; attempt++) {
      recovered = await client.querySubTasks('paged-20').then(
        () => true,
        async (failure: unknown) => {
          expect(failure).toBeInstanceOf(CoordinatorError);
          await new Promise((resolve) => setTimeout(resolve, 200));
          return false;
        },
      );
    }
    expect(recovered).toBe(true);
    // The restarted Redis is empty: the fleet logs in once more.
    expect(mock.stats().logins - loginsBefore).toBe(1);
  });

  it('fails with CoordinatorError, sending nothing, when Redis cannot be reached at all', async () => {
    const requests = mock.stats().requests;
    const unreachable = coordinator({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 500 });
    const client = createNorthboundClient({ baseUrl: mock.url, appId: 'nowhere-app', secret: 'nowhere-secret' }, { coordinator: unreachable });
    await expect(client.querySubTasks('paged-20')).rejects.toBeInstanceOf(CoordinatorError);
    expect(mock.stats().requests).toBe(requests);
  });

  it.each([
    [{}, 'url'],
    [{ url: 'http://127.0.0.1:6379' }, 'url'],
    [{ url: 'redis://127.0.0.1:6379', keyPrefix: 'has space' }, 'keyPrefix'],
    [{ url: 'redis://127.0.0.1:6379', lockTtlMs: 0 }, 'lockTtlMs'],
    [{ redis: {} }, 'redis'],
  ])('rejects %j with ValidationError', (options, parameter) => {
    try {
      createRedisCoordinator(options as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).parameter).toBe(parameter);
    }
  });
});
