// Token manager. The platform keeps only the most recently issued access token valid, so two
// logins at once invalidate each other: every renewal is single-flight, and concurrent callers
// share the one in progress.
import type { AuthOutDTO } from '@iodm-northbound/types';
import { ApplicationFrozenError, ConnectionError, ServerError, TimeoutError, type NorthboundOperation } from '../core/errors.js';
import type { LogSink } from './log-sink.js';
import type { Redactor } from './redact.js';
import { raceAbort } from './retries.js';

/** The platform's refresh tokens are valid for 24 hours. */
const refreshTokenLifetimeMs = 24 * 60 * 60 * 1000;
/** Renew this long before the access token expires: a tenth of its life, at most a minute. */
const maxRefreshMarginMs = 60_000;

interface TokenState {
  accessToken: string;
  refreshToken: string;
  /** When to stop using the access token and renew it. */
  renewAt: number;
  /** When the access token actually expires. */
  expiresAt: number;
  refreshExpiresAt: number;
}

export interface TokenSource {
  /** Resolves a token to send; never logs in twice at once. */
  getAccessToken(signal: AbortSignal | undefined, operation: NorthboundOperation): Promise<string>;
  /**
   * The platform rejected `token` (403/1010005). Forgets it if it is still the current one and
   * says whether a fresh login is possible.
   */
  invalidate(token: string): boolean;
}

/** A token the caller manages: used as is, never renewed. */
export class StaticTokenSource implements TokenSource {
  constructor(private readonly accessToken: string) {}
  getAccessToken(): Promise<string> {
    return Promise.resolve(this.accessToken);
  }
  invalidate(): boolean {
    return false;
  }
}

export interface TokenEndpoints {
  login(): Promise<AuthOutDTO>;
  refresh(refreshToken: string): Promise<AuthOutDTO>;
}

export class ManagedTokenSource implements TokenSource {
  #state: TokenState | undefined;
  #renewal: Promise<TokenState> | undefined;

  constructor(
    private readonly endpoints: TokenEndpoints,
    private readonly redactor: Redactor,
    private readonly log: LogSink,
  ) {}

  getAccessToken(signal: AbortSignal | undefined, operation: NorthboundOperation): Promise<string> {
    const state = this.#state;
    if (state && Date.now() < state.renewAt) return Promise.resolve(state.accessToken);
    if (!this.#renewal) {
      this.#renewal = this.#renew(state).finally(() => {
        this.#renewal = undefined;
      });
    }
    // The renewal is shared, so one caller's abort must not cancel it for the others.
    return raceAbort(this.#renewal, signal, operation).then((renewed) => renewed.accessToken);
  }

  invalidate(token: string): boolean {
    if (this.#state?.accessToken === token) this.#state = undefined;
    return true;
  }

  async #renew(previous: TokenState | undefined): Promise<TokenState> {
    const now = Date.now();
    if (previous && now < previous.refreshExpiresAt) {
      try {
        return this.#store(await this.endpoints.refresh(previous.refreshToken), 'refresh');
      } catch (error) {
        const transient = error instanceof ConnectionError || error instanceof TimeoutError || error instanceof ServerError;
        // A refresh that failed for a passing reason does not make the current token any less
        // valid: keep using it until it really expires, and try again on the next call.
        if (transient && Date.now() < previous.expiresAt) {
          this.log('warn', 'refresh', { message: `token refresh failed, keeping the current token: ${(error as Error).message}` });
          return previous;
        }
        if (error instanceof ApplicationFrozenError || transient) throw error;
        // A refresh token the platform no longer accepts: start over with a login.
        this.log('info', 'refresh', { message: `token refresh rejected, logging in again: ${(error as Error).message}` });
      }
    }
    return this.#store(await this.endpoints.login(), 'login');
  }

  #store(issued: AuthOutDTO, how: 'login' | 'refresh'): TokenState {
    const issuedAt = Date.now();
    const lifetimeMs = issued.expiresIn * 1000;
    const state: TokenState = {
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      expiresAt: issuedAt + lifetimeMs,
      renewAt: issuedAt + lifetimeMs - Math.min(maxRefreshMarginMs, lifetimeMs / 10),
      refreshExpiresAt: issuedAt + refreshTokenLifetimeMs,
    };
    this.redactor.addIssued(state.accessToken);
    this.redactor.addIssued(state.refreshToken);
    this.#state = state;
    this.log('info', how, { message: `${how === 'login' ? 'logged in' : 'refreshed the token'}; it expires in ${issued.expiresIn} s` });
    return state;
  }
}
