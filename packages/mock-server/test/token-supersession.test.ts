// The platform's auth quirk, simulated: only the most recently issued access token of an
// application is valid. Real logins and refreshes against a real mock on a free loopback port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { TokenLedger } from '../src/tokens.js';
import { credentials, exampleValue, getSubtasks, login, refresh, exampleTaskId } from './support.js';

const APP_A = '3RQ9UnhymV409MfKPuiin75XroQa';
const APP_B = 'Wq8Lk2TnYh5Gf3Dz0PbXc7VrMe1a';
const SECRET = '9zsPMbVqUe6pQe4eaWHG8DaeR6oa';
const HEX32 = /^[0-9a-f]{32}$/;
const invalidToken = { error_code: '1010005', error_desc: 'App_key or access_token is invalid.' };
const tokenExample = exampleValue('TokenIssued') as Record<string, unknown>;

interface Token {
  accessToken: string;
  refreshToken: string;
  scope: string;
  tokenType: string;
  expiresIn: number;
}

let mock: MockServer;
// The mock's own validation proxy in front of it: every answer is checked against the spec's schema.
let checked: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
  checked = await startMockServer({ proxy: mock.url });
});
afterAll(async () => {
  await checked.close();
  await mock.close();
});

async function loginAs(appId: string, baseUrl = checked.url): Promise<Token> {
  const answer = await login(baseUrl, new URLSearchParams({ appId, secret: SECRET }).toString());
  expect(answer.status).toBe(200);
  expect(answer.headers.get('sl-violations')).toBeNull();
  return answer.body as Token;
}

async function refreshAs(appId: string, refreshToken: string): Promise<Token> {
  const answer = await refresh(checked.url, JSON.stringify({ appId, secret: SECRET, refreshToken }));
  expect(answer.status).toBe(200);
  expect(answer.headers.get('sl-violations')).toBeNull();
  return answer.body as Token;
}

const queryWith = (appId: string, accessToken: string, baseUrl = checked.url) =>
  getSubtasks(baseUrl, '5bf3a8c7e1d2f40001a3b4c5', '', { app_key: appId, authorization: `Bearer ${accessToken}` });

async function expectRejected(appId: string, accessToken: string, reason: RegExp, baseUrl = checked.url): Promise<void> {
  const answer = await queryWith(appId, accessToken, baseUrl);
  expect(answer.status).toBe(403);
  expect(answer.body).toEqual(invalidToken);
  expect(answer.headers.get('sl-violations')).toBeNull();
  expect(answer.headers.get('x-mock-reason')).toMatch(reason);
}

describe('only the newest access token of an application is valid', () => {
  it('each login mints a different token pair of the example shape, valid per the schema', async () => {
    const tokens = [await loginAs(APP_A), await loginAs(APP_A), await loginAs(APP_B)];
    for (const token of tokens) {
      expect(token).toEqual({ ...tokenExample, accessToken: expect.stringMatching(HEX32), refreshToken: expect.stringMatching(HEX32) });
      expect(token.accessToken).not.toBe(tokenExample.accessToken);
    }
    const all = tokens.flatMap((t) => [t.accessToken, t.refreshToken]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('a second login makes the first token 403/1010005; the second one works', async () => {
    const first = await loginAs(APP_A);
    expect((await queryWith(APP_A, first.accessToken)).status).toBe(200);
    const second = await loginAs(APP_A);
    await expectRejected(APP_A, first.accessToken, /^security: superseded token/);
    expect((await queryWith(APP_A, second.accessToken)).status).toBe(200);
  });

  it('a refresh (JSON appId) supersedes the login token, and mints a fresh pair', async () => {
    const loggedIn = await loginAs(APP_A);
    const refreshed = await refreshAs(APP_A, loggedIn.refreshToken);
    expect(refreshed).toEqual({ ...tokenExample, accessToken: expect.stringMatching(HEX32), refreshToken: expect.stringMatching(HEX32) });
    expect(refreshed.accessToken).not.toBe(loggedIn.accessToken);
    await expectRejected(APP_A, loggedIn.accessToken, /superseded token/);
    expect((await queryWith(APP_A, refreshed.accessToken)).status).toBe(200);
  });

  it('does not check refresh tokens: any refreshToken is taken', async () => {
    await loginAs(APP_A);
    const refreshed = await refreshAs(APP_A, 'f'.repeat(32));
    expect((await queryWith(APP_A, refreshed.accessToken)).status).toBe(200);
  });

  it('refuses a token issued to app A when sent with the app_key of app B', async () => {
    const ofA = await loginAs(APP_A);
    await loginAs(APP_B);
    await expectRejected(APP_B, ofA.accessToken, /^security: token issued to another application/);
    // A's token is still A's newest: only the mismatch was refused.
    expect((await queryWith(APP_A, ofA.accessToken)).status).toBe(200);
  });

  it('an application that never logged in cannot use a token issued to another one', async () => {
    const ofA = await loginAs(APP_A);
    await expectRejected('NeverLoggedInApp', ofA.accessToken, /another application/);
  });

  it('keeps accepting tokens it never issued (the example token, fixed tokens in tests)', async () => {
    await loginAs(APP_A);
    expect((await getSubtasks(checked.url, exampleTaskId)).status).toBe(200);
    expect(credentials.authorization).toBe(`Bearer ${tokenExample.accessToken}`);
    expect((await queryWith(APP_A, 'f00dfeed')).status).toBe(200);
    expect((await queryWith('SomeOtherApp', tokenExample.accessToken as string)).status).toBe(200);
  });

  it('a superseded token is refused before the query is looked at, and whatever Prefer asks', async () => {
    const first = await loginAs(APP_A);
    await loginAs(APP_A);
    const badPage = await getSubtasks(checked.url, exampleTaskId, '?pageSize=1000', { app_key: APP_A, authorization: `Bearer ${first.accessToken}` });
    expect(badPage).toMatchObject({ status: 403, body: invalidToken });
    const scenario = await getSubtasks(checked.url, exampleTaskId, '', {
      app_key: APP_A,
      authorization: `Bearer ${first.accessToken}`,
      prefer: 'example=TaskNotFound',
    });
    expect(scenario).toMatchObject({ status: 403, body: invalidToken });
  });

  it('a login or refresh answered from a Prefer scenario serves the example and supersedes nothing', async () => {
    const current = await loginAs(APP_A);
    const scenarioLogin = await login(checked.url, `appId=${APP_A}&secret=${SECRET}`, { prefer: 'example=TokenIssued' });
    expect(scenarioLogin.body).toEqual(tokenExample);
    const scenarioRefresh = await refresh(checked.url, JSON.stringify({ appId: APP_A, secret: SECRET, refreshToken: 'x' }), { prefer: 'code=200' });
    expect(scenarioRefresh.body).toEqual(tokenExample);
    expect((await queryWith(APP_A, current.accessToken)).status).toBe(200);
  });

  it('keeps its state per mock instance', async () => {
    const other = await startMockServer();
    try {
      const here = await loginAs(APP_A, mock.url);
      const there = await loginAs(APP_A, other.url);
      // Each mock only knows its own tokens: the other's newest login supersedes nothing here.
      expect((await queryWith(APP_A, here.accessToken, mock.url)).status).toBe(200);
      expect((await queryWith(APP_A, there.accessToken, other.url)).status).toBe(200);
      await loginAs(APP_A, other.url);
      await expectRejected(APP_A, there.accessToken, /superseded/, other.url);
      expect((await queryWith(APP_A, here.accessToken, mock.url)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('TokenLedger (the bounded memory behind it)', () => {
  it('remembers at most maxApps applications and maxTokens tokens, forgetting the oldest', () => {
    const ledger = new TokenLedger({ maxApps: 3, maxTokens: 5 });
    const issued = Array.from({ length: 10 }, (_, i) => ({ app: `app-${i}`, ...ledger.issue(`app-${i}`) }));
    expect(ledger.size).toEqual({ apps: 3, tokens: 5 });
    // Forgotten: accepted again, as a token the mock never issued.
    expect(ledger.check('app-0', issued[0]!.accessToken)).toBeUndefined();
    expect(ledger.check('app-9', issued[9]!.accessToken)).toBeUndefined();
    expect(ledger.check('app-8', issued[9]!.accessToken)).toBe('token issued to another application');
  });

  it('a superseded token stays refused while the ledger remembers it', () => {
    const ledger = new TokenLedger({ maxApps: 2, maxTokens: 100 });
    const first = ledger.issue('a');
    const second = ledger.issue('a');
    expect(ledger.check('a', first.accessToken)).toBe('superseded token');
    expect(ledger.check('a', second.accessToken)).toBeUndefined();
    // Many other apps later, "a" is forgotten: its old tokens have nothing to be compared with.
    for (let i = 0; i < 5; i++) ledger.issue(`other-${i}`);
    expect(ledger.size.apps).toBe(2);
    expect(ledger.check('a', first.accessToken)).toBeUndefined();
  });

  it('re-issuing to an app makes it the most recent one again', () => {
    const ledger = new TokenLedger({ maxApps: 2, maxTokens: 100 });
    ledger.issue('a');
    ledger.issue('b');
    const old = ledger.issue('a').accessToken;
    const newest = ledger.issue('a').accessToken;
    ledger.issue('c'); // evicts "b", the least recently issued
    expect(ledger.check('a', old)).toBe('superseded token');
    expect(ledger.check('a', newest)).toBeUndefined();
  });
});
