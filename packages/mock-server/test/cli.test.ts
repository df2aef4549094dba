// The mock's CLI (iodm-northbound-mock): options, exit codes and output run in-process through
// runMockCli; one end-to-end run of the built bin (dist/cli.js) checks the signals.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { exitedCli, serveCli, stopAllClis } from './cli-harness.js';
import { getSubtasks, portIsFree, exampleTaskId } from './support.js';

afterEach(stopAllClis);

describe('iodm-northbound-mock, in-process', () => {
  it('serves on 127.0.0.1:0 with a startup banner and a line per request until stopped, then exits 0 and frees the port', async () => {
    const mock = await serveCli(['--port', '0']);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.stdout.text).toContain(`Mock server listening on ${mock.url} (the spec's examples)\n`);
    const answer = await getSubtasks(mock.url, 'paged-12', '?pageSize=5');
    expect(answer.body).toMatchObject({ totalCount: 12, pageSize: 5 });
    expect(mock.stdout.text).toContain('GET /iodm/northbound/v1.5.0/operations/paged-12/subOperations -> 200');

    expect(await mock.stop('SIGINT')).toBe(0);
    expect(mock.stdout.text).toMatch(/SIGINT: shutting down\n$/);
    expect(await portIsFree(Number(new URL(mock.url).port))).toBe(true);
  });

  it('runs as a validation proxy with --proxy', async () => {
    const upstream = await serveCli(['--port', '0', '--dynamic']);
    expect(upstream.stdout.text).toContain('(dynamic bodies)');
    const proxy = await serveCli(['--port', '0', '--proxy', upstream.url, '--quiet']);
    expect(proxy.stdout.text).toContain(`(validation proxy to ${upstream.url})`);
    const answer = await getSubtasks(proxy.url, exampleTaskId, '?pageSize=2');
    expect(answer.status).toBe(200);
    expect((answer.body as { pageSize: number }).pageSize).toBe(2);
    expect(answer.headers.get('sl-violations')).toBeNull();
  });

  it('--quiet prints nothing for routine answers: 200, 404, 405, 422, a malformed target', async () => {
    const mock = await serveCli(['--port', '0', '--quiet']);
    expect((await getSubtasks(mock.url, exampleTaskId)).status).toBe(200);
    expect((await fetch(`${mock.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${mock.url}/iocm/app/sec/v1.1.0/login`)).status).toBe(405);
    expect((await getSubtasks(mock.url, exampleTaskId, '', { prefer: 'example=NoSuchExample' })).status).toBe(422);
    expect((await getSubtasks(mock.url, exampleTaskId, '?pageSize=0x10')).status).toBe(400);
    expect(await mock.stop('SIGTERM')).toBe(0);
    expect(mock.stdout.text.trim().split('\n')).toEqual([expect.stringMatching(/^Mock server listening on /), 'SIGTERM: shutting down']);
    expect(mock.stderr.text).toBe('');
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
    const cli = await exitedCli(args);
    expect(await cli.exitCode).toBe(2);
    expect(cli.stderr.text).toMatch(message);
    expect(cli.stdout.text).toBe('');
  });

  it('serves simulated campaigns at --speed and --seed', async () => {
    const mock = await serveCli(['--port', '0', '--speed', '600', '--seed', '4', '--quiet']);
    const answer = await fetch(`${mock.url}/iodm/northbound/v1.5.0/operations/campaign-12`, {
      headers: { app_key: 'a', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ operationId: 'campaign-12', staResult: { total: 12 } });
    expect(await mock.stop()).toBe(0);
  });

  it('exits 1 when the port is taken', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const cli = await exitedCli(['--port', String(port)]);
      expect(await cli.exitCode).toBe(1);
      expect(cli.stderr.text).toContain(`127.0.0.1:${port} is already in use`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('prints its usage with --help', async () => {
    const cli = await exitedCli(['--help']);
    expect(await cli.exitCode).toBe(0);
    expect(cli.stdout.text).toMatch(/--proxy <url>/);
  });
});

describe('the built bin, end to end', () => {
  const binPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

  // The two signals in parallel: each run pays for a node process loading Prism.
  it.concurrent.each(['SIGINT', 'SIGTERM'] as const)('serves until %s, then exits 0 and frees the port', async (signal) => {
    const child = spawn(process.execPath, [binPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const banner = /Mock server listening on (http:\/\/127\.0\.0\.1:\d+)/;
      while (!banner.test(stdout)) {
        const next = await Promise.race([once(child.stdout, 'data'), exited]);
        if (next.length === 2 && child.exitCode !== null) throw new Error(`the bin exited ${child.exitCode}: ${stderr}`);
      }
      const url = banner.exec(stdout)![1]!;
      expect((await getSubtasks(url, 'paged-12', '?pageSize=5')).body).toMatchObject({ totalCount: 12, pageSize: 5 });

      child.kill(signal);
      expect(await exited).toEqual([0, null]);
      expect(stdout).toContain(`${signal}: shutting down`);
      expect(await portIsFree(Number(new URL(url).port))).toBe(true);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
  });
});
