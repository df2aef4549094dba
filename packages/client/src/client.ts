// The northbound client: checks credentials and options once, builds the request pipeline and
// the token source, and exposes the operations of its resource modules (src/resources/).
import type {
  AuthOutDTO,
  CategoryInfo,
  CreateUpgradeTaskInDTO,
  CreateUpgradeTaskOutDTO,
  OperationInfo,
  QueryUpgradePackageListOutDTO,
  QueryUpgradeSubTaskOutDTO,
  QueryUpgradeTaskListOutDTO,
} from '@iodm-northbound/types';
import type { CallOptions } from './core/call-options.js';
// [coordination hook] rate limit and shared tokens live in ./coordination/.
import { createCallGate } from './coordination/call-gate.js';
import { createTokenSource } from './coordination/token-source.js';
import type { NorthboundCoordinator, RateLimitOptions } from './coordination/types.js';
import { ValidationError } from './core/errors.js';
import type { NorthboundLogger } from './core/logging.js';
import { checkBaseUrl } from './internal/base-url.js';
import { defaultMaxResponseBytes } from './internal/bounded-body.js';
import { createLogSink, silentLogSink } from './internal/log-sink.js';
import { RequestPipeline, type CallContext } from './internal/pipeline.js';
import { minCredentialLength, Redactor } from './internal/redact.js';
import { ResourceContext } from './internal/resource-context.js';
import { defaultMaxRetries } from './internal/retries.js';
import { StaticTokenSource, type TokenSource } from './internal/token-sources.js';
import { createTransport, type FetchLike, type NorthboundTlsOptions, type Transport } from './internal/transport.js';
import { createRequestBuilder } from './internal/request-builder.js';
import { checkByteLimit, checkCredential, checkRetries, checkTimeout, isHeaderSafeToken } from './internal/validation.js';
import { loginEndpoint, refreshEndpoint } from './resources/auth-tokens.js';
import { Packages, type PackageListOptions, type PackagePager, type PackageQuery, type QueryUpgradePackageListInDTO } from './resources/packages.js';
import { UpgradeTasks, type QueryUpgradeTaskListInDTO, type TaskListOptions, type TaskPager, type TaskQuery } from './resources/upgrade-tasks.js';
import { SubTasks, type QueryUpgradeSubTaskInDTO, type SubTaskListOptions, type SubTaskPager, type SubTaskQuery } from './resources/sub-tasks.js';

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
/** What {@link createNorthboundClient} logs in with: a secret, or a token managed elsewhere. */
export type NorthboundCredentials = SecretCredentials | AccessTokenCredentials;

/** Options of {@link createNorthboundClient}; every one is optional. */
export interface NorthboundClientOptions {
  /** Time limit of one attempt (connect, headers and body, and a login it waits for), in ms. Default 30 000. */
  timeoutMs?: number;
  /** Default time limit of a whole call (every attempt and the pauses between them), in ms. Default: none. */
  totalTimeoutMs?: number;
  /** Retries after the first attempt, for throttling, 5xx, connection errors and timeouts. Default 2. */
  maxRetries?: number;
  /** Largest decoded response body (error bodies too), in bytes. Default 4 MiB. */
  maxResponseBytes?: number;
  /** A fetch to send with, e.g. to record or proxy requests. Receives a `Request`. */
  fetch?: FetchLike;
  /** CA and client certificate for the platform's HTTPS endpoint (Node). Verification stays on. */
  tls?: NorthboundTlsOptions;
  /** Receives one entry per request, response, retry and login; never a token or the secret. */
  logger?: NorthboundLogger;
  /** At most `limit` calls in any `windowMs`; calls wait for room (within timeoutMs, totalTimeoutMs and signal). With a coordinator, for the whole fleet. */
  rateLimit?: RateLimitOptions;
  /** Shares the token and the rateLimit budget across processes: `createRedisCoordinator()` of `@iodm-northbound/client/redis`. */
  coordinator?: NorthboundCoordinator;
}

/** The client {@link createNorthboundClient} returns: typed methods, and the Python SDK's call shapes for migrating code. */
export interface NorthboundClient {
  /**
   * One page of the subtasks of an upgrade task.
   * @param operationId The upgrade task's id, as `createFirmwareTask` returned it.
   * @param query `status` (one of `subOperationStatusValues`: note `fail`), the spec's other query parameters (typed from the generated types), `pageNo`, `pageSize` (1..100), and the per-call options.
   * @throws {ValidationError} a bad `operationId`, `status`, `pageNo`, `pageSize` or option; nothing was sent.
   * @throws {TaskNotFoundError} no upgrade task has this `operationId` (404 / 123009).
   * @throws {PageOutOfRangeError} `pageNo` or `pageSize` beyond the platform's limit (400 / 123029).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected again after one re-login (403 / 1010005).
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {AbortError} the call's `signal` fired.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   * @example
   * ```ts
   * const page = await client.querySubTasks(operationId, { status: 'fail', pageNo: 0, pageSize: 50 });
   * console.log(`${page.data.length} of ${page.totalCount}`);
   * ```
   */
  querySubTasks(operationId: string, query?: SubTaskQuery): Promise<QueryUpgradeSubTaskOutDTO>;
  /**
   * Every subtask of an upgrade task, fetched page by page (100 per page unless `pageSize`) as the loop consumes them.
   * @param operationId The upgrade task's id.
   * @param options `status` (one of `subOperationStatusValues`), the spec's other query parameters, `pageSize`, and the per-call options (`signal` stops the walk).
   * @throws {ValidationError} a bad `operationId`, `status`, `pageSize` or option: thrown by this call itself, before any request.
   * The other errors of the one-page query (and UnexpectedResponseError for inconsistent paging) come from the loop: see `PageIterator`.
   * @example
   * ```ts
   * for await (const subtask of client.listSubTasks(operationId, { status: 'fail' })) {
   *   console.log(subtask.deviceId, subtask.detailInfo);
   * }
   * ```
   */
  listSubTasks(operationId: string, options?: SubTaskListOptions): SubTaskPager;
  /**
   * The Python SDK's call shape, for migrating code: `queryUpgradeSubTask(qustInDTO, operationId,
   * accessToken)`. Returns the parsed page, not raw text. With `accessToken`, that token is used
   * as is (no renewal); without it, the client's own token.
   * @param qustInDTO The query by its wire names (`subOperationStatus`, `pageNo`, `pageSize`); `null` leaves one out.
   * @param operationId The upgrade task's id.
   * @param accessToken A token you manage, or `null`/omitted for the client's own.
   * @throws {ValidationError} a bad `qustInDTO` field, `operationId` or `accessToken`; nothing was sent.
   * @throws {TaskNotFoundError} no upgrade task has this `operationId` (404 / 123009).
   * @throws {PageOutOfRangeError} `pageNo` or `pageSize` beyond the platform's limit (400 / 123029).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected (403 / 1010005): a passed `accessToken` is not renewed; the client's own token after one re-login.
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   * @example
   * ```ts
   * const page = await client.queryUpgradeSubTask({ subOperationStatus: 'fail', pageNo: 0, pageSize: 100 }, operationId, null);
   * ```
   */
  queryUpgradeSubTask(
    qustInDTO: QueryUpgradeSubTaskInDTO | null | undefined,
    operationId: string,
    accessToken?: string | null,
  ): Promise<QueryUpgradeSubTaskOutDTO>;

  /**
   * One page of the version packages, filtered.
   * @param query Filters: the spec's query parameters (`fileType`, `deviceType`, `model`, `manufacturerName`, `version` today; typed from the generated types), `pageNo`, `pageSize` (1..100), and the per-call options.
   * @throws {ValidationError} a bad filter, `pageNo`, `pageSize` or option; nothing was sent.
   * @throws {PageOutOfRangeError} `pageNo` or `pageSize` beyond the platform's limit (400 / 123029).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected again after one re-login (403 / 1010005).
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {AbortError} the call's `signal` fired.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  queryPackages(query?: PackageQuery): Promise<QueryUpgradePackageListOutDTO>;
  /**
   * Every version package matching the filter, fetched page by page as the loop consumes them.
   * @param options Filters as for `queryPackages`, `pageSize`, and the per-call options.
   * @throws {ValidationError} a bad filter, `pageSize` or option: thrown by this call itself, before any request.
   * The other errors of the one-page query (and UnexpectedResponseError for inconsistent paging) come from the loop: see `PageIterator`.
   * @example
   * ```ts
   * for await (const pkg of client.listPackages({ fileType: 'firmwarePackage', model: 'BC95' })) console.log(pkg.fileId, pkg.version);
   * ```
   */
  listPackages(options?: PackageListOptions): PackagePager;
  /**
   * One version package.
   * @param fileId The package's id.
   * @throws {ValidationError} a bad `fileId` or option; nothing was sent.
   * @throws {PackageNotFoundError} no version package has this `fileId` (404 / 123002).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected again after one re-login (403 / 1010005).
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {AbortError} the call's `signal` fired.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  getPackage(fileId: string, options?: CallOptions): Promise<CategoryInfo>;
  /**
   * Deletes a version package. Not retried once sent: after a TimeoutError or ConnectionError, check with `getPackage`.
   * @param fileId The package's id.
   * @throws {ValidationError} a bad `fileId` or option; nothing was sent.
   * @throws {PackageNotFoundError} no version package has this `fileId` (404 / 123002), also when an earlier, unseen delete succeeded.
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected again after one re-login (403 / 1010005).
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); throttled requests were not processed, so they are retried.
   * @throws {ServerError} a 5xx: not retried once the request was sent (the platform may have acted).
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS); retried only when the request surely did not arrive.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`; not retried once sent.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {AbortError} the call's `signal` fired.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  deletePackage(fileId: string, options?: CallOptions): Promise<void>;
  /**
   * Creates a firmware upgrade task; resolves to its `operationId`. Not retried once sent (see README).
   * @param body The package (`fileId`), the targets (`devices`, or `deviceGroups` with `deviceType`, `model`, `manufacturerName`) and the `policy`; checked before sending.
   * @throws {ValidationError} a body the platform would refuse (targets, policy times, unknown fields) or a bad option; nothing was sent.
   * @throws {PackageNotFoundError} the package or a target device does not exist (404 / 123002).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected again after one re-login (403 / 1010005).
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); throttled requests were not processed, so they are retried.
   * @throws {ServerError} a 5xx: not retried once the request was sent (the platform may have acted).
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS); retried only when the request surely did not arrive.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`; not retried once sent.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {AbortError} the call's `signal` fired.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   * @example
   * ```ts
   * const { operationId } = await client.createFirmwareTask({
   *   fileId,
   *   targets: { devices: [deviceId] },
   *   policy: { executeType: 'now', retryType: true, retryTimes: 3 },
   * });
   * ```
   */
  createFirmwareTask(body: CreateUpgradeTaskInDTO, options?: CallOptions): Promise<CreateUpgradeTaskOutDTO>;
  /**
   * Creates a software upgrade task; resolves to its `operationId`. Not retried once sent (see README).
   * @param body The package (`fileId`), the targets (`devices`, or `deviceGroups` with `deviceType`, `model`, `manufacturerName`) and the `policy`; checked before sending.
   * @throws {ValidationError} a body the platform would refuse (targets, policy times, unknown fields) or a bad option; nothing was sent.
   * @throws {PackageNotFoundError} the package or a target device does not exist (404 / 123002).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected again after one re-login (403 / 1010005).
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); throttled requests were not processed, so they are retried.
   * @throws {ServerError} a 5xx: not retried once the request was sent (the platform may have acted).
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS); retried only when the request surely did not arrive.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`; not retried once sent.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {AbortError} the call's `signal` fired.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  createSoftwareTask(body: CreateUpgradeTaskInDTO, options?: CallOptions): Promise<CreateUpgradeTaskOutDTO>;
  /**
   * One upgrade task.
   * @param operationId The upgrade task's id.
   * @throws {ValidationError} a bad `operationId` or option; nothing was sent.
   * @throws {TaskNotFoundError} no upgrade task has this `operationId` (404 / 123009).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected again after one re-login (403 / 1010005).
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {AbortError} the call's `signal` fired.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  getTask(operationId: string, options?: CallOptions): Promise<OperationInfo>;
  /**
   * One page of the upgrade tasks, filtered.
   * @param query Filters: the spec's query parameters, typed from the generated types (`operationType`, `status`: one of `operationStatusValues`, note `failed`; `deviceType`, `model`, `manufacturerName`, `deviceId` today), `pageNo`, `pageSize` (1..100), and the per-call options.
   * @throws {ValidationError} a bad filter (the subtask value `fail` is refused with a hint), `pageNo`, `pageSize` or option, or `status` and its deprecated alias `operationStatus` differing; nothing was sent.
   * @throws {PageOutOfRangeError} `pageNo` or `pageSize` beyond the platform's limit (400 / 123029).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected again after one re-login (403 / 1010005).
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {AbortError} the call's `signal` fired.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  queryTasks(query?: TaskQuery): Promise<QueryUpgradeTaskListOutDTO>;
  /**
   * Every upgrade task matching the filter, fetched page by page as the loop consumes them.
   * @param options Filters as for `queryTasks`, `pageSize`, and the per-call options.
   * @throws {ValidationError} a bad filter, `pageSize` or option: thrown by this call itself, before any request.
   * The other errors of the one-page query (and UnexpectedResponseError for inconsistent paging) come from the loop: see `PageIterator`.
   * @example
   * ```ts
   * const failedTasks = await client.listTasks({ status: 'failed' }).toArray();
   * ```
   */
  listTasks(options?: TaskListOptions): TaskPager;

  // The Python SDK's call shapes, for migrating code: the same names and argument order; parsed
  // answers and typed errors.
  /**
   * The Python SDK's `queryUpgradePackageList(quplInDTO, accessToken)`: one page of the version packages; `quplInDTO` by wire names, `null` leaves one out, numbers may be strings.
   * @param accessToken A token you manage (used as is, never renewed), or `null`/omitted for the client's own.
   * @throws {ValidationError} a bad `quplInDTO` field or `accessToken`; nothing was sent.
   * @throws {PageOutOfRangeError} `pageNo` or `pageSize` beyond the platform's limit (400 / 123029).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected (403 / 1010005): a passed `accessToken` is not renewed; the client's own token after one re-login.
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  queryUpgradePackageList(quplInDTO: QueryUpgradePackageListInDTO | null | undefined, accessToken?: string | null): Promise<QueryUpgradePackageListOutDTO>;
  /**
   * The Python SDK's `queryUpgradePackage(fileId, accessToken)`: one version package.
   * @param accessToken A token you manage (used as is, never renewed), or `null`/omitted for the client's own.
   * @throws {ValidationError} a bad `fileId` or `accessToken`; nothing was sent.
   * @throws {PackageNotFoundError} no version package has this `fileId` (404 / 123002).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected (403 / 1010005): a passed `accessToken` is not renewed; the client's own token after one re-login.
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  queryUpgradePackage(fileId: string, accessToken?: string | null): Promise<CategoryInfo>;
  /**
   * The Python SDK's `deleteUpgradePackage(fileId, accessToken)`: deletes a version package; resolves to `undefined`. Not retried once sent.
   * @param accessToken A token you manage (used as is, never renewed), or `null`/omitted for the client's own.
   * @throws {ValidationError} a bad `fileId` or `accessToken`; nothing was sent.
   * @throws {PackageNotFoundError} no version package has this `fileId` (404 / 123002).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected (403 / 1010005): a passed `accessToken` is not renewed; the client's own token after one re-login.
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); throttled requests were not processed, so they are retried.
   * @throws {ServerError} a 5xx: not retried once the request was sent (the platform may have acted).
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS); retried only when the request surely did not arrive.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`; not retried once sent.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  deleteUpgradePackage(fileId: string, accessToken?: string | null): Promise<void>;
  /**
   * The Python SDK's `createFirmwareUpgradeTask(cutInDTO, accessToken)`: creates a firmware upgrade task. Not retried once sent.
   * @param accessToken A token you manage (used as is, never renewed), or `null`/omitted for the client's own.
   * @throws {ValidationError} a `cutInDTO` the platform would refuse, or a bad `accessToken`; nothing was sent.
   * @throws {PackageNotFoundError} the package or a target device does not exist (404 / 123002).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected (403 / 1010005): a passed `accessToken` is not renewed; the client's own token after one re-login.
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); throttled requests were not processed, so they are retried.
   * @throws {ServerError} a 5xx: not retried once the request was sent (the platform may have acted).
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS); retried only when the request surely did not arrive.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`; not retried once sent.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  createFirmwareUpgradeTask(cutInDTO: CreateUpgradeTaskInDTO, accessToken?: string | null): Promise<CreateUpgradeTaskOutDTO>;
  /**
   * The Python SDK's `createSoftwareUpgradeTask(cutInDTO, accessToken)`: creates a software upgrade task. Not retried once sent.
   * @param accessToken A token you manage (used as is, never renewed), or `null`/omitted for the client's own.
   * @throws {ValidationError} a `cutInDTO` the platform would refuse, or a bad `accessToken`; nothing was sent.
   * @throws {PackageNotFoundError} the package or a target device does not exist (404 / 123002).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected (403 / 1010005): a passed `accessToken` is not renewed; the client's own token after one re-login.
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); throttled requests were not processed, so they are retried.
   * @throws {ServerError} a 5xx: not retried once the request was sent (the platform may have acted).
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS); retried only when the request surely did not arrive.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`; not retried once sent.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  createSoftwareUpgradeTask(cutInDTO: CreateUpgradeTaskInDTO, accessToken?: string | null): Promise<CreateUpgradeTaskOutDTO>;
  /**
   * The Python SDK's `queryUpgradeTask(operationId, accessToken)`: one upgrade task.
   * @param accessToken A token you manage (used as is, never renewed), or `null`/omitted for the client's own.
   * @throws {ValidationError} a bad `operationId` or `accessToken`; nothing was sent.
   * @throws {TaskNotFoundError} no upgrade task has this `operationId` (404 / 123009).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected (403 / 1010005): a passed `accessToken` is not renewed; the client's own token after one re-login.
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   */
  queryUpgradeTask(operationId: string, accessToken?: string | null): Promise<OperationInfo>;
  /**
   * The Python SDK's `queryUpgradeTaskList(qutlInDTO, accessToken)`: one page of the upgrade tasks; `qutlInDTO` by wire names (`operationStatus`), `null` leaves one out, numbers may be strings.
   * @param accessToken A token you manage (used as is, never renewed), or `null`/omitted for the client's own.
   * @throws {ValidationError} a bad `qutlInDTO` field or `accessToken`; nothing was sent.
   * @throws {PageOutOfRangeError} `pageNo` or `pageSize` beyond the platform's limit (400 / 123029).
   * @throws {BadRequestError} the platform refused the request as malformed (400 / 120015).
   * @throws {InvalidTokenError} the token was rejected (403 / 1010005): a passed `accessToken` is not renewed; the client's own token after one re-login.
   * @throws {ThrottledError} still throttled after the retries (403 / 1010009, or 429); `retryAfterMs` when the platform said.
   * @throws {ServerError} a 5xx, after the retries.
   * @throws {ConnectionError} no answer (DNS, refused, reset, TLS), after the retries; `code` says which.
   * @throws {TimeoutError} an attempt took longer than `timeoutMs`, or the call reached `totalTimeoutMs`.
   * @throws {UnexpectedResponseError} an undocumented status or error code, or a body that is not the documented JSON.
   * @throws {ResponseTooLargeError} the answer's decoded body was over `maxResponseBytes`.
   * @throws {ApplicationFrozenError} the login or refresh this call waited for: the application is frozen (400 / 100247); reported against this call, the login's error as `cause`.
   * @throws {RequiredParameterEmptyError} the login or refresh this call waited for: a required parameter was empty (400 / 102202).
   * @throws {RateLimitTimeoutError} with `rateLimit`: the budget had no room in time; nothing was sent.
   * @throws {CoordinatorError} with `coordinator`: its Redis could not be used; nothing was sent to the platform.
   * @throws {ClientClosedError} the client was closed with `close()`; nothing was sent.
   * @example
   * ```ts
   * const page = await client.queryUpgradeTaskList({ operationStatus: 'failed', pageNo: '0', pageSize: '10' }, null);
   * ```
   */
  queryUpgradeTaskList(qutlInDTO: QueryUpgradeTaskListInDTO | null | undefined, accessToken?: string | null): Promise<QueryUpgradeTaskListOutDTO>;

  /**
   * Releases the TLS connection pool, if `tls` was given. Later calls fail with ClientClosedError; calls in flight finish or fail with ConnectionError.
   */
  close(): Promise<void>;
}

const defaultTimeoutMs = 30_000;

class NorthboundClientImpl implements NorthboundClient {
  readonly #transport: Transport;
  readonly #subTasks: SubTasks;
  readonly #packages: Packages;
  readonly #tasks: UpgradeTasks;
  #closed = false;

  constructor(credentials: NorthboundCredentials, options: NorthboundClientOptions) {
    if (typeof credentials !== 'object' || credentials === null) {
      throw new ValidationError('credentials', 'credentials must be { baseUrl, appId, secret } or { baseUrl, appId, accessToken }', null);
    }
    const baseUrl = checkBaseUrl(credentials.baseUrl);
    if (!isHeaderSafeToken(credentials.appId)) {
      throw new ValidationError('appId', 'appId must be a non-empty string of printable ASCII without spaces', null);
    }
    const appId = credentials.appId;
    const defaults = {
      maxRetries: checkRetries(options.maxRetries, 'maxRetries', null) ?? defaultMaxRetries,
      timeoutMs: checkTimeout(options.timeoutMs, 'timeoutMs', null) ?? defaultTimeoutMs,
      totalTimeoutMs: checkTimeout(options.totalTimeoutMs, 'totalTimeoutMs', null),
    };
    const maxResponseBytes = checkByteLimit(options.maxResponseBytes, 'maxResponseBytes') ?? defaultMaxResponseBytes;
    if (options.fetch !== undefined && typeof options.fetch !== 'function') {
      throw new ValidationError('fetch', 'fetch must be a function', null);
    }
    if (options.logger !== undefined && typeof options.logger !== 'function') {
      throw new ValidationError('logger', 'logger must be a function', null);
    }
    const redactor = new Redactor();
    const logSink = createLogSink(options.logger, redactor);
    const log = logSink ?? silentLogSink;

    const hasSecret = typeof credentials.secret === 'string' && credentials.secret !== '';
    const hasToken = credentials.accessToken !== undefined;
    if (hasSecret === hasToken) {
      throw new ValidationError('credentials', 'give exactly one of secret (the client logs in) or accessToken (a token you manage)', null);
    }
    this.#transport = createTransport(options.fetch, options.tls);
    // Requests are built as openapi-fetch builds them (redirects not followed); the pipeline hands each one the fetch it sends through.
    const api = createRequestBuilder(baseUrl, this.#transport.Request);
    const pipeline = new RequestPipeline({
      api,
      transport: this.#transport,
      appId,
      log,
      logging: logSink !== undefined,
      maxResponseBytes,
      callGate: createCallGate(options, { baseUrl, appId, log }), // [coordination hook]
      isClosed: () => this.#closed,
    });

    let tokens: TokenSource;
    if (hasToken) {
      const accessToken = checkCredential(credentials.accessToken, 'accessToken', null);
      redactor.pin(accessToken);
      tokens = new StaticTokenSource(accessToken);
    } else {
      const secret = checkSecret(credentials.secret as string);
      redactor.pin(secret);
      // Login and refresh run under the client's own limits: they are shared by every waiting call.
      const tokenCall = (operation: CallContext['operation']): CallContext => ({
        operation,
        signal: undefined,
        maxRetries: 0,
        timeoutMs: defaults.timeoutMs,
        deadline: undefined,
        redactor,
      });
      const endpoints = {
        login: (): Promise<AuthOutDTO> => pipeline.call(loginEndpoint, { appId, secret }, tokenCall('getAuthToken')),
        refresh: (refreshToken: string): Promise<AuthOutDTO> =>
          pipeline.call(refreshEndpoint, { appId, secret, refreshToken }, tokenCall('refreshAuthToken')),
      };
      // [coordination hook] own token source, or the coordinator's shared one
      tokens = createTokenSource(options.coordinator, { baseUrl, appId, secret, endpoints, redactor, log });
    }
    const context = new ResourceContext(pipeline, tokens, redactor, defaults);
    this.#subTasks = new SubTasks(context);
    this.#packages = new Packages(context);
    this.#tasks = new UpgradeTasks(context);
  }

  querySubTasks(operationId: string, query?: SubTaskQuery): Promise<QueryUpgradeSubTaskOutDTO> {
    return this.#subTasks.query(operationId, query);
  }

  listSubTasks(operationId: string, options?: SubTaskListOptions): SubTaskPager {
    return this.#subTasks.list(operationId, options);
  }

  queryUpgradeSubTask(qustInDTO: QueryUpgradeSubTaskInDTO | null | undefined, operationId: string, accessToken?: string | null) {
    return this.#subTasks.queryAsPythonSdk(qustInDTO, operationId, accessToken);
  }

  queryPackages(query?: PackageQuery) {
    return this.#packages.query(query);
  }
  listPackages(options?: PackageListOptions) {
    return this.#packages.list(options);
  }
  getPackage(fileId: string, options?: CallOptions) {
    return this.#packages.get(fileId, options);
  }
  deletePackage(fileId: string, options?: CallOptions) {
    return this.#packages.delete(fileId, options);
  }
  createFirmwareTask(body: CreateUpgradeTaskInDTO, options?: CallOptions) {
    return this.#tasks.create('createFirmwareUpgradeTask', body, options);
  }
  createSoftwareTask(body: CreateUpgradeTaskInDTO, options?: CallOptions) {
    return this.#tasks.create('createSoftwareUpgradeTask', body, options);
  }
  getTask(operationId: string, options?: CallOptions) {
    return this.#tasks.get(operationId, options);
  }
  queryTasks(query?: TaskQuery) {
    return this.#tasks.query(query);
  }
  listTasks(options?: TaskListOptions) {
    return this.#tasks.list(options);
  }

  queryUpgradePackageList(quplInDTO: QueryUpgradePackageListInDTO | null | undefined, accessToken?: string | null) {
    return this.#packages.queryAsPythonSdk(quplInDTO, accessToken);
  }
  queryUpgradePackage(fileId: string, accessToken?: string | null) {
    return this.#packages.getAsPythonSdk(fileId, accessToken);
  }
  deleteUpgradePackage(fileId: string, accessToken?: string | null) {
    return this.#packages.deleteAsPythonSdk(fileId, accessToken);
  }
  createFirmwareUpgradeTask(cutInDTO: CreateUpgradeTaskInDTO, accessToken?: string | null) {
    return this.#tasks.createAsPythonSdk('createFirmwareUpgradeTask', cutInDTO, accessToken);
  }
  createSoftwareUpgradeTask(cutInDTO: CreateUpgradeTaskInDTO, accessToken?: string | null) {
    return this.#tasks.createAsPythonSdk('createSoftwareUpgradeTask', cutInDTO, accessToken);
  }
  queryUpgradeTask(operationId: string, accessToken?: string | null) {
    return this.#tasks.getAsPythonSdk(operationId, accessToken);
  }
  queryUpgradeTaskList(qutlInDTO: QueryUpgradeTaskListInDTO | null | undefined, accessToken?: string | null) {
    return this.#tasks.queryAsPythonSdk(qutlInDTO, accessToken);
  }

  close(): Promise<void> {
    this.#closed = true;
    return this.#transport.close();
  }
}

function checkSecret(secret: string): string {
  if (secret.length < minCredentialLength) {
    throw new ValidationError('secret', `secret is shorter than ${minCredentialLength} characters, too short to redact safely from errors and logs`, null);
  }
  return secret;
}

/**
 * Creates a client for the platform's northbound API. Nothing is sent until the first call; with
 * `secret`, that call logs in.
 *
 * @param credentials `{ baseUrl, appId, secret }` (the client manages tokens) or `{ baseUrl, appId, accessToken }` (a token you manage).
 * @param options Time limits, retries, response size, `fetch`, `tls`, `logger`, `rateLimit`, `coordinator`: see {@link NorthboundClientOptions}.
 * @throws {ValidationError} bad credentials (not exactly one of `secret` and `accessToken`, a secret shorter than 8 characters, a `baseUrl` that is not http(s) without credentials) or a bad option; `operation` is `null`.
 * @example
 * ```ts
 * const client = createNorthboundClient({ baseUrl: 'https://203.0.113.10:8743', appId, secret }, { totalTimeoutMs: 60_000 });
 * for await (const subtask of client.listSubTasks(operationId, { status: 'fail' })) console.log(subtask.deviceId);
 * await client.close();
 * ```
 */
export function createNorthboundClient(credentials: NorthboundCredentials, options: NorthboundClientOptions = {}): NorthboundClient {
  return new NorthboundClientImpl(credentials, options ?? {});
}
