// Input the platform must refuse, sent past the client (tampered or raw), and ids that must travel
// as one encoded path segment. What the client itself refuses before sending anything is tested
// in the client's own tests (packages/client/test/refused-before-sending.test.ts).
import { BadRequestError, InvalidTokenError, NorthboundError, PageOutOfRangeError, TaskNotFoundError } from '@iodm-northbound/client';
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { operationsOf, type SuiteContext } from './harness.js';
import { ANY_TASK_ID, LOGIN, LOGIN_PATH, SUBTASKS, subtasksPath } from './operations.js';
import { platformAnswer, platformError } from './platform-errors.js';

export function defineHostileInputTests({ target, harness, raw, freshToken, rejectionOf }: SuiteContext): void {
  // Just past the spec's bounds, so a changed limit moves the requests with it.
  const { pageNo, pageSize } = pagingOf(SUBTASKS);
  describe('hostile input', () => {
    it.each([
      ['an oversized pageSize', (url: URL) => url.searchParams.set('pageSize', String(pageSize.maximum + 1)), PageOutOfRangeError, '123029'],
      ['a negative pageNo', (url: URL) => url.searchParams.set('pageNo', String(pageNo.minimum - 1)), PageOutOfRangeError, '123029'],
      ["the task list's status spelling", (url: URL) => url.searchParams.set('subOperationStatus', 'failed'), BadRequestError, '120015'],
    ] as const)('a request with %s that gets past the client is answered with the platform error', async (_label, change, ErrorKind, errorCode) => {
      const { client, exchanges: own } = harness({ tamper: (url, _headers, operationId) => operationId === SUBTASKS && change(url) });
      const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
      expect(error).toBeInstanceOf(ErrorKind);
      expect(error).toMatchObject({ ...platformError(errorCode), operation: SUBTASKS });
      expect(own.at(-1)).toMatchObject(platformAnswer(errorCode));
    });

    it.each([
      ['no access token', (headers: Headers) => headers.delete('authorization')],
      ['no app_key', (headers: Headers) => headers.delete('app_key')],
      ['a token without the Bearer scheme', (headers: Headers) => headers.set('authorization', headers.get('authorization')!.replace('Bearer ', ''))],
    ])('a query with %s is answered 403/1010005 and the client logs in again once', async (_label, change) => {
      const { client, exchanges: own } = harness({ tamper: (_url, headers, operationId) => operationId === SUBTASKS && change(headers) });
      const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect(error).toMatchObject(platformError('1010005'));
      expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, LOGIN, SUBTASKS]);
    });

    it.each(['a/b?c=d#e f', '../../iocm/app/sec/v1.1.0/login', '%2F%2E%2E', 'tâche-ü'])(
      'the operationId %j travels as one encoded path segment to the subtask query',
      async (operationId) => {
        const { client, exchanges: own } = harness();
        const outcome = await client.querySubTasks(operationId).then(
          (page) => page,
          (error: unknown) => error,
        );
        // The contract allows a page or "no such task"; a misrouted request would get neither.
        if (outcome instanceof NorthboundError) expect(outcome).toBeInstanceOf(TaskNotFoundError);
        else expect(outcome).toMatchObject({ data: expect.any(Array), totalCount: expect.any(Number) });
        const query = own.at(-1)!;
        expect(query.operationId).toBe(SUBTASKS);
        const segments = query.url.pathname.split('/');
        expect(segments).toHaveLength(7);
        expect(decodeURIComponent(segments[5]!)).toBe(operationId);
      },
    );

    it('a query without any credentials is answered 403/1010005', async () => {
      const answer = await raw(subtasksPath(ANY_TASK_ID), { headers: { accept: 'application/json' } });
      expect(answer).toMatchObject(platformAnswer('1010005'));
    });

    it.each([
      [`?pageSize=${pageSize.maximum + 1}`, '123029'],
      [`?pageSize=${pageSize.minimum - 1}`, '123029'],
      [`?pageNo=${pageNo.minimum - 1}`, '123029'],
      ['?subOperationStatus=failed', '120015'],
      ['?pageSize=ten', '120015'],
    ] as const)('a raw query %s is answered with error_code %s', async (query, errorCode) => {
      const token = await freshToken();
      const answer = await raw(subtasksPath(ANY_TASK_ID, query), {
        headers: { app_key: target.appId, authorization: `Bearer ${token}`, accept: 'application/json' },
      });
      expect(answer).toMatchObject(platformAnswer(errorCode));
    });

    it('a login without its secret is answered 400/102202', async () => {
      const answer = await raw(LOGIN_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ appId: target.appId }).toString(),
      });
      expect(answer).toMatchObject(platformAnswer('102202'));
    });
  });
}
