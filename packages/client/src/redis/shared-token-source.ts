// The token of an application, shared through Redis by every process that uses it. A process
// reads the token from Redis; when there is none (or it is about to expire, or the platform
// refused it), one process - the holder of a lock with expiry - logs in or refreshes and stores
// the result, and the others wait for it and use it. See scripts.ts for the atomic parts.
import { randomUUID } from 'node:crypto';
import type { AuthOutDTO } from '@iodm-northbound/types';
import type { TokenSource } from '../internal/token-sources.js';
import { ApplicationFrozenError, ConnectionError, ServerError, TimeoutError, type NorthboundOperation } from '../core/errors.js';
import { raceAbort, sleep } from '../internal/retries.js';
import { CoordinatorError } from '../coordination/errors.js';
import type { TokenSourceContext } from '../coordination/types.js';
import type { RedisConnection, TokenRecord } from './connection.js';
import type { ApplicationKeys } from './keys.js';
import { TokenVault, type SharedTokens } from './token-vault.js';

export interface SharedTokenSettings {
  lockTtlMs: number;
  /** How often a process waiting for another's login looks again. */
  pollMs: number;
}

/** Fingerprints of tokens the platform refused, remembered by this process. */
const maxStale = 16;

interface OpenRecord extends TokenRecord {
  tokens: SharedTokens | undefined;
}

/** Renew this long before expiry: a tenth of the token's life, at most a minute (as the single-process client). */
const renewMarginMs = (lifeMs: number) => Math.min(60_000, lifeMs / 10);
/** Store for just under the token's life, so Redis never hands out an expired token. */
const storeMarginMs = (lifeMs: number) => Math.min(5_000, lifeMs / 20);

export class SharedTokenSource implements TokenSource {
  readonly #vault: TokenVault;
  readonly #owner = randomUUID();
  readonly #stale = new Set<string>();
  #renewal: Promise<string> | undefined;
  #lastOpened: { fp: string; tokens: SharedTokens | undefined } | undefined;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: ApplicationKeys,
    private readonly context: TokenSourceContext,
    private readonly settings: SharedTokenSettings,
  ) {
    this.#vault = new TokenVault(context.secret, context.baseUrl, context.appId);
  }

  async getAccessToken(signal: AbortSignal | undefined, operation: NorthboundOperation): Promise<string> {
    const record = await this.#read();
    if (this.#usable(record)) return record!.tokens!.accessToken;
    // Single-flight inside the process too: one lock attempt per process, not one per call.
    this.#renewal ??= this.#renew().finally(() => {
      this.#renewal = undefined;
    });
    return raceAbort(this.#renewal, signal, operation);
  }

  invalidate(token: string): boolean {
    // Only noted here: the next getAccessToken replaces the token if Redis still holds this one.
    this.#stale.add(this.#vault.fingerprint(token));
    for (const fp of this.#stale) if (this.#stale.size > maxStale) this.#stale.delete(fp);
    return true;
  }

  async #read(): Promise<OpenRecord | undefined> {
    const record = await this.redis.readToken(this.keys.token);
    if (!record) return undefined;
    if (this.#lastOpened?.fp !== record.fp) {
      const tokens = this.#vault.open(record.box);
      if (tokens) {
        this.context.redactor.addIssued(tokens.accessToken);
        this.context.redactor.addIssued(tokens.refreshToken);
      }
      this.#lastOpened = { fp: record.fp, tokens };
    }
    return { ...record, tokens: this.#lastOpened.tokens };
  }

  #usable(record: OpenRecord | undefined): boolean {
    return record?.tokens !== undefined && !this.#stale.has(record.fp) && record.pttlMs > renewMarginMs(record.lifeMs);
  }

  async #renew(): Promise<string> {
    const { lockTtlMs, pollMs } = this.settings;
    const giveUpAt = Date.now() + 3 * lockTtlMs;
    let announcedWait = false;
    for (;;) {
      const record = await this.#read();
      if (this.#usable(record)) return record!.tokens!.accessToken;
      const fence = await this.redis.takeLock(this.keys.lock, this.keys.fence, this.#owner, lockTtlMs);
      if (fence > 0) {
        const lockValue = `${fence}:${this.#owner}`;
        try {
          const token = await this.#renewHoldingLock(lockValue, fence);
          if (token !== undefined) return token;
        } finally {
          await this.redis.releaseLock(this.keys.lock, lockValue).catch(() => {});
        }
      } else if (!announcedWait) {
        announcedWait = true;
        this.context.log('info', 'wait', { message: 'another process is logging in for this application (shared lock); waiting for its token' });
      }
      if (Date.now() > giveUpAt) {
        throw new CoordinatorError(`coordinator: no shared token after ${3 * lockTtlMs} ms (3 login-lock lifetimes)`, { operation: null });
      }
      await sleep(pollMs + Math.random() * pollMs, undefined, null);
    }
  }

  /** Undefined when another process's token won (fenced out, or the token changed meanwhile). */
  async #renewHoldingLock(lockValue: string, fence: number): Promise<string | undefined> {
    // Looked at again under the lock: the previous holder may have stored a token just now.
    const record = await this.#read();
    if (this.#usable(record)) return record!.tokens!.accessToken;
    const outcome = await this.#issue(record);
    if (typeof outcome === 'string') return outcome;
    const { issued, how } = outcome;
    const lifeMs = issued.expiresIn * 1000;
    const stored = await this.redis.storeToken(this.keys.token, this.keys.lock, {
      lockValue,
      expectedFp: record?.fp ?? '',
      fp: this.#vault.fingerprint(issued.accessToken),
      box: this.#vault.seal({ accessToken: issued.accessToken, refreshToken: issued.refreshToken }),
      fence,
      ttlMs: Math.max(1, Math.floor(lifeMs - storeMarginMs(lifeMs))),
      lifeMs,
    });
    if (stored === 1) {
      this.context.log('info', how, { message: `${how === 'login' ? 'logged in' : 'refreshed the token'} for the fleet (shared through Redis); it expires in ${issued.expiresIn} s` });
      return issued.accessToken;
    }
    this.context.log('warn', how, { message: 'another process stored a token while this one logged in (its lock had expired); using the stored token' });
    return undefined;
  }

  /** Refreshes a token that is about to expire, else logs in; a string is a token still good to use. */
  async #issue(record: OpenRecord | undefined): Promise<{ issued: AuthOutDTO; how: 'login' | 'refresh' } | string> {
    const refreshable = record?.tokens !== undefined && !this.#stale.has(record.fp) && record.pttlMs > 0;
    if (refreshable) {
      try {
        return { issued: await this.context.endpoints.refresh(record.tokens!.refreshToken), how: 'refresh' };
      } catch (error) {
        const transient = error instanceof ConnectionError || error instanceof TimeoutError || error instanceof ServerError;
        if (transient) {
          this.context.log('warn', 'refresh', { message: `token refresh failed, keeping the current token: ${(error as Error).message}` });
          return record.tokens!.accessToken;
        }
        if (error instanceof ApplicationFrozenError) throw error;
        this.context.log('info', 'refresh', { message: `token refresh rejected, logging in again: ${(error as Error).message}` });
      }
    }
    return { issued: await this.context.endpoints.login(), how: 'login' };
  }
}
