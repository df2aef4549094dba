// The mock answers like the platform, not like stock Prism: 403/1010005 for bad credentials,
// 400/123029 for paging out of range, 400/120015 for other bad requests, every documented
// example reachable through Prefer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import {
  call,
  callOperation,
  credentials,
  exampleValue,
  getSubtasks,
  login,
  refresh,
  specExamples,
  subtasksPath,
  exampleTaskId,
  validRefreshBody,
} from './support.js';

const invalidToken = { error_code: '1010005', error_desc: 'App_key or access_token is invalid.' };
const pageOutOfRange = { error_code: '123029', error_desc: 'pageNo or pageSize beyond the limit.' };
const badRequest = { error_code: '120015', error_desc: 'Bad request error.' };
const requiredParameterEmpty = { error_code: '102202', error_desc: 'Required parameter is empty.' };


let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

describe('credentials', () => {
  it.each([
    ['no credentials at all', {}],
    ['no Authorization', { app_key: credentials.app_key }],
    ['no app_key', { authorization: credentials.authorization }],
    ['an empty app_key', { app_key: ' ', authorization: credentials.authorization }],
    ['a Basic Authorization', { app_key: credentials.app_key, authorization: 'Basic dXNlcjpwYXNz' }],
    ['Bearer without a token', { app_key: credentials.app_key, authorization: 'Bearer ' }],
    ['a token with a space in it', { app_key: credentials.app_key, authorization: 'Bearer abc def' }],
    ['a token without the Bearer scheme', { app_key: credentials.app_key, authorization: '6d2b5a8e0c9f4e1d' }],
  ])('%s is answered 403/1010005, not 401', async (_label, headers) => {
    const answer = await call(mock.url, subtasksPath('5bf3a8c7e1d2f40001a3b4c5'), { headers });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(invalidToken);
    expect(answer.headers.get('www-authenticate')).toBeNull();
    expect(answer.headers.get('x-mock-reason')).toMatch(/^security: /);
  });

  it('wants the scheme written "Bearer", as the REST reference writes it', async () => {
    expect((await getSubtasks(mock.url, exampleTaskId, '', { authorization: 'bearer 6d2b5a8e0c9f4e1d' })).status).toBe(403);
    expect((await getSubtasks(mock.url, exampleTaskId, '', { authorization: 'Bearer 6d2b5a8e0c9f4e1d' })).status).toBe(200);
  });

  it('checks credentials before the query, as the platform does', async () => {
    const answer = await call(mock.url, `${subtasksPath('abc')}?pageSize=1000`);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(invalidToken);
  });

  it('does not ask for credentials on login and refresh', async () => {
    expect((await login(mock.url)).status).toBe(200);
    expect((await refresh(mock.url, validRefreshBody)).status).toBe(200);
  });
});

describe('invalid queries', () => {
  it.each(['pageSize=101', 'pageSize=0', 'pageSize=1000', 'pageNo=-1', 'pageNo=2147483648', 'pageNo=-1&pageSize=500'])(
    '%s is answered 400/123029',
    async (query) => {
      const answer = await getSubtasks(mock.url, exampleTaskId, `?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(pageOutOfRange);
    },
  );

  it.each([
    ['a pageSize that is not a number', '?pageSize=ten'],
    ['a fractional pageNo', '?pageNo=1.5'],
    ["the task list's spelling of a status", '?subOperationStatus=failed'],
    ['a range error mixed with a malformed value', '?pageSize=500&subOperationStatus=done'],
  ])('%s is answered 400/120015', async (_label, query) => {
    const answer = await getSubtasks(mock.url, exampleTaskId, query);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(badRequest);
  });

  it('answers an operationId that is not valid percent-encoding with 400/120015 (not a crash)', async () => {
    const answer = await call(mock.url, subtasksPath('ab%E0%A4%A'), { headers: credentials });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(badRequest);
  });

  it('routes a percent-encoded operationId as one path segment (a task it does not know: 404/123009)', async () => {
    const answer = await getSubtasks(mock.url, encodeURIComponent('a/b?c=d#e f'));
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(exampleValue('TaskNotFound'));
  });

  it('answers paths outside the contract with a 404 problem (the platform documents nothing there)', async () => {
    const answer = await call(mock.url, '/iodm/northbound/v1.5.0/operations/abc/subOperations/extra', { headers: credentials });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('login and refresh', () => {
  it('issues a token response on login (form) and refresh (JSON): the example with fresh tokens', async () => {
    const token = { ...exampleValue('TokenIssued'), accessToken: expect.stringMatching(/^[0-9a-f]{32}$/), refreshToken: expect.stringMatching(/^[0-9a-f]{32}$/) };
    const loggedIn = await login(mock.url);
    expect(loggedIn).toMatchObject({ status: 200, body: token });
    const refreshed = await refresh(mock.url, validRefreshBody);
    expect(refreshed).toMatchObject({ status: 200, body: token });
    // (token-supersession.test.ts covers what these tokens are good for)
  });

  it.each([
    ['a login without secret', () => login(mock.url, 'appId=3RQ9UnhymV409MfKPuiin75XroQa')],
    ['a login with an empty appId', () => login(mock.url, 'appId=&secret=x')],
    ['a login sent as JSON', () => login(mock.url, '{"appId":"a","secret":"b"}', { 'content-type': 'application/json' })],
    ['a refresh without refreshToken', () => refresh(mock.url, '{"appId":"a","secret":"b"}')],
    ['a refresh whose body is not JSON', () => refresh(mock.url, '{"appId":')],
    ['a refresh sent as a form', () => refresh(mock.url, 'appId=a', { 'content-type': 'application/x-www-form-urlencoded' })],
  ])('%s is answered 400/102202', async (_label, send) => {
    const answer = await send();
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(requiredParameterEmpty);
  });

  it('answers a body over 1 MiB with 400 and closes the connection', async () => {
    const answer = await refresh(mock.url, JSON.stringify({ appId: 'a'.repeat(1_100_000), secret: 'b', refreshToken: 'c' }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(requiredParameterEmpty);
    expect(answer.headers.get('connection')).toBe('close');
  });
});

describe('scenario headers', () => {
  const examples = specExamples();

  it('finds every named example of the spec (the table below is not empty)', () => {
    expect(examples.map((e) => e.key)).toEqual(
      expect.arrayContaining(['SubtasksFirstPage', 'PageOutOfRange', 'TaskNotFound', 'AppThrottleExceeded', 'TokenIssued', 'ApplicationFrozen']),
    );
  });

  it.each(examples.map((e) => [e.operationId, e.key, e] as const))('%s: Prefer example=%s serves that example', async (_op, key, example) => {
    const answer = await callOperation(mock.url, example, { prefer: `example=${key}` });
    expect(answer.status).toBe(example.status);
    expect(answer.body).toEqual(example.value);
    expect(answer.headers.get('sl-violations')).toBeNull();
  });

  it.each([
    [404, 'TaskNotFound'],
    [403, 'InvalidAccessToken'],
    [400, 'BadRequest'],
    [500, 'InternalServerError'],
    [200, 'SubtasksFirstPage'],
  ])('Prefer code=%i serves the first example of that response (%s)', async (code, key) => {
    const answer = await getSubtasks(mock.url, exampleTaskId, '', { prefer: `code=${code}` });
    expect(answer.status).toBe(code);
    expect(answer.body).toEqual(exampleValue(key));
  });

  it('accepts code and example together, separated by "," or ";"', async () => {
    for (const prefer of ['code=403, example=AppThrottleExceeded', 'code=403; example="AppThrottleExceeded"']) {
      const answer = await getSubtasks(mock.url, exampleTaskId, '', { prefer });
      expect(answer).toMatchObject({ status: 403, body: exampleValue('AppThrottleExceeded') });
    }
  });

  it.each([
    ['an example the operation does not have', 'example=TokenIssued', /queryUpgradeSubTask has no example "TokenIssued"; its examples are SubtasksFirstPage/],
    ['a code the operation does not define', 'code=418', /defines no 418 response; it defines 200, 400, 403, 404, 500/],
    ['a code that contradicts the example', 'code=400, example=TaskNotFound', /"TaskNotFound" of queryUpgradeSubTask is a 404 response, not 400/],
    ['a code that is not a status', 'code=abc', /3-digit HTTP status/],
    ['dynamic that is not a boolean', 'dynamic=yes', /true or false/],
  ])('answers %s with a 422 problem that says why', async (_label, prefer, detail) => {
    const answer = await getSubtasks(mock.url, exampleTaskId, '', { prefer });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect((answer.body as { detail: string }).detail).toMatch(detail);
  });

  it('ignores preferences it does not know (RFC 7240)', async () => {
    const answer = await getSubtasks(mock.url, exampleTaskId, '', { prefer: 'return=minimal, respond-async' });
    expect(answer).toMatchObject({ status: 200, body: exampleValue('SubtasksFirstPage') });
  });

  it('still rejects an invalid request that asks for a scenario', async () => {
    const answer = await call(mock.url, subtasksPath('abc'), { headers: { prefer: 'code=404' } });
    expect(answer).toMatchObject({ status: 403, body: invalidToken });
  });
});

describe('the paged task scenario (operationId paged-<N>)', () => {
  it('serves N distinct subtasks over consistent pages', async () => {
    const seen: string[] = [];
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const { status, body } = await getSubtasks(mock.url, 'paged-23', `?pageNo=${pageNo}&pageSize=5`);
      expect(status).toBe(200);
      const page = body as { pageNo: number; pageSize: number; totalCount: number; data: { subOperationId: string }[] };
      expect(page).toMatchObject({ pageNo, pageSize: 5, totalCount: 23 });
      expect(page.data).toHaveLength(pageNo < 4 ? 5 : 3);
      seen.push(...page.data.map((s) => s.subOperationId));
    }
    expect(new Set(seen).size).toBe(23);
  });

  it('answers the same page the same way every time', async () => {
    const first = await getSubtasks(mock.url, 'paged-40', '?pageNo=2&pageSize=7');
    const again = await getSubtasks(mock.url, 'paged-40', '?pageNo=2&pageSize=7');
    expect(again.body).toEqual(first.body);
  });

  it('filters by status and counts only the matching subtasks', async () => {
    const { body } = await getSubtasks(mock.url, 'paged-23', '?subOperationStatus=fail&pageSize=100');
    const page = body as { totalCount: number; data: { status: string }[] };
    expect(page.totalCount).toBe(5);
    expect(page.data.map((s) => s.status)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail']);
  });

  it('uses the platform defaults (page 0, 10 per page) and serves an empty page past the end', async () => {
    expect((await getSubtasks(mock.url, 'paged-23')).body).toMatchObject({ pageNo: 0, pageSize: 10, totalCount: 23 });
    expect((await getSubtasks(mock.url, 'paged-23', '?pageNo=9')).body).toEqual({ pageNo: 9, pageSize: 10, totalCount: 23, data: [] });
  });

  it('gives way to Prefer, and to the platform errors', async () => {
    expect((await getSubtasks(mock.url, 'paged-23', '', { prefer: 'code=404' })).status).toBe(404);
    expect((await getSubtasks(mock.url, 'paged-23', '?pageSize=101')).body).toEqual(pageOutOfRange);
  });

  it('answers ids that only look alike as tasks it does not know: 404/123009', async () => {
    for (const id of ['paged-', 'paged-1000000', 'xpaged-3', 'paged-3x']) {
      const answer = await getSubtasks(mock.url, id);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(exampleValue('TaskNotFound'));
    }
  });
});
