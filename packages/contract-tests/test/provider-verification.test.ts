// Provider verification says what it verifies: the first line names the target, an unreachable
// provider is one clear line and exit 1, and an empty variable is an error, never the mock.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contractTargetFromEnv, ContractTargetError, describeTarget } from '../src/target.js';
import { assertReachable } from '../src/reachability.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const provider = { NORTHBOUND_BASE_URL: 'https://203.0.113.10:8743', NORTHBOUND_APP_ID: 'app-1', NORTHBOUND_SECRET: 's3cret', NORTHBOUND_TASK_ID: 'task-9' };

function runCli(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NORTHBOUND_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [cli], { env: { ...clean, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** A loopback port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the target from the environment', () => {
  it.each(['NORTHBOUND_BASE_URL', 'NORTHBOUND_APP_ID', 'NORTHBOUND_SECRET', 'NORTHBOUND_TASK_ID', 'NORTHBOUND_SCENARIOS'])('refuses %s set but empty', (name) => {
    expect(() => contractTargetFromEnv({ ...provider, [name]: ' ' })).toThrow(new ContractTargetError(`${name} is set but empty: give it a value or unset it`));
  });

  it('needs the credentials of a provider, not the example ones', () => {
    const { NORTHBOUND_SECRET: _secret, ...withoutSecret } = provider;
    expect(() => contractTargetFromEnv(withoutSecret)).toThrow(/NORTHBOUND_SECRET is required with NORTHBOUND_BASE_URL/);
  });

  it('names the provider, app id and task id in one line', () => {
    expect(describeTarget(contractTargetFromEnv(provider))).toBe('Contract target: provider https://203.0.113.10:8743, app id app-1, task id task-9, scenarios on');
    expect(describeTarget(contractTargetFromEnv({}))).toMatch(/^Contract target: the mock \(@iodm-northbound\/mock-server\) on a free 127\.0\.0\.1 port, app id \S+, task id paged-23, scenarios on$/);
  });

  it('says why a server cannot be reached', async () => {
    const port = await closedPort();
    await expect(assertReachable(`http://127.0.0.1:${port}`)).rejects.toThrow(`Cannot reach http://127.0.0.1:${port}: ECONNREFUSED`);
  });
});

describe('the bin', () => {
  it('exits 2 on an empty NORTHBOUND_BASE_URL instead of verifying the mock', async () => {
    const { code, stdout, stderr } = await runCli({ ...provider, NORTHBOUND_BASE_URL: '' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('NORTHBOUND_BASE_URL is set but empty: give it a value or unset it');
  });

  it('names the target first, then stops with one line when it is unreachable', async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await runCli({ ...provider, NORTHBOUND_BASE_URL: `http://127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(stdout).toBe(`Contract target: provider http://127.0.0.1:${port}, app id app-1, task id task-9, scenarios on\n`);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Cannot reach http://127\\.0\\.0\\.1:${port}: ECONNREFUSED`))]);
  });
});
