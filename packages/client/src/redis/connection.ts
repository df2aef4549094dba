// The Redis connection (ioredis) and the scripts as typed calls. Every failure becomes a
// CoordinatorError: a coordinator that is down fails calls clearly instead of letting each
// process log in on its own (which would start the storm the coordinator exists to prevent).
import { Cluster, Redis } from 'ioredis';
import { CoordinatorError } from '../coordination/errors.js';
import type { ApplicationKeys } from './keys.js';
import * as scripts from './scripts.js';

type RedisLike = Redis | Cluster;
type BudgetKeys = Pick<ApplicationKeys, 'budget' | 'budgetInFlight' | 'budgetSequence'>;

export interface TokenRecord {
  fp: string;
  box: string;
  lifeMs: number;
  /** Milliseconds the record has left in Redis. */
  pttlMs: number;
}

type ScriptCalls = {
  [Name in keyof typeof scripts]: (...keysAndArgs: Array<string | number>) => Promise<unknown>;
};

const numberOfKeys: Record<keyof typeof scripts, number> = {
  takeBudget: 3,
  settleBudget: 2,
  readToken: 1,
  takeLock: 2,
  releaseLock: 1,
  storeToken: 2,
};

export class RedisConnection {
  readonly #redis: RedisLike;
  readonly #scripts: ScriptCalls;
  readonly #where: string;
  readonly #owned: boolean;

  constructor(redis: RedisLike, where: string, owned: boolean) {
    this.#redis = redis;
    this.#where = where;
    this.#owned = owned;
    for (const [name, lua] of Object.entries(scripts)) {
      redis.defineCommand(`iodm_${name}`, { numberOfKeys: numberOfKeys[name as keyof typeof scripts], lua });
    }
    const commands = redis as unknown as Record<string, (...args: Array<string | number>) => Promise<unknown>>;
    this.#scripts = Object.fromEntries(
      Object.keys(scripts).map((name) => [name, (...args: Array<string | number>) => commands[`iodm_${name}`]!.apply(redis, args)]),
    ) as ScriptCalls;
    // Without a listener ioredis prints every connection error; the calls report them instead.
    redis.on('error', () => {});
  }

  async readToken(key: string): Promise<TokenRecord | undefined> {
    const [fp, box, life, pttl] = (await this.#run('reading the shared token', () => this.#scripts.readToken(key))) as [string | null, string | null, string | null, number];
    if (!fp || !box) return undefined;
    return { fp, box, lifeMs: Number(life), pttlMs: pttl };
  }

  async takeLock(lockKey: string, fenceKey: string, owner: string, ttlMs: number): Promise<number> {
    return Number(await this.#run('taking the login lock', () => this.#scripts.takeLock(lockKey, fenceKey, owner, ttlMs)));
  }

  async releaseLock(lockKey: string, value: string): Promise<void> {
    await this.#run('releasing the login lock', () => this.#scripts.releaseLock(lockKey, value));
  }

  async storeToken(tokenKey: string, lockKey: string, args: { lockValue: string; expectedFp: string; fp: string; box: string; fence: number; ttlMs: number; lifeMs: number }): Promise<number> {
    const { lockValue, expectedFp, fp, box, fence, ttlMs, lifeMs } = args;
    return Number(await this.#run('storing the shared token', () => this.#scripts.storeToken(tokenKey, lockKey, lockValue, expectedFp, fp, box, fence, ttlMs, lifeMs)));
  }

  async takeBudget(keys: BudgetKeys, limit: number, windowMs: number, leaseMs: number): Promise<{ member: string } | { retryInMs: number }> {
    const [granted, value] = (await this.#run('taking a place in the shared call budget', () =>
      this.#scripts.takeBudget(keys.budget, keys.budgetInFlight, keys.budgetSequence, limit, windowMs, leaseMs),
    )) as [number, number];
    return granted === 1 ? { member: String(value) } : { retryInMs: Number(value) };
  }

  async settleBudget(keys: BudgetKeys, member: string): Promise<void> {
    await this.#run('settling a call in the shared call budget', () => this.#scripts.settleBudget(keys.budget, keys.budgetInFlight, member));
  }

  async close(): Promise<void> {
    if (!this.#owned) return;
    try {
      await this.#redis.quit();
    } catch {
      this.#redis.disconnect();
    }
  }

  async #run<T>(what: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CoordinatorError(`coordinator: Redis at ${this.#where} failed while ${what}: ${reason}`, { operation: null, cause: error });
    }
  }
}

export interface ConnectionOptions {
  commandTimeoutMs: number;
}

/** A connection of our own, tuned to fail fast while Redis is down and to reconnect by itself. */
export function connect(url: string, options: ConnectionOptions): Redis {
  return new Redis(url, {
    // Commands sent while reconnecting wait for one reconnection attempt, then fail.
    maxRetriesPerRequest: 1,
    connectTimeout: options.commandTimeoutMs,
    commandTimeout: options.commandTimeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = '';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

export { Cluster, Redis };
