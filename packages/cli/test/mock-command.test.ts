// `iodm-northbound mock` and `--mock`, as a user runs them: the built bin as a child process,
// against the simulator-backed mock server (real HTTP on loopback, port 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from './support.js';

const credentials = { app_key: 'cli-test-app', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' };
const base = '/iodm/northbound/v1.5.0';

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `iodm-northbound mock …` and resolves once it printed its URL on stdout. */
function startMock(args: readonly string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'mock', ...args], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    // Ready once the URL is on stdout and the notice on stderr (two pipes: either may come first).
    const check = () => {
      const line = /^(http:\/\/\S+)\n/.exec(stdout);
      if (line && stderr.includes('listening')) resolve({ child, url: line[1]!, stderr: () => stderr, exited });
    };
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      check();
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      check();
    });
    void exited.then((code) => reject(new Error(`mock exited ${code} before listening: ${stderr}`)));
  });
}

const getJson = async (url: string, path: string) => {
  const response = await fetch(`${url}${base}${path}`, { headers: credentials });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

describe('iodm-northbound mock', () => {
  it('serves the simulator on loopback: campaign-<N>, created tasks; Ctrl-C stops it (130) and frees the port', async () => {
    const mock = await startMock(['--port', '0', '--speed', '60', '--seed', '5']);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.stderr()).toMatch(/mock listening on http:\/\/127\.0\.0\.1:\d+ \(speed 60, seed 5\)/);

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

    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(130);
    expect(mock.stderr()).toMatch(/mock stopped\n$/);
    await expect(fetch(`${mock.url}${base}/operations/campaign-40`, { headers: credentials })).rejects.toThrow();
  });

  it('a port in use: one clear line, not a stack', async () => {
    const first = await startMock(['--port', '0']);
    const port = new URL(first.url).port;
    const second = await runBin(['mock', '--port', port]);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`iodm-northbound: Cannot start the mock server: 127.0.0.1:${port} is already in use\n`);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(130);
  });
});

describe('--mock', () => {
  it('runs a command against an embedded simulator-backed mock and says so on stderr', async () => {
    const result = await runBin(['subtasks', 'campaign-30', '--mock', '--format', 'ndjson']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^iodm-northbound: --mock: using an embedded simulator-backed mock at http:\/\/127\.0\.0\.1:\d+, not a platform\n$/);
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { deviceId: string; status: string });
    expect(records).toHaveLength(30);
    expect(new Set(records.map((record) => record.deviceId)).size).toBe(30);
    expect(records.every((record) => ['wait', 'processing', 'success', 'fail', 'stop'].includes(record.status))).toBe(true);
  });

  it('--mock with --base-url: exit 2 with one line, nothing started', async () => {
    const result = await runBin(['subtasks', 'campaign-3', '--mock', '--base-url', 'http://127.0.0.1:9']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'iodm-northbound: --mock and --base-url exclude each other\n' });
  });
});
