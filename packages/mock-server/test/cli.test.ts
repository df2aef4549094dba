// The built CLI (dist/cli.js, the package's bin) as a team would run it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { getSubtasks, portIsFree } from './support.js';

const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const children: ChildProcess[] = [];

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
}

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return { child, stdout: () => out, stderr: () => err };
}

async function start(args: string[]): Promise<Running> {
  const started = run(args);
  const deadline = Date.now() + 60_000; // hang guard: Prism loads slowly on a loaded machine
  for (;;) {
    const match = /Mock server listening on (http:\/\/\S+)/.exec(started.stdout());
    if (match) return { ...started, url: match[1]! };
    if (started.child.exitCode !== null) throw new Error(`CLI exited ${started.child.exitCode}: ${started.stderr()}`);
    if (Date.now() > deadline) throw new Error(`CLI did not start: ${started.stdout()} ${started.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function exitCodeOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A failed assertion must not leave a mock running.
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
});

describe('iodm-northbound-mock', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves until %s, then exits 0 and frees the port', async (signal) => {
    const mock = await start(['--port', '0']);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await getSubtasks(mock.url, 'paged-12', '?pageSize=5');
    expect(answer.body).toMatchObject({ totalCount: 12, pageSize: 5 });
    expect(mock.stdout()).toContain('GET /iodm/northbound/v1.5.0/operations/paged-12/subOperations -> 200');

    mock.child.kill(signal);
    expect(await exitCodeOf(mock.child)).toBe(0);
    expect(isRunning(mock.child.pid!)).toBe(false);
    expect(await portIsFree(Number(new URL(mock.url).port))).toBe(true);
  });

  it('runs as a validation proxy with --proxy', async () => {
    const upstream = await start(['--port', '0', '--dynamic']);
    const proxy = await start(['--port', '0', '--proxy', upstream.url, '--quiet']);
    expect(proxy.stdout()).toContain(`(validation proxy to ${upstream.url})`);
    const answer = await getSubtasks(proxy.url, 'abc', '?pageSize=2');
    expect(answer.status).toBe(200);
    expect((answer.body as { pageSize: number }).pageSize).toBe(2);
    expect(answer.headers.get('sl-violations')).toBeNull();
  });

  it('--quiet prints nothing for routine answers: 200, 404, 405, 422, a malformed target', async () => {
    const mock = await start(['--port', '0', '--quiet']);
    expect((await getSubtasks(mock.url, 'abc')).status).toBe(200);
    expect((await fetch(`${mock.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${mock.url}/iocm/app/sec/v1.1.0/login`)).status).toBe(405);
    expect((await getSubtasks(mock.url, 'abc', '', { prefer: 'example=NoSuchExample' })).status).toBe(422);
    expect((await getSubtasks(mock.url, 'abc', '?pageSize=0x10')).status).toBe(400);
    mock.child.kill('SIGTERM');
    expect(await exitCodeOf(mock.child)).toBe(0);
    expect(mock.stdout().trim().split('\n')).toEqual([expect.stringMatching(/^Mock server listening on /), 'SIGTERM: shutting down']);
    expect(mock.stderr()).toBe('');
  });

  it.each([
    [['--upstream-timeout-ms', '1.5'], /Invalid mock server option "upstreamTimeoutMs"/],
    [['--port', 'abc'], /Invalid mock server option "port"/],
    [['--port', '70000'], /Invalid mock server option "port"/],
    [['--proxy', 'ftp://example.invalid'], /Invalid mock server option "proxy"/],
    [['--colour'], /Unknown option '--colour'/],
    [['--speed', '0'], /Invalid mock server option "simulation.speed"/],
    [['--speed', 'fast'], /Invalid mock server option "simulation.speed"/],
    [['--seed=-3'], /Invalid mock server option "simulation.seed"/],
  ])('exits 2 with a clear message for %o', async (args, message) => {
    const cli = run(args);
    expect(await exitCodeOf(cli.child)).toBe(2);
    expect(cli.stderr()).toMatch(message);
  });

  it('serves simulated campaigns at --speed and --seed', async () => {
    const mock = await start(['--port', '0', '--speed', '600', '--seed', '4', '--quiet']);
    const answer = await fetch(`${mock.url}/iodm/northbound/v1.5.0/operations/campaign-12`, {
      headers: { app_key: 'a', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ operationId: 'campaign-12', staResult: { total: 12 } });
    mock.child.kill('SIGTERM');
    expect(await exitCodeOf(mock.child)).toBe(0);
  });

  it('exits 1 when the port is taken', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const cli = run(['--port', String(port)]);
      expect(await exitCodeOf(cli.child)).toBe(1);
      expect(cli.stderr()).toContain(`127.0.0.1:${port} is already in use`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('prints its usage with --help', async () => {
    const cli = run(['--help']);
    expect(await exitCodeOf(cli.child)).toBe(0);
    expect(cli.stdout()).toMatch(/--proxy <url>/);
  });
});
