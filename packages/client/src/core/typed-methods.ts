// The client's typed methods for the Device Upgrade group: one page, the pager over every page,
// one item, the writes. Their JSDoc names every error each can end in (test/api-docs.test.ts).
import type {
  CategoryInfo,
  CreateUpgradeTaskInDTO,
  CreateUpgradeTaskOutDTO,
  OperationInfo,
  QueryUpgradePackageListOutDTO,
  QueryUpgradeSubTaskOutDTO,
  QueryUpgradeTaskListOutDTO,
} from '@iodm-northbound/types';
import type { PackageListOptions, PackagePager, PackageQuery } from '../resources/packages.js';
import type { SubTaskListOptions, SubTaskPager, SubTaskQuery } from '../resources/sub-tasks.js';
import type { TaskListOptions, TaskPager, TaskQuery } from '../resources/upgrade-tasks.js';
import type { CallOptions } from './call-options.js';

/** The typed methods of {@link NorthboundClient}. */
export interface TypedMethods {
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

}
