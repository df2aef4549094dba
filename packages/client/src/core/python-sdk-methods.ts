// The Python SDK's call shapes, for migrating code: the same names and argument order, with parsed
// answers and typed errors. Their JSDoc names every error each can end in (test/api-docs.test.ts).
import type {
  CategoryInfo,
  CreateUpgradeTaskInDTO,
  CreateUpgradeTaskOutDTO,
  OperationInfo,
  QueryUpgradePackageListOutDTO,
  QueryUpgradeSubTaskOutDTO,
  QueryUpgradeTaskListOutDTO,
} from '@iodm-northbound/types';
import type { QueryUpgradePackageListInDTO } from '../resources/packages.js';
import type { QueryUpgradeSubTaskInDTO } from '../resources/sub-tasks.js';
import type { QueryUpgradeTaskListInDTO } from '../resources/upgrade-tasks.js';

/** The Python SDK's call shapes of {@link NorthboundClient}. */
export interface PythonSdkMethods {
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

}
