// The failures a team rehearses against the mock, through the CLI in-process with an environment
// pointing at a real mock on loopback: a task the platform does not have, refused credentials.
import { startMockServer, type MockServer } from '@iodm-northbound/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './support.js';

let mock: MockServer;
let env: Record<string, string>;
beforeAll(async () => {
  // `--app a:right-secret` (the client refuses secrets shorter than 8 characters, so not "right").
  mock = await startMockServer({ apps: [{ appId: 'a', secret: 'right-secret' }] });
  env = { NORTHBOUND_BASE_URL: mock.url, NORTHBOUND_APP_ID: 'a', NORTHBOUND_SECRET: 'right-secret' };
});
afterAll(async () => {
  await mock?.close();
});

describe('failures rehearsed against the mock', () => {
  it('subtasks of a task the platform does not have: exit 1 with its not-found answer', async () => {
    const result = await runInProcess(['subtasks', 'no-such-task'], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('iodm-northbound: no upgrade task has the operationId no-such-task (the platform answered 404/123009: The requested task does not exist.)\n');
  });

  it('a wrong secret: exit 3 with the login error', async () => {
    const result = await runInProcess(['subtasks', 'paged-3'], { env: { ...env, NORTHBOUND_SECRET: 'wrong-secret' } });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('100208');
    expect(result.stderr).toContain('AppId or secret is not right.');
  });

  it('an appId the mock does not know: exit 3 with the same login error', async () => {
    const result = await runInProcess(['tasks'], { env: { ...env, NORTHBOUND_APP_ID: 'b' } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('AppId or secret is not right.');
  });

  it('the registered app with its secret works', async () => {
    const result = await runInProcess(['subtasks', 'paged-3', '--format', 'json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(3);
  });
});
