// The northbound client: openapi-fetch typed by the generated `paths`, plus what the platform
// needs around it (login, single-flight token renewal, retries, typed errors, input checks).
import createClient, { type Client } from 'openapi-fetch';
import type { AuthOutDTO, operations, paths, QueryUpgradeSubTaskOutDTO, SubOperationInfo } from '@iodm-northbound/types';
import { ManagedTokenSource, StaticTokenSource, type TokenSource } from './core/auth.js';
import {
  ConnectionError,
  errorFromResponse,
  excerpt,
  InvalidTokenError,
  NorthboundError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
  type NorthboundOperation,
} from './core/errors.js';
import { createLogSink, silentLogSink, type LogSink, type NorthboundLogger } from './core/logging.js';
import { PageIterator } from './core/pagination.js';
import { Redactor } from './core/redact.js';
import { abortErrorFor, defaultMaxRetries, isRetryable, parseRetryAfter, retryDelayMs, sleep } from './core/retries.js';
import { createTransport, type FetchLike, type NorthboundTlsOptions, type Transport } from './core/transport.js';
import {
  checkOperationId,
  checkPageNo,
  checkPageSize,
  checkRetries,
  checkSignal,
  checkStatus,
  checkTimeout,
  isHeaderSafeToken,
  maxPageSize,
} from './core/validation.js';

/** Log in with the application's secret (the client then manages tokens itself)… */
export interface SecretCredentials {
  /** `https://{platformIp}:{platformPort}`, e.g. `https://203.0.113.10:8743`. */
  baseUrl: string;
  appId: string;
  secret: string;
  accessToken?: never;
}
/** …or use an access token obtained elsewhere (never renewed by the client). */
export interface AccessTokenCredentials {
  baseUrl: string;
  appId: string;
  accessToken: string;
  secret?: never;
}
export type NorthboundCredentials = SecretCredentials | AccessTokenCredentials;

export interface NorthboundClientOptions {
  /** Time limit of one attempt (connect, headers and body), in ms. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for throttling, 5xx, connection errors and timeouts. Default 2. */
  maxRetries?: number;
  /** A fetch to send with, e.g. to record or proxy requests. Receives a `Request`. */
  fetch?: FetchLike;
  /** CA and client certificate for the platform's HTTPS endpoint (Node). Verification stays on. */
  tls?: NorthboundTlsOptions;
  /** Receives one entry per request, response, retry and login; never a token or the secret. */
  logger?: NorthboundLogger;
}

/** Per-call settings, overriding the client's. */
export interface CallOptions {
  signal?: AbortSignal;
  maxRetries?: number;
  timeoutMs?: number;
}

type SubTaskQueryParameters = NonNullable<operations['queryUpgradeSubTask']['parameters']['query']>;

export interface SubTaskQuery extends CallOptions {
  /** Only subtasks in this status (note the spelling `fail`). */
  status?: SubTaskQueryParameters['subOperationStatus'];
  /** Page number from 0. */
  pageNo?: SubTaskQueryParameters['pageNo'];
  /** 1..100; the platform's default is 10. */
  pageSize?: SubTaskQueryParameters['pageSize'];
}

export interface SubTaskListOptions extends CallOptions {
  status?: SubTaskQueryParameters['subOperationStatus'];
  /** 1..100, default 100 (fewest requests). */
  pageSize?: SubTaskQueryParameters['pageSize'];
}

/** The Python SDK's `QueryUpgradeSubTaskInDTO`: the query parameters by their wire names; `null` (None) leaves one out. */
export type QueryUpgradeSubTaskInDTO = { [Name in keyof SubTaskQueryParameters]?: SubTaskQueryParameters[Name] | null };

/** `for await (const subtask of pager)`, or `await pager.toArray()`, or `pager.pages()`. */
export type SubTaskPager = PageIterator<QueryUpgradeSubTaskOutDTO, SubOperationInfo>;

export interface NorthboundClient {
  /** One page of the subtasks of an upgrade task. */
  querySubTasks(operationId: string, query?: SubTaskQuery): Promise<QueryUpgradeSubTaskOutDTO>;
  /** Every subtask of an upgrade task, fetched page by page as the loop consumes them. */
  listSubTasks(operationId: string, options?: SubTaskListOptions): SubTaskPager;
  /**
   * The Python SDK's call shape, for migrating code: `queryUpgradeSubTask(qustInDTO, operationId,
   * accessToken)`. Returns the parsed page, not raw text. With `accessToken`, that token is used
   * as is (no renewal); without it, the client's own token.
   */
  queryUpgradeSubTask(
    qustInDTO: QueryUpgradeSubTaskInDTO | null | undefined,
    operationId: string,
    accessToken?: string | null,
  ): Promise<QueryUpgradeSubTaskOutDTO>;
  /** Releases the TLS connection pool, if `tls` was given. */
  close(): Promise<void>;
}

const subOperationsPath = '/iodm/northbound/v1.5.0/operations/{operationId}/subOperations';
const loginPath = '/iocm/app/sec/v1.1.0/login';
const refreshPath = '/iocm/app/sec/v1.1.0/refreshToken';
const defaultTimeoutMs = 30_000;

interface ResolvedCall {
  signal: AbortSignal | undefined;
  maxRetries: number;
  timeoutMs: number;
}

interface Exchange<Data, Error> {
  data?: Data;
  error?: Error;
  response: Response;
}

function checkBaseUrl(baseUrl: unknown): string {
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new ValidationError('baseUrl', `baseUrl is not a URL: ${JSON.stringify(baseUrl)}`, null);
  }
  if (typeof baseUrl !== 'string' || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw new ValidationError('baseUrl', 'baseUrl must be an http(s) URL without query, fragment or credentials', null);
  }
  return baseUrl.replace(/\/+$/, '');
}

/** `undefined` and `null` mean "no options"; anything else must be an object. */
function checkOptionsObject<T extends object>(value: T | null | undefined, parameter: string, operation: NorthboundOperation): Partial<T> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') throw new ValidationError(parameter, `${parameter} must be an object or null`, operation);
  return value;
}

function isSubTaskPage(value: unknown): value is QueryUpgradeSubTaskOutDTO {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return (
    Array.isArray(page.data) &&
    page.data.every((item) => typeof item === 'object' && item !== null) &&
    count(page.totalCount) &&
    count(page.pageNo) &&
    count(page.pageSize)
  );
}

/** fetch wraps the system error ("fetch failed"); the code worth reporting is the deepest one. */
function innermostCode(error: unknown): string | undefined {
  let code: string | undefined;
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    const candidate = (current as { code?: unknown }).code;
    if (typeof candidate === 'string') code = candidate;
    current = current.cause;
  }
  return code;
}

function tokenProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const issued = value as Record<string, unknown>;
  if (!isHeaderSafeToken(issued.accessToken)) return 'accessToken missing or not a token';
  if (!isHeaderSafeToken(issued.refreshToken)) return 'refreshToken missing or not a token';
  if (typeof issued.expiresIn !== 'number' || !(issued.expiresIn > 0) || !Number.isFinite(issued.expiresIn)) {
    return 'expiresIn missing or not a positive number';
  }
  return undefined;
}

class NorthboundClientImpl implements NorthboundClient {
  readonly #api: Client<paths>;
  readonly #transport: Transport;
  readonly #appId: string;
  readonly #redactor = new Redactor();
  readonly #log: LogSink;
  readonly #logging: boolean;
  readonly #tokens: TokenSource;
  readonly #maxRetries: number;
  readonly #timeoutMs: number;

  constructor(credentials: NorthboundCredentials, options: NorthboundClientOptions) {
    if (typeof credentials !== 'object' || credentials === null) {
      throw new ValidationError('credentials', 'credentials must be { baseUrl, appId, secret } or { baseUrl, appId, accessToken }', null);
    }
    const baseUrl = checkBaseUrl(credentials.baseUrl);
    if (!isHeaderSafeToken(credentials.appId)) {
      throw new ValidationError('appId', 'appId must be a non-empty string of printable ASCII without spaces', null);
    }
    this.#appId = credentials.appId;
    this.#maxRetries = checkRetries(options.maxRetries, 'maxRetries', null) ?? defaultMaxRetries;
    this.#timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs', null) ?? defaultTimeoutMs;
    if (options.fetch !== undefined && typeof options.fetch !== 'function') {
      throw new ValidationError('fetch', 'fetch must be a function', null);
    }
    if (options.logger !== undefined && typeof options.logger !== 'function') {
      throw new ValidationError('logger', 'logger must be a function', null);
    }
    const logSink = createLogSink(options.logger, this.#redactor);
    this.#log = logSink ?? silentLogSink;
    this.#logging = logSink !== undefined;

    const hasSecret = typeof credentials.secret === 'string' && credentials.secret !== '';
    const hasToken = credentials.accessToken !== undefined;
    if (hasSecret === hasToken) {
      throw new ValidationError('credentials', 'give exactly one of secret (the client logs in) or accessToken (a token you manage)', null);
    }
    if (hasToken) {
      if (!isHeaderSafeToken(credentials.accessToken)) {
        throw new ValidationError('accessToken', 'accessToken must be a non-empty string of printable ASCII without spaces', null);
      }
      this.#redactor.pin(credentials.accessToken);
      this.#tokens = new StaticTokenSource(credentials.accessToken);
    } else {
      const secret = credentials.secret as string;
      this.#redactor.pin(secret);
      this.#tokens = new ManagedTokenSource(
        { login: () => this.#login(secret), refresh: (refreshToken) => this.#refresh(secret, refreshToken) },
        this.#redactor,
        this.#log,
      );
    }

    this.#transport = createTransport(options.fetch, options.tls);
    // Redirects are not followed: the platform does not redirect, and following one would send
    // app_key to wherever a misconfigured gateway points.
    this.#api = createClient<paths>({ baseUrl, fetch: this.#transport.fetch, Request: this.#transport.Request, redirect: 'manual' });
  }

  querySubTasks(operationId: string, queryOrNull?: SubTaskQuery): Promise<QueryUpgradeSubTaskOutDTO> {
    return this.#run(() => {
      const operation = 'queryUpgradeSubTask';
      const query = checkOptionsObject(queryOrNull, 'query', operation);
      const id = checkOperationId(operationId, operation);
      const parameters = checkSubTaskQuery(query.status, query.pageNo, query.pageSize);
      return this.#querySubTaskPage(id, parameters, this.#resolveCall(query, operation), this.#tokens);
    });
  }

  listSubTasks(operationId: string, optionsOrNull?: SubTaskListOptions): SubTaskPager {
    // Checked now, so that bad input fails at the call rather than at the first `next()`.
    const operation = 'queryUpgradeSubTask';
    const options = checkOptionsObject(optionsOrNull, 'options', operation);
    const id = checkOperationId(operationId, operation);
    const subOperationStatus = checkStatus(options.status, operation);
    const pageSize = checkPageSize(options.pageSize, operation) ?? maxPageSize;
    const call = this.#resolveCall(options, operation);
    return new PageIterator<QueryUpgradeSubTaskOutDTO, SubOperationInfo>(
      (pageNo) => this.#querySubTaskPage(id, { subOperationStatus, pageNo, pageSize }, call, this.#tokens),
      call.signal,
      operation,
    );
  }

  queryUpgradeSubTask(
    qustInDTO: QueryUpgradeSubTaskInDTO | null | undefined,
    operationId: string,
    accessToken?: string | null,
  ): Promise<QueryUpgradeSubTaskOutDTO> {
    return this.#run(() => {
      const operation = 'queryUpgradeSubTask';
      const dto = checkOptionsObject(qustInDTO, 'qustInDTO', operation);
      const id = checkOperationId(operationId, operation);
      const parameters = checkSubTaskQuery(dto.subOperationStatus, dto.pageNo, dto.pageSize);
      let tokens = this.#tokens;
      if (accessToken !== undefined && accessToken !== null) {
        if (!isHeaderSafeToken(accessToken)) {
          throw new ValidationError('accessToken', 'accessToken must be a non-empty string of printable ASCII without spaces', operation);
        }
        this.#redactor.add(accessToken);
        tokens = new StaticTokenSource(accessToken);
      }
      return this.#querySubTaskPage(id, parameters, this.#resolveCall({}, operation), tokens);
    });
  }

  close(): Promise<void> {
    return this.#transport.close();
  }

  /** Turns a synchronous ValidationError into a rejected promise, as callers of an async API expect. */
  #run<T>(start: () => Promise<T>): Promise<T> {
    try {
      return start();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #resolveCall(options: CallOptions, operation: NorthboundOperation): ResolvedCall {
    return {
      signal: checkSignal(options.signal, operation),
      maxRetries: checkRetries(options.maxRetries, 'maxRetries', operation) ?? this.#maxRetries,
      timeoutMs: checkTimeout(options.timeoutMs, 'timeoutMs', operation) ?? this.#timeoutMs,
    };
  }

  #querySubTaskPage(
    operationId: string,
    query: SubTaskQueryParameters,
    call: ResolvedCall,
    tokens: TokenSource,
  ): Promise<QueryUpgradeSubTaskOutDTO> {
    const operation = 'queryUpgradeSubTask';
    // Re-authenticating is allowed once per call, outside the retry budget.
    let reauthenticated = false;
    return this.#withRetries(operation, call, async (attempt) => {
      const token = await tokens.getAccessToken(call.signal, operation);
      try {
        return await this.#getSubTaskPage(operationId, query, token, call, attempt);
      } catch (error) {
        if (!(error instanceof InvalidTokenError) || reauthenticated || !tokens.invalidate(token)) throw error;
        reauthenticated = true;
        this.#log('warn', 'reauthenticate', { operation, message: 'access token rejected (1010005); logging in again', attempt });
        const fresh = await tokens.getAccessToken(call.signal, operation);
        return await this.#getSubTaskPage(operationId, query, fresh, call, attempt);
      }
    });
  }

  async #getSubTaskPage(
    operationId: string,
    query: SubTaskQueryParameters,
    token: string,
    call: ResolvedCall,
    attempt: number,
  ): Promise<QueryUpgradeSubTaskOutDTO> {
    const operation = 'queryUpgradeSubTask';
    const { data, error, response } = await this.#exchange(operation, call.timeoutMs, call.signal, attempt, (signal, fetch) =>
      this.#api.GET(subOperationsPath, {
        params: { path: { operationId }, query },
        // The SDKs send Content-Type: application/json on every call, GETs included.
        headers: { app_key: this.#appId, Authorization: `Bearer ${token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
        parseAs: 'text',
        signal,
        fetch,
      }),
    );
    if (!response.ok) throw this.#errorFor(operation, response, error);
    const page = this.#parseJson(operation, response, data);
    if (!isSubTaskPage(page)) {
      throw new UnexpectedResponseError(`${operation}: HTTP ${response.status} body is not a subtask page: ${excerpt(String(data), this.#redactor)}`, {
        operation,
        status: response.status,
        bodyExcerpt: excerpt(String(data), this.#redactor),
      });
    }
    return page;
  }

  #login(secret: string): Promise<AuthOutDTO> {
    const operation = 'getAuthToken';
    return this.#issueToken(operation, (signal, fetch) =>
      this.#api.POST(loginPath, {
        body: { appId: this.#appId, secret },
        bodySerializer: (form) => new URLSearchParams(form).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        parseAs: 'text',
        signal,
        fetch,
      }),
    );
  }

  #refresh(secret: string, refreshToken: string): Promise<AuthOutDTO> {
    const operation = 'refreshAuthToken';
    return this.#issueToken(operation, (signal, fetch) =>
      this.#api.POST(refreshPath, {
        body: { appId: this.#appId, secret, refreshToken },
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        parseAs: 'text',
        signal,
        fetch,
      }),
    );
  }

  async #issueToken(
    operation: 'getAuthToken' | 'refreshAuthToken',
    send: (signal: AbortSignal, fetch: FetchLike) => Promise<Exchange<string, unknown>>,
  ): Promise<AuthOutDTO> {
    // Not retried on its own: a login is not idempotent (each one invalidates the last token).
    // The query that needed the token is, and retries the whole attempt, login included.
    const { data, error, response } = await this.#exchange(operation, this.#timeoutMs, undefined, 0, send);
    if (!response.ok) throw this.#errorFor(operation, response, error);
    const issued = this.#parseJson(operation, response, data, false);
    const problem = tokenProblem(issued);
    if (problem) {
      // No excerpt: the body may hold a token.
      throw new UnexpectedResponseError(`${operation}: HTTP ${response.status} token response is malformed: ${problem}`, {
        operation,
        status: response.status,
      });
    }
    return issued as AuthOutDTO;
  }

  #parseJson(operation: NorthboundOperation, response: Response, text: string | undefined, withExcerpt = true): unknown {
    try {
      return JSON.parse(text ?? '');
    } catch {
      const bodyExcerpt = withExcerpt ? excerpt(text ?? '', this.#redactor) : undefined;
      const shown = withExcerpt ? `: ${bodyExcerpt === '' ? '(empty)' : bodyExcerpt}` : '';
      throw new UnexpectedResponseError(`${operation}: HTTP ${response.status} body is not JSON${shown}`, {
        operation,
        status: response.status,
        bodyExcerpt,
      });
    }
  }

  #errorFor(operation: NorthboundOperation, response: Response, body: unknown): NorthboundError {
    const error = errorFromResponse(operation, response.status, body, parseRetryAfter(response.headers.get('retry-after')), this.#redactor);
    this.#log('warn', 'failure', { operation, status: response.status, message: error.message, ...(error.errorCode ? { errorCode: error.errorCode } : {}) });
    return error;
  }

  /**
   * One HTTP exchange under a time limit and the caller's signal. Whatever goes wrong before a
   * complete response (body included) becomes AbortError, TimeoutError or ConnectionError.
   */
  async #exchange<Data, Failure>(
    operation: NorthboundOperation,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
    attempt: number,
    send: (signal: AbortSignal, fetch: FetchLike) => Promise<Exchange<Data, Failure>>,
  ): Promise<Exchange<Data, Failure>> {
    if (callerSignal?.aborted) throw abortErrorFor(operation, callerSignal);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const started = this.#logging ? performance.now() : 0;
    const fetch: FetchLike = this.#logging
      ? (request) => {
          this.#log('debug', 'request', { operation, method: request.method, url: request.url, attempt, message: `${request.method} ${request.url}` });
          return this.#transport.fetch(request);
        }
      : this.#transport.fetch;
    try {
      const result = await send(controller.signal, fetch);
      if (this.#logging) {
        const durationMs = Math.round(performance.now() - started);
        this.#log('debug', 'response', { operation, status: result.response.status, attempt, durationMs, message: `HTTP ${result.response.status} in ${durationMs} ms` });
      }
      return result;
    } catch (error) {
      if (error instanceof NorthboundError) throw error;
      if (callerSignal?.aborted) throw abortErrorFor(operation, callerSignal);
      if (timedOut) {
        throw new TimeoutError(`${operation}: no complete response within ${timeoutMs} ms`, { operation });
      }
      throw new ConnectionError(`${operation}: could not reach the platform: ${this.#describe(error)}`, {
        operation,
        cause: error,
        code: innermostCode(error),
      });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  #describe(error: unknown): string {
    const parts: string[] = [];
    let current: unknown = error;
    // fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED, certificate errors) in `cause`.
    for (let depth = 0; current instanceof Error && depth < 4; depth++) {
      const code = (current as { code?: unknown }).code;
      parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
      current = current.cause;
    }
    return this.#redactor.redact(parts.length > 0 ? parts.join(': ') : String(error));
  }

  async #withRetries<T>(operation: NorthboundOperation, call: ResolvedCall, attemptOnce: (attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce(attempt);
      } catch (error) {
        if (!isRetryable(error) || attempt >= call.maxRetries) throw error;
        const delayMs = retryDelayMs(attempt, error.retryAfterMs);
        if (delayMs === undefined) throw error;
        this.#log('info', 'retry', {
          operation,
          attempt: attempt + 1,
          delayMs,
          message: `${error.name}; retry ${attempt + 1} of ${call.maxRetries} in ${delayMs} ms`,
          ...(error.status === undefined ? {} : { status: error.status }),
        });
        await sleep(delayMs, call.signal, operation);
      }
    }
  }
}

/**
 * Creates a client for the platform's northbound API.
 *
 * ```ts
 * const client = createNorthboundClient({ baseUrl, appId, secret });
 * for await (const subtask of client.listSubTasks(operationId, { status: 'fail' })) { … }
 * ```
 */
export function createNorthboundClient(credentials: NorthboundCredentials, options: NorthboundClientOptions = {}): NorthboundClient {
  return new NorthboundClientImpl(credentials, options ?? {});
}

/** The query parameters of one subtask page, checked before anything is sent. */
function checkSubTaskQuery(status: unknown, pageNo: unknown, pageSize: unknown): SubTaskQueryParameters {
  const operation = 'queryUpgradeSubTask';
  return {
    subOperationStatus: checkStatus(status, operation),
    pageNo: checkPageNo(pageNo, operation),
    pageSize: checkPageSize(pageSize, operation),
  };
}
