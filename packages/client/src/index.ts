// Public surface of @iodm-northbound/client.
export { createNorthboundClient, type NorthboundClient } from './client.js';
export type { AccessTokenCredentials, NorthboundClientOptions, NorthboundCredentials, SecretCredentials } from './core/client-options.js';
export type { CallOptions } from './core/call-options.js';
export type { QueryUpgradeSubTaskInDTO, SubTaskFilter, SubTaskListOptions, SubTaskPager, SubTaskQuery } from './resources/sub-tasks.js';
export type { PackageFilter, PackageListOptions, PackagePager, PackageQuery, QueryUpgradePackageListInDTO } from './resources/packages.js';
export type { QueryUpgradeTaskListInDTO, TaskFilter, TaskListOptions, TaskPager, TaskQuery } from './resources/upgrade-tasks.js';
export {
  AbortError,
  ApplicationFrozenError,
  BadRequestError,
  ClientClosedError,
  ConnectionError,
  InvalidTokenError,
  NorthboundError,
  PackageNotFoundError,
  PageOutOfRangeError,
  RequiredParameterEmptyError,
  ResponseTooLargeError,
  ServerError,
  TaskNotFoundError,
  ThrottledError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
  type NorthboundErrorDetails,
  type NorthboundOperation,
} from './core/errors.js';
// rateLimit and the coordinator interface (createRedisCoordinator is in ./redis).
export { CoordinatorError, RateLimitTimeoutError } from './coordination/errors.js';
export type { NorthboundCoordinator, RateLimitOptions } from './coordination/types.js';
export type { NorthboundLogEntry, NorthboundLogEvent, NorthboundLogger, NorthboundLogLevel } from './core/logging.js';
export { PageIterator, type PlatformPage } from './core/pagination.js';
export { formatPlatformTimestamp, parsePlatformTimestamp } from './core/timestamps.js';
export type { FetchLike, NorthboundTlsOptions } from './internal/transport.js';
// The generated types callers handle most, so one import is enough.
export type {
  CategoryInfo,
  CreateUpgradeTaskInDTO,
  CreateUpgradeTaskOutDTO,
  FileType,
  OperateDevices,
  OperatePolicy,
  OperateType,
  OperationInfo,
  OperationStaResult,
  OperationStatus,
  QueryUpgradePackageListOutDTO,
  QueryUpgradeTaskListOutDTO,
  QueryUpgradeSubTaskOutDTO,
  SubOperationInfo,
  SubOperationStatus,
} from '@iodm-northbound/types';
