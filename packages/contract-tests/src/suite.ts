// The contract suite: the real client against a server (the mock, or a provider under
// verification), for every response the contract defines. Every response that comes back is
// checked against the spec's schemas, whatever the test was about.
import {
  ApplicationFrozenError,
  BadRequestError,
  createNorthboundClient,
  InvalidTokenError,
  NorthboundError,
  PageOutOfRangeError,
  RequiredParameterEmptyError,
  ServerError,
  TaskNotFoundError,
  ThrottledError,
  ValidationError,
  type NorthboundClient,
  type NorthboundClientOptions,
} from '@iodm-northbound/client';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { createRecordingFetch, type RecordedExchange, type RecordingFetchOptions } from './recording-fetch.js';
import { createResponseValidator, type ResponseValidator } from './schema.js';
import type { ContractTarget } from './target.js';

type Json = Record<string, any>;
type ErrorClass = abstract new (...args: never[]) => NorthboundError;

/** The client error each documented error example must become. */
export const ERROR_CLASS_BY_EXAMPLE: Readonly<Record<string, ErrorClass>> = {
  BadRequest: BadRequestError,
  PageOutOfRange: PageOutOfRangeError,
  InvalidAccessToken: InvalidTokenError,
  AppThrottleExceeded: ThrottledError,
  TaskNotFound: TaskNotFoundError,
  InternalServerError: ServerError,
  RequiredParameterEmpty: RequiredParameterEmptyError,
  ApplicationFrozen: ApplicationFrozenError,
};

export interface ContractExample {
  operationId: string;
  status: number;
  key: string;
  value: Json;
}

/** Every named response example of the spec. */
export function contractExamples(document: Json): ContractExample[] {
  const deref = (node: Json): Json =>
    typeof node?.$ref === 'string'
      ? deref(node.$ref.slice(2).split('/').reduce((at: Json, part: string) => at[part.replace(/~1/g, '/').replace(/~0/g, '~')], document))
      : node;
  const examples: ContractExample[] = [];
  for (const item of Object.values<Json>(document.paths)) {
    for (const operation of Object.values<Json>(item)) {
      if (typeof operation !== 'object' || !operation?.responses) continue;
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        for (const content of Object.values<Json>(deref(response).content ?? {})) {
          for (const [key, example] of Object.entries<Json>(content.examples ?? {})) {
            examples.push({ operationId: operation.operationId, status: Number(status), key, value: deref(example).value });
          }
        }
      }
    }
  }
  return examples;
}

const SUBTASKS = 'queryUpgradeSubTask';
const LOGIN = 'getAuthToken';
const REFRESH = 'refreshAuthToken';
// Past the client's renewal point (a minute before expiry) and before expiry itself.
const NEARLY_EXPIRED_MS = 3590 * 1000;
// An operationId the provider is not expected to know; the mock answers it with its examples.
const ANY_TASK_ID = '5bf3a8c7e1d2f40001a3b4c5';

export interface ContractSuiteOptions {
  /** The server to verify; defaults to what the suite's global setup provided. */
  target?: ContractTarget;
}

/**
 * Registers the contract suite in the calling vitest file. Without options it runs against the
 * target of `@iodm-northbound/contract-tests/global-setup` (the mock, or NORTHBOUND_BASE_URL).
 */
export function defineContractSuite(options: ContractSuiteOptions = {}): void {
  const target = options.target ?? inject('northboundContractTarget');
  const validator: ResponseValidator = createResponseValidator();
  const examples = contractExamples(validator.document);
  const exampleValue = (key: string) => examples.find((e) => e.key === key)!.value;

  // Every exchange of the current test, whichever client or raw request made it.
  let exchanges: RecordedExchange[] = [];
  const seen = new Set<string>();
  const clients: NorthboundClient[] = [];

  beforeEach(() => {
    exchanges = [];
  });
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(clients.splice(0).map((client) => client.close()));
    for (const exchange of exchanges) {
      const errorCode = (exchange.body as Json | undefined)?.error_code;
      seen.add(`${exchange.operationId} ${exchange.status}${typeof errorCode === 'string' ? ` ${errorCode}` : ''}`);
    }
    const violations = exchanges.flatMap((e) => e.schemaErrors.map((message) => `${e.method} ${e.url.pathname}${e.url.search}: ${message}`));
    expect(violations, 'every response must conform to the contract').toEqual([]);
  });

  interface Harness {
    client: NorthboundClient;
    /** The exchanges of this harness only. */
    exchanges: RecordedExchange[];
  }

  function harness(
    recording: Omit<RecordingFetchOptions, 'validator'> = {},
    clientOptions: NorthboundClientOptions = {},
    credentials: { accessToken: string } | { secret: string } = { secret: target.secret },
  ): Harness {
    const recorder = createRecordingFetch({ validator, ...recording });
    const fetch: typeof recorder.fetch = async (request) => {
      const before = recorder.exchanges.length;
      const response = await recorder.fetch(request);
      exchanges.push(...recorder.exchanges.slice(before));
      return response;
    };
    const client = createNorthboundClient({ baseUrl: target.baseUrl, appId: target.appId, ...credentials } as Parameters<typeof createNorthboundClient>[0], {
      maxRetries: 0,
      timeoutMs: 15_000,
      ...clientOptions,
      fetch,
    });
    clients.push(client);
    return { client, exchanges: recorder.exchanges };
  }

  const operationsOf = (list: readonly RecordedExchange[]) => list.map((e) => e.operationId);

  /** A request without the client, so nothing checks or fixes it first. Still schema-checked. */
  async function raw(path: string, init: RequestInit = {}): Promise<RecordedExchange> {
    const recorder = createRecordingFetch({ validator });
    await recorder.fetch(new Request(`${target.baseUrl}${path}`, init));
    exchanges.push(...recorder.exchanges);
    return recorder.exchanges[0]!;
  }

  async function freshToken(): Promise<string> {
    const login = await raw('/iocm/app/sec/v1.1.0/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ appId: target.appId, secret: target.secret }).toString(),
    });
    expect(login.status).toBe(200);
    return (login.body as { accessToken: string }).accessToken;
  }

  async function rejectionOf(promise: Promise<unknown>): Promise<NorthboundError> {
    const outcome = await promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
    expect(outcome.error).toBeInstanceOf(NorthboundError);
    return outcome.error as NorthboundError;
  }

  const subtasksPath = (operationId: string, query = '') =>
    `/iodm/northbound/v1.5.0/operations/${encodeURIComponent(operationId)}/subOperations${query}`;

  describe(`northbound contract against the ${target.kind}`, () => {
    describe('the subtask query through the client', () => {
      it('logs in, then answers a page the contract defines', async () => {
        const { client, exchanges: own } = harness();
        const page = await client.querySubTasks(ANY_TASK_ID);
        expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS]);
        expect(page).toEqual(own[1]!.body);
        expect(own[1]!.requestHeaders.get('app_key')).toBe(target.appId);
        expect(own[1]!.requestHeaders.get('authorization')).toBe(`Bearer ${(own[0]!.body as Json).accessToken}`);
      });

      it('sends the query parameters the contract names', async () => {
        const { client, exchanges: own } = harness();
        await client.querySubTasks(target.pagedTaskId, { status: 'fail', pageNo: 1, pageSize: 2 });
        const sent = own[1]!.url.searchParams;
        expect(Object.fromEntries(sent)).toEqual({ subOperationStatus: 'fail', pageNo: '1', pageSize: '2' });
      });

      it("answers through the Python SDK's call shape with the caller's token", async () => {
        const token = await freshToken();
        const { client, exchanges: own } = harness({}, {}, { accessToken: token });
        const page = await client.queryUpgradeSubTask({ pageNo: 0, pageSize: 10, subOperationStatus: null }, ANY_TASK_ID, token);
        expect(operationsOf(own)).toEqual([SUBTASKS]);
        expect(page).toEqual(own[0]!.body);
      });
    });

    // The platform keeps only the newest access token of an application valid (the mock simulates
    // it for the tokens it issues), so the client must log in once for concurrent calls, and log in
    // again once when another client of the same app has made its token stale. Neither test needs
    // anything mock-only (no Prefer, no mock conventions): both run against a provider too.
    describe('single-flight login and the newest-token rule', () => {
      it('20 concurrent queries on a fresh client: all succeed after exactly one login', async () => {
        // A provider may throttle 20 calls at once (1010009): let the client retry there.
        const { client, exchanges: own } = harness({}, { maxRetries: target.kind === 'mock' ? 0 : 3 });
        const pages = await Promise.all(Array.from({ length: 20 }, () => client.querySubTasks(target.pagedTaskId, { pageSize: 3 })));
        expect(pages).toHaveLength(20);
        for (const page of pages) expect(page).toMatchObject({ data: expect.any(Array), totalCount: expect.any(Number) });
        expect(operationsOf(own).filter((op) => op === LOGIN)).toEqual([LOGIN]);
        expect(own[0]!.operationId).toBe(LOGIN);
        const queries = own.filter((e) => e.operationId === SUBTASKS);
        expect(queries.filter((e) => e.status === 200)).toHaveLength(20);
        const token = `Bearer ${(own[0]!.body as Json).accessToken}`;
        expect(queries.every((e) => e.requestHeaders.get('authorization') === token)).toBe(true);
      });

      it("a second client's login makes the first one's token stale: 403/1010005, one login, then success", async () => {
        const first = harness();
        const second = harness();
        await first.client.querySubTasks(target.pagedTaskId, { pageSize: 3 });
        const firstToken = `Bearer ${(first.exchanges[0]!.body as Json).accessToken}`;
        await second.client.querySubTasks(target.pagedTaskId, { pageSize: 3 });
        expect(operationsOf(second.exchanges)).toEqual([LOGIN, SUBTASKS]);

        const before = first.exchanges.length;
        const page = await first.client.querySubTasks(target.pagedTaskId, { pageSize: 3 });
        expect(page).toMatchObject({ data: expect.any(Array) });
        const after = first.exchanges.slice(before);
        expect(operationsOf(after)).toEqual([SUBTASKS, LOGIN, SUBTASKS]);
        expect(after[0]!.requestHeaders.get('authorization')).toBe(firstToken);
        expect(after[0]!.status).toBe(403);
        expect(after[0]!.body).toMatchObject({ error_code: '1010005' });
        const renewed = `Bearer ${(after[1]!.body as Json).accessToken}`;
        expect(renewed).not.toBe(firstToken);
        expect(after[2]).toMatchObject({ status: 200 });
        expect(after[2]!.requestHeaders.get('authorization')).toBe(renewed);
      });
    });

    describe('paging', () => {
      it('the auto-pager walks every page of a task', async () => {
        const { client, exchanges: own } = harness();
        const subtasks = await client.listSubTasks(target.pagedTaskId, { pageSize: 3 }).toArray();
        const pages = own.filter((e) => e.operationId === SUBTASKS);
        const totalCount = (pages[0]!.body as Json).totalCount as number;
        expect(totalCount).toBeGreaterThan(3);
        expect(pages.length).toBe(Math.ceil(totalCount / 3));
        expect(pages.map((p) => p.url.searchParams.get('pageNo'))).toEqual(pages.map((_, i) => String(i)));
        expect(subtasks).toHaveLength(totalCount);
        expect(new Set(subtasks.map((s) => s.subOperationId)).size).toBe(totalCount);
      });

      it('the auto-pager keeps the status filter on every page', async () => {
        const { client, exchanges: own } = harness();
        const failed = await client.listSubTasks(target.pagedTaskId, { status: 'fail', pageSize: 2 }).toArray();
        const pages = own.filter((e) => e.operationId === SUBTASKS);
        expect(pages.every((p) => p.url.searchParams.get('subOperationStatus') === 'fail')).toBe(true);
        expect(failed).toHaveLength((pages[0]!.body as Json).totalCount);
        expect(failed.every((s) => s.status === 'fail')).toBe(true);
      });

      it('pages() yields the pages in order', async () => {
        const { client } = harness();
        const pageNumbers: number[] = [];
        for await (const page of client.listSubTasks(target.pagedTaskId, { pageSize: 5 }).pages()) pageNumbers.push(page.pageNo);
        expect(pageNumbers.length).toBeGreaterThan(0);
        expect(pageNumbers).toEqual(pageNumbers.map((_, i) => i));
      });
    });

    describe('hostile input', () => {
      it.each([
        ['an oversized pageSize', { pageSize: 101 }, 'pageSize'],
        ['a pageSize of 0', { pageSize: 0 }, 'pageSize'],
        ['a fractional pageSize', { pageSize: 2.5 }, 'pageSize'],
        ['a negative pageNo', { pageNo: -1 }, 'pageNo'],
        ["the task list's status spelling", { status: 'failed' as 'fail' }, 'status'],
      ])('the client refuses %s before sending anything', async (_label, query, parameter) => {
        const { client, exchanges: own } = harness();
        const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID, query));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).parameter).toBe(parameter);
        expect(own).toEqual([]);
      });

      it.each(['', '..'])('the client refuses the operationId %j before sending anything', async (operationId) => {
        const { client, exchanges: own } = harness();
        expect(await rejectionOf(client.querySubTasks(operationId))).toBeInstanceOf(ValidationError);
        expect(own).toEqual([]);
      });

      it.each([
        ['an oversized pageSize', (url: URL) => url.searchParams.set('pageSize', '1000'), PageOutOfRangeError, '123029'],
        ['a negative pageNo', (url: URL) => url.searchParams.set('pageNo', '-1'), PageOutOfRangeError, '123029'],
        ["the task list's status spelling", (url: URL) => url.searchParams.set('subOperationStatus', 'failed'), BadRequestError, '120015'],
      ])('a request with %s that gets past the client is answered with the platform error', async (_label, change, ErrorKind, errorCode) => {
        const { client, exchanges: own } = harness({ tamper: (url, _headers, operationId) => operationId === SUBTASKS && change(url) });
        const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
        expect(error).toBeInstanceOf(ErrorKind);
        expect(error).toMatchObject({ status: 400, errorCode, operation: SUBTASKS });
        expect(own.at(-1)!.status).toBe(400);
      });

      it.each([
        ['no access token', (headers: Headers) => headers.delete('authorization')],
        ['no app_key', (headers: Headers) => headers.delete('app_key')],
        ['a token without the Bearer scheme', (headers: Headers) => headers.set('authorization', headers.get('authorization')!.replace('Bearer ', ''))],
      ])('a query with %s is answered 403/1010005 and the client logs in again once', async (_label, change) => {
        const { client, exchanges: own } = harness({ tamper: (_url, headers, operationId) => operationId === SUBTASKS && change(headers) });
        const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
        expect(error).toBeInstanceOf(InvalidTokenError);
        expect(error).toMatchObject({ status: 403, errorCode: '1010005' });
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
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ error_code: '1010005' });
      });

      it.each([
        ['?pageSize=101', 400, '123029'],
        ['?pageSize=0', 400, '123029'],
        ['?pageNo=-1', 400, '123029'],
        ['?subOperationStatus=failed', 400, '120015'],
        ['?pageSize=ten', 400, '120015'],
      ])('a raw query %s is answered %i/%s', async (query, status, errorCode) => {
        const token = await freshToken();
        const answer = await raw(subtasksPath(ANY_TASK_ID, query), {
          headers: { app_key: target.appId, authorization: `Bearer ${token}`, accept: 'application/json' },
        });
        expect(answer.status).toBe(status);
        expect(answer.body).toMatchObject({ error_code: errorCode });
      });

      it('a login without its secret is answered 400/102202', async () => {
        const answer = await raw('/iocm/app/sec/v1.1.0/login', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ appId: target.appId }).toString(),
        });
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ error_code: '102202' });
      });
    });

    // These need a server that honours `Prefer: example=…` (the mock does; a provider must
    // implement them as provider states, or run with NORTHBOUND_SCENARIOS=off).
    const scenarioSuite = target.scenarios ? describe : describe.skip;
    scenarioSuite('every response of the contract, by scenario', () => {
      const queryExamples = examples.filter((e) => e.operationId === SUBTASKS);
      const loginExamples = examples.filter((e) => e.operationId === LOGIN);
      const refreshExamples = examples.filter((e) => e.operationId === REFRESH);

      it('the spec has examples for every operation, and a client error for every error example', () => {
        expect(queryExamples.length).toBeGreaterThan(3);
        expect(loginExamples.length).toBeGreaterThan(1);
        expect(refreshExamples.length).toBeGreaterThan(1);
        const unmapped = examples.filter((e) => e.status >= 400 && !(e.key in ERROR_CLASS_BY_EXAMPLE)).map((e) => e.key);
        expect(unmapped, 'add the client error class of new error examples to ERROR_CLASS_BY_EXAMPLE').toEqual([]);
      });

      it.each(queryExamples.filter((e) => e.status === 200).map((e) => [e.key, e] as const))(
        'subtask query %s: the client returns the page as sent',
        async (key, example) => {
          const { client, exchanges: own } = harness({ prefer: { [SUBTASKS]: `example=${key}` } });
          const page = await client.querySubTasks(ANY_TASK_ID);
          expect(page).toEqual(example.value);
          expect(own.at(-1)!.status).toBe(200);
        },
      );

      it.each(queryExamples.filter((e) => e.status >= 400).map((e) => [e.key, e] as const))(
        'subtask query %s: the client raises its error class',
        async (key, example) => {
          const { client } = harness({ prefer: { [SUBTASKS]: `example=${key}` } });
          const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
          expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
          expect(error).toMatchObject({
            status: example.status,
            errorCode: example.value.error_code,
            errorDesc: example.value.error_desc,
            operation: SUBTASKS,
          });
        },
      );

      it.each(queryExamples.filter((e) => e.status >= 400).map((e) => [e.key, e] as const))(
        "subtask query %s through the Python SDK's call shape: the same error class",
        async (key, example) => {
          const { client } = harness({ prefer: { [SUBTASKS]: `example=${key}` } }, {}, { accessToken: 'f00dfeed' });
          const error = await rejectionOf(client.queryUpgradeSubTask(null, ANY_TASK_ID, 'f00dfeed'));
          expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
          expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code });
        },
      );

      it('a rejected token: the client logs in again once, then gives up with InvalidTokenError', async () => {
        const { client, exchanges: own } = harness({ prefer: { [SUBTASKS]: 'example=InvalidAccessToken' } });
        expect(await rejectionOf(client.querySubTasks(ANY_TASK_ID))).toBeInstanceOf(InvalidTokenError);
        expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, LOGIN, SUBTASKS]);
      });

      it('throttling: the client retries, then raises ThrottledError', async () => {
        const { client, exchanges: own } = harness({ prefer: { [SUBTASKS]: 'example=AppThrottleExceeded' } }, { maxRetries: 1 });
        expect(await rejectionOf(client.querySubTasks(ANY_TASK_ID))).toBeInstanceOf(ThrottledError);
        expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, SUBTASKS]);
      });

      it.each(loginExamples.map((e) => [e.key, e] as const))('login %s: the client acts on it', async (key, example) => {
        const { client, exchanges: own } = harness({ prefer: { [LOGIN]: `example=${key}` } });
        if (example.status === 200) {
          await client.querySubTasks(ANY_TASK_ID);
          expect(own[1]!.requestHeaders.get('authorization')).toBe(`Bearer ${example.value.accessToken}`);
          return;
        }
        const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
        expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
        expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: LOGIN });
        expect(operationsOf(own)).toEqual([LOGIN]);
      });

      /** Logs in and queries once, then moves the clock to just before the token expires. */
      async function nearlyExpired(prefer: Record<string, string>) {
        const { client, exchanges: own } = harness({ prefer });
        vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
        await client.querySubTasks(ANY_TASK_ID);
        vi.setSystemTime(Date.now() + NEARLY_EXPIRED_MS);
        return { client, own };
      }

      const refreshCases: Record<string, (client: NorthboundClient, own: RecordedExchange[]) => Promise<void>> = {
        TokenIssued: async (client, own) => {
          await client.querySubTasks(ANY_TASK_ID);
          expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH, SUBTASKS]);
          expect(JSON.parse(own[2]!.requestBody!)).toEqual({
            appId: target.appId,
            secret: target.secret,
            refreshToken: (own[0]!.body as Json).refreshToken,
          });
          expect(own[3]!.requestHeaders.get('authorization')).toBe(`Bearer ${exampleValue('TokenIssued').accessToken}`);
        },
        ApplicationFrozen: async (client, own) => {
          const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
          expect(error).toBeInstanceOf(ApplicationFrozenError);
          expect(error).toMatchObject({ status: 400, errorCode: '100247', operation: REFRESH });
          expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH]);
        },
        RequiredParameterEmpty: async (client, own) => {
          // A refresh the platform will not take: the client starts over with a login.
          await client.querySubTasks(ANY_TASK_ID);
          expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH, LOGIN, SUBTASKS]);
        },
        InternalServerError: async (client, own) => {
          // A passing failure: the current token is still valid, so the query goes ahead with it.
          await client.querySubTasks(ANY_TASK_ID);
          expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH, SUBTASKS]);
          expect(own[3]!.requestHeaders.get('authorization')).toBe(own[1]!.requestHeaders.get('authorization'));
        },
      };

      it('every refresh example has a case below', () => {
        expect(refreshExamples.map((e) => e.key).sort()).toEqual(Object.keys(refreshCases).sort());
      });

      it.each(refreshExamples.map((e) => [e.key] as const))('refresh %s: the client acts on it', async (key) => {
        const { client, own } = await nearlyExpired({ [REFRESH]: `example=${key}` });
        await refreshCases[key]!(client, own);
      });

      it('every documented response was received and checked by the tests above', () => {
        const expected = examples.map((e) => `${e.operationId} ${e.status}${typeof e.value.error_code === 'string' ? ` ${e.value.error_code}` : ''}`);
        const missing = [...new Set(expected)].filter((key) => !seen.has(key));
        expect(missing).toEqual([]);
      });
    });
  });
}
