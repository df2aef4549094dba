// `iodm-northbound mock` and `--mock`, run in-process as the bin runs them, against the
// simulator-backed mock server (real HTTP on loopback, port 0).
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/main.js';
import { runInProcess, testIo, type TestIo } from './support.js';

const credentials = { app_key: 'cli-test-app', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' };
const base = '/iodm/northbound/v1.5.0';

interface Running {
  streams: TestIo;
  url: string;
  /** The exit code, once Ctrl-C stopped it. */
  exited: Promise<number>;
}

const running: Running[] = [];
afterEach(async () => {
  // A test that failed half-way must not leave a server listening.
  for (const mock of running.splice(0)) {
    mock.streams.interrupt();
    await mock.exited;
  }
});

/** Starts `iodm-northbound mock …` and resolves once it printed its URL on stdout and its notice on stderr. */
async function startMock(args: readonly string[]): Promise<Running> {
  const streams = testIo();
  const exited = runCli(['mock', ...args], streams.io);
  const ready = Promise.all([streams.written('stdout', /^(http:\/\/\S+)\n/), streams.written('stderr', /listening/)]);
  const failedToStart = exited.then((code) => {
    throw new Error(`mock exited ${code} before listening: ${streams.stderr()}`);
  });
  failedToStart.catch(() => {}); // once it listens, its exit is the test's doing
  const [[, url]] = await Promise.race([ready, failedToStart]);
  const mock = { streams, url: url!, exited };
  running.push(mock);
  return mock;
}

async function stop(mock: Running): Promise<number> {
  running.splice(running.indexOf(mock), 1);
  mock.streams.interrupt();
  return mock.exited;
}

const getJson = async (url: string, path: string) => {
  const response = await fetch(`${url}${base}${path}`, { headers: credentials });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

describe('iodm-northbound mock', () => {
  it('--app <appId>:<secret> registers the only app that logs in: a wrong secret exits 3 with the login error', async () => {
    const mock = await startMock(['--port', '0', '--app', 'a:right-secret']);
    const env = { NORTHBOUND_BASE_URL: mock.url, NORTHBOUND_APP_ID: 'a' };
    const refused = await runInProcess(['subtasks', 'campaign-3'], { env: { ...env, NORTHBOUND_SECRET: 'wrong-secret' } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('AppId or secret is not right.');
    expect((await runInProcess(['subtasks', 'campaign-3'], { env: { ...env, NORTHBOUND_SECRET: 'right-secret' } })).code).toBe(0);
  });

  it('serves the simulator on loopback: campaign-<N>, created tasks; Ctrl-C stops it (130) and frees the port', async () => {
    const mock = await startMock(['--port', '0', '--speed', '60', '--seed', '5']);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.streams.stderr()).toMatch(/mock listening on http:\/\/127\.0\.0\.1:\d+ \(speed 60, seed 5\)/);

    const campaign = await getJson(mock.url, '/operations/campaign-40');
    expect(campaign).toMatchObject({ status: 200, body: { operationId: 'campaign-40', staResult: { total: 40 } } });
    const subtasks = await getJson(mock.url, '/operations/campaign-40/subOperations?pageSize=100');
    expect(subtasks.body.data).toHaveLength(40);

    const created = await fetch(`${mock.url}${base}/operations/softwareUpgrade`, {
      method: 'POST',
      headers: { ...credentials, 'content-type': 'application/json' },
      body: JSON.stringify({ fileId: '5bd7e1a2c3f40001a2b3c4e6', targets: { devices: ['m1', 'm2'], deviceGroups: null }, policy: null }),
    });
    expect(created.status).toBe(200);
    const { operationId } = (await created.json()) as { operationId: string };
    expect(await getJson(mock.url, `/operations/${operationId}`)).toMatchObject({ status: 200, body: { operateType: 'software_upgrade', staResult: { total: 2 } } });

    expect(await stop(mock)).toBe(130);
    expect(mock.streams.stderr()).toMatch(/mock stopped\n$/);
    await expect(fetch(`${mock.url}${base}/operations/campaign-40`, { headers: credentials })).rejects.toThrow();
  });

  it('a port in use: one clear line, not a stack', async () => {
    const first = await startMock(['--port', '0']);
    const port = new URL(first.url).port;
    const second = await runInProcess(['mock', '--port', port]);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`iodm-northbound: Cannot start the mock server: 127.0.0.1:${port} is already in use\n`);
    expect(await stop(first)).toBe(130);
  });
});

describe('--mock', () => {
  it('runs a command against an embedded simulator-backed mock and says so on stderr', async () => {
    const result = await runInProcess(['subtasks', 'campaign-30', '--mock', '--format', 'ndjson']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^iodm-northbound: --mock: using an embedded simulator-backed mock at http:\/\/127\.0\.0\.1:\d+, not a platform\n$/);
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { deviceId: string; status: string });
    expect(records).toHaveLength(30);
    expect(new Set(records.map((record) => record.deviceId)).size).toBe(30);
    expect(records.every((record) => ['wait', 'processing', 'success', 'fail', 'stop'].includes(record.status))).toBe(true);
  });

  it('--mock with --base-url: exit 2 with one line, nothing started', async () => {
    const result = await runInProcess(['subtasks', 'campaign-3', '--mock', '--base-url', 'http://127.0.0.1:9']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'iodm-northbound: --mock and --base-url exclude each other\n' });
  });
});
