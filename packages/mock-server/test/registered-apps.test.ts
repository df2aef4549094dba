// Registered applications: with `apps` (or --app), only those appIds with their secrets log in or
// refresh; any other appId or secret gets 400/100208 (inferred), a frozen app 400/100247.
// Without them any secret logs in, as before.
import { describe, expect, it } from 'vitest';
import { MockServerOptionsError, startMockServer } from '../src/index.js';
import { exitedCli, serveCli } from './cli-harness.js';
import { mocksClosedAfterEach } from './started-mocks.js';
import { exampleValue, login, refresh } from './support.js';

const started = mocksClosedAfterEach();

const loginAs = (url: string, appId: string, secret: string) => login(url, new URLSearchParams({ appId, secret }).toString());
const refreshAs = (url: string, appId: string, secret: string) => refresh(url, JSON.stringify({ appId, secret, refreshToken: '1d8f3e0b2b6a4c1f9e7d5c3b1a0f8e6d' }));

describe('apps: [{ appId, secret }]', () => {
  const apps = [{ appId: 'app-a', secret: 'right' }, { appId: 'app-frozen', secret: 'cold', frozen: true }];

  it('logs in and refreshes a registered app with its secret', async () => {
    const mock = await started({ apps });
    expect((await loginAs(mock.url, 'app-a', 'right')).status).toBe(200);
    expect((await refreshAs(mock.url, 'app-a', 'right')).status).toBe(200);
  });

  it.each([
    ['a wrong secret', 'app-a', 'wrong'],
    ['an appId it does not know', 'app-b', 'right'],
    ["another app's secret", 'app-a', 'cold'],
  ])('refuses %s with 400/100208, on login and refresh', async (_case, appId, secret) => {
    const mock = await started({ apps });
    for (const answer of [await loginAs(mock.url, appId, secret), await refreshAs(mock.url, appId, secret)]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(exampleValue('AppIdOrSecretWrong'));
    }
  });

  it('refuses a frozen app with 400/100247', async () => {
    const mock = await started({ apps });
    const answer = await loginAs(mock.url, 'app-frozen', 'cold');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(exampleValue('ApplicationFrozen'));
  });

  it('without apps, any appId and secret log in', async () => {
    const mock = await started({});
    expect((await loginAs(mock.url, 'anyone', 'anything')).status).toBe(200);
  });

  it.each([
    [[], 'apps'],
    [[{ appId: '', secret: 'x' }], 'apps[0]'],
    [[{ appId: 'a', secret: 'x' }, { appId: 'a', secret: 'y' }], 'apps[1]'],
    [[{ appId: 'a', secret: 'x', frozen: 'yes' }], 'apps[0].frozen'],
  ])('refuses apps %j before starting', async (value, option) => {
    await expect(startMockServer({ apps: value as never })).rejects.toThrow(new RegExp(`Invalid mock server option "${option.replace(/[[\].]/g, '\\$&')}"`));
    await expect(startMockServer({ apps: value as never })).rejects.toBeInstanceOf(MockServerOptionsError);
  });

  it('cannot be combined with proxy (the upstream decides who logs in)', async () => {
    await expect(startMockServer({ apps, proxy: 'http://127.0.0.1:9' })).rejects.toThrow(/"apps"/);
  });
});

describe('--app <appId>:<secret> (repeatable) and --frozen-app', () => {
  it('registers every app given, the secret being everything after the first colon', async () => {
    const cli = await serveCli(['--port', '0', '--quiet', '--app', 'app-a:right', '--app', 'app-b:with:colons', '--frozen-app', 'app-c:cold']);
    expect(cli.stdout.text).toContain(`Mock server listening on ${cli.url} (the spec's examples; only app-a, app-b, app-c log in)\n`);
    expect(cli.stdout.text).not.toContain('right');
    expect((await loginAs(cli.url, 'app-a', 'right')).status).toBe(200);
    expect((await loginAs(cli.url, 'app-b', 'with:colons')).status).toBe(200);
    expect((await loginAs(cli.url, 'app-a', 'wrong')).body).toEqual(exampleValue('AppIdOrSecretWrong'));
    expect((await loginAs(cli.url, 'app-c', 'cold')).body).toEqual(exampleValue('ApplicationFrozen'));
  });

  it.each(['app-a', ':right', 'app-a:'])('exits 2 on --app %j, without echoing a secret', async (value) => {
    const cli = await exitedCli(['--port', '0', '--app', value]);
    expect(await cli.exitCode).toBe(2);
    expect(cli.stderr.text).toMatch(/Invalid mock server option "app": must be <appId>:<secret>/);
    expect(cli.stderr.text).not.toContain('right');
  });
});
