import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ApplicationFrozenError,
  createNorthboundClient,
  InvalidTokenError,
  type NorthboundClientOptions,
  ServerError,
} from '../src/index.js';
import { appId, baseUrl, errorResponse, operationId, page, platformErrors, secret, tokenResponse } from './support/platform-fixtures.js';
import { recordingFetch } from './support/recording-fetch.js';
import { tokenPlatform, type TokenPlatformOptions } from './support/token-platform.js';

afterEach(() => {
  vi.useRealTimers();
});

function clientOn(platformOptions: TokenPlatformOptions = {}, clientOptions: NorthboundClientOptions = {}) {
  const platform = tokenPlatform(platformOptions);
  const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: platform.fetch, ...clientOptions });
  return { client, platform };
}

const bearer = (n: number) => `Bearer ${tokenResponse(n).accessToken}`;
const seconds = (n: number) => n * 1000;

describe('login', () => {
  it('posts appId and secret form-encoded to the login path, without auth headers', async () => {
    const { client, platform } = clientOn();
    await client.querySubTasks(operationId);

    const [login] = platform.logins();
    expect(login!.method).toBe('POST');
    expect(login!.url.pathname).toBe('/iocm/app/sec/v1.1.0/login');
    expect(login!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(login!.body))).toEqual({ appId, secret });
    expect(login!.headers.authorization).toBeUndefined();
    expect(login!.headers.app_key).toBeUndefined();
    expect(platform.queries()[0]!.headers.authorization).toBe(bearer(1));
  });

  it('form-encodes a secret with reserved characters', async () => {
    const odd = 'p&ss=w+rd/?#%';
    const recorder = recordingFetch((request) =>
      request.url.pathname.endsWith('/login') ? Response.json(tokenResponse(1)) : Response.json(page(0, 10, 0)),
    );
    const client = createNorthboundClient({ baseUrl, appId, secret: odd }, { fetch: recorder.fetch });
    await client.querySubTasks(operationId);
    expect(new URLSearchParams(recorder.requests[0]!.body).get('secret')).toBe(odd);
  });

  it('caches the token: three calls, one login', async () => {
    const { client, platform } = clientOn();
    for (let i = 0; i < 3; i++) await client.querySubTasks(operationId);
    expect(platform.logins()).toHaveLength(1);
    expect(platform.queries().map((query) => query.headers.authorization)).toEqual([bearer(1), bearer(1), bearer(1)]);
  });

  it('is single-flight: 20 concurrent calls share one login and all succeed', async () => {
    const { client, platform } = clientOn({ loginDelayMs: 20 });

    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => client.querySubTasks(operationId, { pageNo: i % 3 })));

    expect(platform.logins()).toHaveLength(1);
    expect(platform.queries()).toHaveLength(20);
    expect(new Set(platform.queries().map((query) => query.headers.authorization))).toEqual(new Set([bearer(1)]));
    expect(pages.every((result) => result.totalCount === 25)).toBe(true);
  });

  it('lets one caller give up on a shared login without cancelling it for the others', async () => {
    const { client, platform } = clientOn({ loginDelayMs: 30 });
    const controller = new AbortController();
    const impatient = client.querySubTasks(operationId, { signal: controller.signal });
    const patient = client.querySubTasks(operationId);
    setTimeout(() => controller.abort(), 5);

    await expect(impatient).rejects.toBeInstanceOf(AbortError);
    await expect(patient).resolves.toMatchObject({ totalCount: 25 });
    expect(platform.logins()).toHaveLength(1);
    expect(platform.queries()).toHaveLength(1);
  });
});

describe('refresh before expiresIn runs out', () => {
  it('keeps the token until a minute before expiry, then refreshes it with the refresh token (JSON)', async () => {
    vi.useFakeTimers();
    const { client, platform } = clientOn();
    await client.querySubTasks(operationId);

    vi.advanceTimersByTime(seconds(3600 - 61));
    await client.querySubTasks(operationId);
    expect(platform.refreshes()).toHaveLength(0);

    vi.advanceTimersByTime(seconds(2));
    await client.querySubTasks(operationId);
    const [refresh] = platform.refreshes();
    expect(refresh!.url.pathname).toBe('/iocm/app/sec/v1.1.0/refreshToken');
    expect(refresh!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(refresh!.body)).toEqual({ appId, secret, refreshToken: tokenResponse(1).refreshToken });
    expect(platform.logins()).toHaveLength(1);
    expect(platform.queries().map((query) => query.headers.authorization)).toEqual([bearer(1), bearer(1), bearer(2)]);
  });

  it('refreshes once for 20 concurrent calls', async () => {
    vi.useFakeTimers();
    const { client, platform } = clientOn();
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(3590));

    await Promise.all(Array.from({ length: 20 }, () => client.querySubTasks(operationId)));

    expect(platform.refreshes()).toHaveLength(1);
    expect(platform.queries().slice(1).every((query) => query.headers.authorization === bearer(2))).toBe(true);
  });

  it('scales the margin down for short-lived tokens (a tenth of their life)', async () => {
    vi.useFakeTimers();
    const { client, platform } = clientOn({ expiresIn: 100 });
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(89));
    await client.querySubTasks(operationId);
    expect(platform.refreshes()).toHaveLength(0);
    vi.advanceTimersByTime(seconds(2));
    await client.querySubTasks(operationId);
    expect(platform.refreshes()).toHaveLength(1);
  });

  it('refreshes an expired access token while the refresh token (24 h) is still valid', async () => {
    vi.useFakeTimers();
    const { client, platform } = clientOn();
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(5 * 3600));
    await client.querySubTasks(operationId);
    expect(platform.refreshes()).toHaveLength(1);
    expect(platform.logins()).toHaveLength(1);
  });

  it('logs in again once the refresh token is older than 24 h', async () => {
    vi.useFakeTimers();
    const { client, platform } = clientOn();
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(24 * 3600 + 1));
    await client.querySubTasks(operationId);
    expect(platform.refreshes()).toHaveLength(0);
    expect(platform.logins()).toHaveLength(2);
  });

  it('falls back to a login when the platform rejects the refresh token', async () => {
    vi.useFakeTimers();
    const { client, platform } = clientOn({
      onTokenRequest: (_request, kind) => (kind === 'refresh' ? errorResponse(platformErrors.requiredParameterEmpty) : undefined),
    });
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(3590));
    await client.querySubTasks(operationId);
    expect(platform.refreshes()).toHaveLength(1);
    expect(platform.logins()).toHaveLength(2);
    expect(platform.queries().at(-1)!.headers.authorization).toBe(bearer(2));
  });

  it('keeps using the still-valid token when a refresh fails for a passing reason (5xx), and tries again later', async () => {
    vi.useFakeTimers();
    let failRefresh = true;
    const { client, platform } = clientOn({
      onTokenRequest: (_request, kind) => (kind === 'refresh' && failRefresh ? errorResponse(platformErrors.serverError) : undefined),
    });
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(3590));
    await client.querySubTasks(operationId);
    expect(platform.queries().at(-1)!.headers.authorization).toBe(bearer(1));

    failRefresh = false;
    await client.querySubTasks(operationId);
    expect(platform.refreshes()).toHaveLength(2);
    expect(platform.queries().at(-1)!.headers.authorization).toBe(bearer(2));
  });

  it('does not send an expired token when the refresh fails for a passing reason (5xx): the error goes to the caller', async () => {
    vi.useFakeTimers();
    const { client, platform } = clientOn(
      { onTokenRequest: (_request, kind) => (kind === 'refresh' ? errorResponse(platformErrors.serverError) : undefined) },
      { maxRetries: 0 },
    );
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(3600 + 1));

    const error = await client.querySubTasks(operationId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServerError);
    // Reported against the query that waited for the refresh; the refresh's own error is the cause.
    expect((error as ServerError).operation).toBe('queryUpgradeSubTask');
    expect((error as ServerError).cause).toBeInstanceOf(ServerError);
    expect((error as ServerError).cause).toMatchObject({ operation: 'refreshAuthToken' });
    expect(platform.refreshes()).toHaveLength(1);
    // Only the query made before expiry: the expired token was not sent.
    expect(platform.queries()).toHaveLength(1);
  });

  it('does not send an expired token when the refresh cannot connect: the retried attempt refreshes again', async () => {
    vi.useFakeTimers();
    let refreshFailures = 1;
    const { client, platform } = clientOn({
      onTokenRequest: (_request, kind) => {
        if (kind !== 'refresh' || refreshFailures === 0) return undefined;
        refreshFailures -= 1;
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 203.0.113.10:8743'), { code: 'ECONNREFUSED' }) });
      },
    });
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(3600 + 1));

    const pending = client.querySubTasks(operationId);
    await vi.advanceTimersByTimeAsync(1_000);

    await expect(pending).resolves.toMatchObject({ totalCount: 25 });
    expect(platform.refreshes()).toHaveLength(2);
    expect(platform.logins()).toHaveLength(1);
    expect(platform.queries().map((query) => query.headers.authorization)).toEqual([bearer(1), bearer(2)]);
  });

  it('reports a frozen application (400/100247) instead of logging in again', async () => {
    vi.useFakeTimers();
    const { client, platform } = clientOn({
      onTokenRequest: (_request, kind) => (kind === 'refresh' ? errorResponse(platformErrors.applicationFrozen) : undefined),
    });
    await client.querySubTasks(operationId);
    vi.advanceTimersByTime(seconds(3590));
    const error = await client.querySubTasks(operationId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApplicationFrozenError);
    expect((error as ApplicationFrozenError).operation).toBe('queryUpgradeSubTask');
    expect((error as ApplicationFrozenError).cause).toMatchObject({ name: 'ApplicationFrozenError', operation: 'refreshAuthToken' });
    expect(platform.logins()).toHaveLength(1);
  });
});

describe('403/1010005: re-authenticate once and retry the call', () => {
  it('logs in again and retries when another login invalidated the token', async () => {
    const { client, platform } = clientOn();
    await client.querySubTasks(operationId);
    platform.revokeCurrentToken();

    const result = await client.querySubTasks(operationId);

    expect(result.totalCount).toBe(25);
    expect(platform.logins()).toHaveLength(2);
    const lastTwo = platform.queries().slice(-2).map((query) => query.headers.authorization);
    expect(lastTwo).toEqual([bearer(1), bearer(3)]);
  });

  it('re-authenticates only once per call: a token rejected again gives InvalidTokenError', async () => {
    const recorder = recordingFetch((request) =>
      request.url.pathname.endsWith('/login') ? Response.json(tokenResponse(recorder.requests.length)) : errorResponse(platformErrors.invalidToken),
    );
    const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });

    const error = await client.querySubTasks(operationId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidTokenError);
    expect(recorder.requests.map((request) => request.url.pathname.split('/').at(-1))).toEqual(['login', 'subOperations', 'login', 'subOperations']);
  });

  it('counts the re-login per call, not per attempt: a retried attempt gets no second one', async () => {
    vi.useFakeTimers();
    const answers = ['1010005', '500', '1010005'];
    const recorder = recordingFetch((request) => {
      if (request.url.pathname.endsWith('/login')) return Response.json(tokenResponse(recorder.requests.length));
      const answer = answers.shift();
      if (answer === '1010005') return errorResponse(platformErrors.invalidToken);
      if (answer === '500') return errorResponse(platformErrors.serverError);
      return Response.json(page(0, 10, 1));
    });
    const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });

    const pending = client.querySubTasks(operationId).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(2_000);

    expect(await pending).toBeInstanceOf(InvalidTokenError);
    expect(recorder.requests.map((request) => request.url.pathname.split('/').at(-1))).toEqual(['login', 'subOperations', 'login', 'subOperations', 'subOperations']);
  });

  it('shares one re-login between 20 concurrent calls that all got 1010005', async () => {
    const { client, platform } = clientOn({ loginDelayMs: 10 });
    await client.querySubTasks(operationId);
    platform.revokeCurrentToken();

    const results = await Promise.all(Array.from({ length: 20 }, () => client.querySubTasks(operationId)));

    expect(results).toHaveLength(20);
    expect(platform.logins()).toHaveLength(2);
  });

  it('does not log in when the caller manages the token: InvalidTokenError at once', async () => {
    const recorder = recordingFetch(() => errorResponse(platformErrors.invalidToken));
    const client = createNorthboundClient({ baseUrl, appId, accessToken: 'expired-token-0001' }, { fetch: recorder.fetch });
    await expect(client.querySubTasks(operationId)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(recorder.requests).toHaveLength(1);
  });

  it('does not swap in its own token when the Python-shaped call passed one explicitly', async () => {
    const { client, platform } = clientOn();
    await expect(client.queryUpgradeSubTask({}, operationId, 'token-from-elsewhere')).rejects.toBeInstanceOf(InvalidTokenError);
    expect(platform.logins()).toHaveLength(0);
    expect(platform.queries()).toHaveLength(1);
  });
});

describe('a failed login inside an idempotent query', () => {
  it('is retried with the query, as one more attempt', async () => {
    vi.useFakeTimers();
    let loginFailures = 1;
    const { client, platform } = clientOn({
      onTokenRequest: (_request, kind) => {
        if (kind !== 'login' || loginFailures === 0) return undefined;
        loginFailures -= 1;
        return errorResponse(platformErrors.serverError);
      },
    });
    const pending = client.querySubTasks(operationId);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(pending).resolves.toMatchObject({ totalCount: 25 });
    expect(platform.logins()).toHaveLength(2);
    expect(platform.queries()).toHaveLength(1);
  });
});
