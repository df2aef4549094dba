// @iodm-northbound/client/redis: share one application's token and call budget between
// processes and machines through Redis. Needs the optional peer dependency `ioredis`.
import { ValidationError } from '../core/errors.js';
import type { CallBudget, CoordinatedApplication, NorthboundCoordinator, RateLimitOptions, TokenSourceContext } from '../coordination/types.js';
import type { TokenSource } from '../internal/token-sources.js';
import { Cluster, connect, describeUrl, Redis, RedisConnection } from './connection.js';
import { applicationKeys, defaultKeyPrefix } from './keys.js';
import { SharedCallBudget } from './shared-budget.js';
import { SharedTokenSource } from './shared-token-source.js';

export interface RedisCoordinatorOptions {
  /** `redis://[:password@]host:port[/db]` or `rediss://…` (TLS). Or pass `redis` instead. */
  url?: string;
  /** An ioredis client of your own: `new Redis({ sentinels, name })` or `new Cluster(nodes)`. Not closed by `close()`. */
  redis?: Redis | Cluster;
  /** Prefix of every key. Default `iodm-northbound`. Keys are further namespaced by a hash of the base URL and the appId. */
  keyPrefix?: string;
  /** How long a process may hold the login lock; a crashed holder blocks the others at most this long. Default 10 000. */
  lockTtlMs?: number;
  /** Time limit of one Redis command (and of connecting), for a connection made from `url`. Default 2 000. */
  commandTimeoutMs?: number;
}

export interface RedisCoordinator extends NorthboundCoordinator {
  /** Closes the Redis connection made from `url`. Clients using the coordinator fail afterwards. */
  close(): Promise<void>;
}

const defaultLockTtlMs = 10_000;
const defaultCommandTimeoutMs = 2_000;
const lockPollMs = 25;

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 3_600_000) {
    throw new ValidationError(name, `${name} must be an integer number of ms from 1 to 3600000`, null);
  }
  return value;
}

/**
 * Shares the token and the `rateLimit` budget of an application between every process that
 * passes a coordinator on the same Redis: `createNorthboundClient(credentials, { coordinator, rateLimit })`.
 */
export function createRedisCoordinator(options: RedisCoordinatorOptions): RedisCoordinator {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'createRedisCoordinator needs { url } or { redis }', null);
  const { url, redis, keyPrefix = defaultKeyPrefix } = options;
  if ((url === undefined) === (redis === undefined)) throw new ValidationError('url', 'give exactly one of url (redis://host:port) or redis (an ioredis client)', null);
  if (url !== undefined && (typeof url !== 'string' || !/^rediss?:\/\/[^\s]+$/.test(url))) {
    throw new ValidationError('url', 'url must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379', null);
  }
  if (redis !== undefined && !(redis instanceof Redis || redis instanceof Cluster)) {
    throw new ValidationError('redis', 'redis must be an ioredis Redis or Cluster instance', null);
  }
  if (typeof keyPrefix !== 'string' || !/^[\w.:-]{1,64}$/.test(keyPrefix)) {
    throw new ValidationError('keyPrefix', 'keyPrefix must be 1 to 64 letters, digits, or . _ : -', null);
  }
  const lockTtlMs = positiveInteger(options.lockTtlMs, 'lockTtlMs', defaultLockTtlMs);
  const commandTimeoutMs = positiveInteger(options.commandTimeoutMs, 'commandTimeoutMs', defaultCommandTimeoutMs);
  const connection = url !== undefined
    ? new RedisConnection(connect(url, { commandTimeoutMs }), describeUrl(url), true)
    : new RedisConnection(redis!, 'the given ioredis client', false);

  return {
    createTokenSource(context: TokenSourceContext): TokenSource {
      const keys = applicationKeys(keyPrefix, context.baseUrl, context.appId);
      return new SharedTokenSource(connection, keys, context, { lockTtlMs, pollMs: lockPollMs });
    },
    createCallBudget(application: CoordinatedApplication, rateLimit: RateLimitOptions): CallBudget {
      return new SharedCallBudget(connection, applicationKeys(keyPrefix, application.baseUrl, application.appId), rateLimit, application.log);
    },
    close: () => connection.close(),
  };
}

export { CoordinatorError, RateLimitTimeoutError } from '../coordination/errors.js';
