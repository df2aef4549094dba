// Provider verification says what it verifies: the first line names the target, an unreachable
// provider is one clear line and exit 1, and an empty variable is an error, never the mock.
import { execFile } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startMockServer, type MockServer } from '@iodm-northbound/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractTargetFromEnv, ContractTargetError, describeTarget } from '../src/target.js';
import { assertTaskPages, TaskCannotPageError } from '../src/paging-check.js';
import { preflight } from '../src/preflight.js';
import { assertReachable } from '../src/reachability.js';
import { closedPort } from './closed-port.js';

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

describe('provider verification against the local mock, as the README runs it', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(() => mock?.close());
  // The README's command: the mock's URL and the spec's example credentials, no task id (the default).
  const readmeEnv = () => ({ NORTHBOUND_BASE_URL: mock.url, NORTHBOUND_APP_ID: '3RQ9UnhymV409MfKPuiin75XroQa', NORTHBOUND_SECRET: '9zsPMbVqUe6pQe4eaWHG8DaeR6oa' });

  it('passes on the first try with the default task', async () => {
    const { code, stdout, stderr } = await runCli(readmeEnv());
    expect(stdout.split('\n')[0]).toBe(`Contract target: provider ${mock.url}, app id 3RQ9UnhymV409MfKPuiin75XroQa, task id paged-23, scenarios on`);
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  }, 60_000);

  const pickAnother = (taskId: string, why: string) =>
    `Task ${taskId} on ${mock.url} cannot exercise paging: ${why}. Pick a task with more than 3 subtasks (NORTHBOUND_TASK_ID or --task-id); on the mock, paged-23 (the default) or any paged-<N> or campaign-<N> with N > 3.`;

  it.each([
    ['an example task (its pages ignore pageSize)', '5bf3a8c7e1d2f40001a3b4c5', "asked for pageSize 3, its first page holds 3 items with pageSize 10 (the server does not page it; the mock's example tasks answer the spec's example pages)"],
    ['a task of one page', 'paged-3', 'it has 3 subtasks, one page of 3'],
    ['a task the server does not have', 'no-such-task', 'the server has no such task (404/123009)'],
  ])('the paging check refuses %s, saying which task to pick', async (_case, taskId, why) => {
    const target = { baseUrl: mock.url, appId: '3RQ9UnhymV409MfKPuiin75XroQa', secret: '9zsPMbVqUe6pQe4eaWHG8DaeR6oa', pagedTaskId: taskId };
    await expect(assertTaskPages(target)).rejects.toThrow(new TaskCannotPageError(pickAnother(taskId, why)));
  });

  it('the bin stops before the run with exit 2 when the task cannot page (its pre-run check, called)', async () => {
    let stdout = '';
    let stderr = '';
    const code = await preflight({ ...readmeEnv(), NORTHBOUND_TASK_ID: 'paged-3' }, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    expect(code).toBe(2);
    expect(stdout).toBe(`Contract target: provider ${mock.url}, app id 3RQ9UnhymV409MfKPuiin75XroQa, task id paged-3, scenarios on\n`);
    expect(stderr.trim()).toBe(pickAnother('paged-3', 'it has 3 subtasks, one page of 3'));
  });
});

describe('provider verification against a provider whose pages ignore pageSize', () => {
  it('the paging check refuses it, saying which task to pick', async () => {
    // A provider that logs in and answers every subtask page with 5 items, whatever pageSize asked.
    const provider = createHttpServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url?.startsWith('/iocm/app/sec/v1.1.0/login')) {
        response.end(JSON.stringify({ scope: 'default', tokenType: 'bearer', expiresIn: 3600, accessToken: '0123456789abcdef0123456789abcdef', refreshToken: 'fedcba9876543210fedcba9876543210' }));
        return;
      }
      const subtask = (n: number) => ({ subOperationId: `s${n}`, createTime: '20181126T080000Z', operateType: 'firmware_upgrade', deviceId: `d${n}`, status: 'wait', detailInfo: '' });
      response.end(JSON.stringify({ pageNo: 0, pageSize: 3, totalCount: 5, data: [0, 1, 2, 3, 4].map(subtask) }));
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
    try {
      const checked = assertTaskPages({ baseUrl: url, appId: 'app-1', secret: 'provider-secret', pagedTaskId: 'task-5' });
      await expect(checked).rejects.toBeInstanceOf(TaskCannotPageError);
      await expect(checked).rejects.toThrow(new RegExp(`^Task task-5 on ${url.replace(/\./g, '\\.')} cannot exercise paging: the server does not keep to pageSize 3 \\(.*5 items.*\\)\\. Pick a task with more than 3 subtasks`));
    } finally {
      provider.closeAllConnections();
      await new Promise<void>((resolve) => provider.close(() => resolve()));
    }
  });
});
