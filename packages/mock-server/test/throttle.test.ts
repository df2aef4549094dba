// The platform's flow control, simulated: at most `limit` calls of one app_key in any sliding
// window, the rest 403/1010009; off by default; counted in stats().
import { describe, expect, it } from 'vitest';
import { MockServerOptionsError, parseThrottleOption, startMockServer } from '../src/index.js';
import { AppThrottle } from '../src/traffic/throttle.js';
import { exitedCli, serveCli } from './cli-harness.js';
import { mocksClosedAfterEach } from './started-mocks.js';
import { credentials, getSubtasks, login, exampleTaskId } from './support.js';

const mock = mocksClosedAfterEach();

describe('throttle', () => {
  it('is off by default', async () => {
    const server = await mock();
    const answers = await Promise.all(Array.from({ length: 40 }, () => getSubtasks(server.url, exampleTaskId)));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    expect(server.stats()).toMatchObject({ requests: 40, throttled: 0 });
  });

  it('lets exactly `limit` concurrent calls of one app_key through and answers the rest 403/1010009', async () => {
    const server = await mock({ throttle: { limit: 20, windowMs: 60_000 } });
    const answers = await Promise.all(Array.from({ length: 50 }, () => getSubtasks(server.url, exampleTaskId)));
    const throttled = answers.filter((a) => a.status === 403);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(20);
    expect(throttled).toHaveLength(30);
    expect(throttled[0]!.body).toEqual({ error_code: '1010009', error_desc: 'app throttle exceed.' });
    expect(throttled[0]!.headers.get('x-mock-reason')).toBe('throttled: more than 20 calls of this app_key in 60000 ms');
    expect(server.stats()).toMatchObject({ requests: 50, throttled: 30, invalidToken: 0 });
  });

  it('keeps one budget per app_key, and does not count logins', async () => {
    const server = await mock({ throttle: { limit: 2, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await login(server.url)).status).toBe(200);
    const first = await Promise.all([1, 2, 3].map(() => getSubtasks(server.url, exampleTaskId)));
    const other = await Promise.all([1, 2].map(() => getSubtasks(server.url, exampleTaskId, '', { app_key: 'another-app' })));
    expect(first.map((a) => a.status).sort()).toEqual([200, 200, 403]);
    expect(other.map((a) => a.status)).toEqual([200, 200]);
    expect(server.stats()).toMatchObject({ logins: 3, throttled: 1 });
  });

  it('slides: a call is allowed again once the oldest counted call left the window', () => {
    // Arrival times are given, not slept for, so a loaded machine cannot move the boundary.
    const throttle = new AppThrottle({ limit: 2, windowMs: 400 });
    expect(throttle.admit('app', 1_000)).toBe(true);
    expect(throttle.admit('app', 1_250)).toBe(true);
    expect(throttle.admit('app', 1_399)).toBe(false);
    expect(throttle.admit('app', 1_399), 'a refused call is not counted').toBe(false);
    expect(throttle.admit('other-app', 1_399), 'each app_key has its own budget').toBe(true);
    expect(throttle.admit('app', 1_400), 'the call at 1000 left the window at 1400').toBe(true);
    expect(throttle.admit('app', 1_600)).toBe(false);
    expect(throttle.admit('app', 1_650), 'the call at 1250 left the window at 1650').toBe(true);
  });

  it('counts logins and 1010005 answers (a superseded token)', async () => {
    const server = await mock();
    const first = (await login(server.url)).body as { accessToken: string };
    await login(server.url);
    const stale = await getSubtasks(server.url, exampleTaskId, '', { authorization: `Bearer ${first.accessToken}` });
    expect(stale.status).toBe(403);
    expect(server.stats()).toEqual({ requests: 3, logins: 2, refreshes: 0, invalidToken: 1, throttled: 0 });
  });

  it('is refused in proxy mode, where the upstream applies its own flow control', async () => {
    const started = startMockServer({ proxy: 'http://127.0.0.1:1', throttle: { limit: 10, windowMs: 1000 } });
    await expect(started).rejects.toThrow(/"throttle": simulates the platform in mock mode and cannot be combined with proxy/);
  });

  it("counts every call of the app_key: a superseded token's call spends the budget too (then 1010005)", async () => {
    const server = await mock({ throttle: { limit: 2, windowMs: 60_000 } });
    const first = (await login(server.url)).body as { accessToken: string };
    const second = (await login(server.url)).body as { accessToken: string };
    const stale = await getSubtasks(server.url, exampleTaskId, '', { authorization: `Bearer ${first.accessToken}` });
    expect(stale.body).toMatchObject({ error_code: '1010005' });
    const fresh = await getSubtasks(server.url, exampleTaskId, '', { authorization: `Bearer ${second.accessToken}` });
    expect(fresh.status).toBe(200);
    const over = await getSubtasks(server.url, exampleTaskId, '', { authorization: `Bearer ${second.accessToken}` });
    expect(over.body).toMatchObject({ error_code: '1010009' });
    expect(server.stats()).toEqual({ requests: 5, logins: 2, refreshes: 0, invalidToken: 1, throttled: 1 });
  });

  it.each([
    [{ limit: 0, windowMs: 1000 }, /limit must be an integer from 1/],
    [{ limit: 1.5, windowMs: 1000 }, /limit must be an integer/],
    [{ limit: 10, windowMs: -1 }, /windowMs must be an integer from 1/],
    ['100/60s', /must be \{ limit, windowMs \}/],
  ])('rejects throttle %j with MockServerOptionsError', async (throttle, message) => {
    const started = startMockServer({ throttle: throttle as never });
    await expect(started).rejects.toBeInstanceOf(MockServerOptionsError);
    await expect(started).rejects.toThrow(message);
  });
});

describe('--throttle <limit>/<window>', () => {
  it.each([
    ['100/60s', { limit: 100, windowMs: 60_000 }],
    ['300/10s', { limit: 300, windowMs: 10_000 }],
    ['50/500ms', { limit: 50, windowMs: 500 }],
    ['100/1m', { limit: 100, windowMs: 60_000 }],
    ['100/1min', { limit: 100, windowMs: 60_000 }],
    ['5/1h', { limit: 5, windowMs: 3_600_000 }],
  ])('reads %s', (text, expected) => {
    expect(parseThrottleOption(text)).toEqual(expected);
  });

  it.each(['100', '100/60', '100/60sec', 'x/60s', '100/-1s', '0/60s', '100 / 60s', '100/0s'])('rejects %j with a clear error', (text) => {
    expect(() => parseThrottleOption(text)).toThrow(MockServerOptionsError);
    expect(() => parseThrottleOption(text)).toThrow(/throttle/);
  });

  it('the CLI exits 2 with the expected spelling on a bad value', async () => {
    const cli = await exitedCli(['--port', '0', '--throttle', '100 per minute']);
    expect(await cli.exitCode).toBe(2);
    expect(cli.stderr.text).toMatch(/Invalid mock server option "throttle": must be <limit>\/<window> with a unit .* e\.g\. 100\/60s/);
  });

  it('the CLI throttles with --throttle', async () => {
    const cli = await serveCli(['--port', '0', '--quiet', '--throttle', '1/60s']);
    expect((await getSubtasks(cli.url, exampleTaskId)).status).toBe(200);
    const second = await getSubtasks(cli.url, exampleTaskId, '', { app_key: credentials.app_key });
    expect(second.status).toBe(403);
    expect(second.body).toMatchObject({ error_code: '1010009' });
  });
});
