// The failures a team rehearses against the mock, through the CLI in-process with an environment
// pointing at a real mock on loopback: a task the platform does not have, refused credentials.
import { describe, expect, it } from 'vitest';
import { runInProcess, useRealMockEnv } from './support.js';

// `--app a:right-secret` (the client refuses secrets shorter than 8 characters, so not "right").
const env = useRealMockEnv(
  { apps: [{ appId: 'a', secret: 'right-secret' }, { appId: 'frozen-app', secret: 'frozen-secret', frozen: true }] },
  { appId: 'a', secret: 'right-secret' },
);

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

  // The CLI column of the mock README's table "Rehearse every error of the client".
  it.each([
    ['error-120015 (BadRequestError)', ['subtasks', 'error-120015'], {}, 1, 'HTTP 400, error 120015: Bad request error.'],
    ['error-123029 (PageOutOfRangeError)', ['subtasks', 'error-123029'], {}, 1, 'HTTP 400, error 123029: pageNo or pageSize beyond the limit.'],
    ['error-1010005 (InvalidTokenError)', ['subtasks', 'error-1010005'], {}, 3, 'HTTP 403, error 1010005: App_key or access_token is invalid.'],
    ['error-1010009 (ThrottledError, after retries)', ['subtasks', 'error-1010009'], {}, 1, 'HTTP 403, error 1010009: app throttle exceed.'],
    ['error-100001 (ServerError, after retries)', ['subtasks', 'error-100001'], {}, 1, 'HTTP 500, error 100001: Internal server error.'],
    ['an unknown package (PackageNotFoundError)', ['create', 'firmware', '--file-id', 'no-such-package', '--devices', 'd1'], {}, 1, 'HTTP 404, error 123002'],
    ['a path the contract lacks (UnexpectedResponseError)', ['tasks'], { prefix: '/no-such-prefix' }, 3, "HTTP 404 with a body that is not the platform's error JSON"],
    ['a secret too short (ValidationError)', ['tasks'], { NORTHBOUND_SECRET: 'short' }, 2, 'secret is shorter than 8 characters'],
    ['a frozen app (ApplicationFrozenError)', ['tasks'], { NORTHBOUND_APP_ID: 'frozen-app', NORTHBOUND_SECRET: 'frozen-secret' }, 3, 'HTTP 400, error 100247'],
    ['a secret over 1 MiB (RequiredParameterEmptyError)', ['tasks'], { NORTHBOUND_SECRET: 'x'.repeat(1_100_000) }, 3, 'HTTP 400, error 102202'],
  ] as const)('%s', async (_case, args, change, code, said) => {
    const { prefix = '', ...overrides } = change as Record<string, string>;
    const result = await runInProcess(args, { env: { ...env, NORTHBOUND_BASE_URL: `${env.NORTHBOUND_BASE_URL}${prefix}`, ...overrides } });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(said);
  });

  it('the registered app with its secret works', async () => {
    const result = await runInProcess(['subtasks', 'paged-3', '--format', 'json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(3);
  });
});
