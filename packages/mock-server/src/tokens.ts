// The platform's auth quirk: only the most recently issued access token of an application is
// valid (a second login or a refresh makes the previous token fail with 403/1010005). The mock
// mints a fresh token for every default login/refresh answer and remembers, per appId, the newest
// one. It only judges tokens it issued itself: a token it never issued (the spec's example token,
// a fixed token in someone's tests, one it has forgotten) is accepted as before.
import { randomBytes } from 'node:crypto';

/** How much a ledger remembers; both maps drop their oldest entries beyond these. */
interface TokenLedgerLimits {
  /** Applications whose newest token is remembered. */
  readonly maxApps: number;
  /** Issued access tokens (newest and superseded) whose application is remembered. */
  readonly maxTokens: number;
}

const DEFAULT_TOKEN_LEDGER_LIMITS: TokenLedgerLimits = { maxApps: 1_000, maxTokens: 10_000 };

/** Why a token the mock issued is no longer valid. */
type TokenProblem = 'superseded token' | 'token issued to another application';

interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** 32 lowercase hex characters, the shape of the platform's (and the spec example's) tokens. */
function mintToken(): string {
  return randomBytes(16).toString('hex');
}

/** Per mock instance: what it issued, to whom, and which token is each application's newest. */
export class TokenLedger {
  readonly #limits: TokenLedgerLimits;
  /** appId -> its newest access token (insertion order = least recently issued first). */
  readonly #newest = new Map<string, string>();
  /** access token -> the appId it was issued to (insertion order = oldest first). */
  readonly #owners = new Map<string, string>();

  constructor(limits: TokenLedgerLimits = DEFAULT_TOKEN_LEDGER_LIMITS) {
    if (!(limits.maxApps >= 1) || !(limits.maxTokens >= 1)) throw new RangeError('token ledger limits must be at least 1');
    this.#limits = limits;
  }

  /** Mints a token pair for `appId`; its access token supersedes every earlier one of that app. */
  issue(appId: string): IssuedTokens {
    const accessToken = mintToken();
    this.#newest.delete(appId);
    this.#newest.set(appId, accessToken);
    this.#owners.set(accessToken, appId);
    dropOldest(this.#newest, this.#limits.maxApps);
    dropOldest(this.#owners, this.#limits.maxTokens);
    return { accessToken, refreshToken: mintToken() };
  }

  /**
   * Why `accessToken` sent with `app_key: appKey` must be refused, or `undefined` when it may
   * pass: it is the app's newest token, or a token the ledger does not know (never issued, or
   * forgotten beyond the limits).
   */
  check(appKey: string, accessToken: string): TokenProblem | undefined {
    const owner = this.#owners.get(accessToken);
    if (owner === undefined) return undefined;
    if (owner !== appKey) return 'token issued to another application';
    const newest = this.#newest.get(owner);
    // An application the ledger has forgotten has no known newest token: nothing to compare with.
    if (newest === undefined || newest === accessToken) return undefined;
    return 'superseded token';
  }

  /** How many applications and tokens are remembered (for tests of the bounds). */
  get size(): { apps: number; tokens: number } {
    return { apps: this.#newest.size, tokens: this.#owners.size };
  }
}

function dropOldest(map: Map<string, string>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}
