// Public surface of @iodm-northbound/client.
export {
  createNorthboundClient,
  type AccessTokenCredentials,
  type CallOptions,
  type NorthboundClient,
  type NorthboundClientOptions,
  type NorthboundCredentials,
  type QueryUpgradeSubTaskInDTO,
  type SecretCredentials,
  type SubTaskListOptions,
  type SubTaskPager,
  type SubTaskQuery,
} from './client.js';
export {
  AbortError,
  ApplicationFrozenError,
  BadRequestError,
  ConnectionError,
  InvalidTokenError,
  NorthboundError,
  PageOutOfRangeError,
  RequiredParameterEmptyError,
  ServerError,
  TaskNotFoundError,
  ThrottledError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
  type NorthboundErrorDetails,
  type NorthboundOperation,
} from './core/errors.js';
export type { NorthboundLogEntry, NorthboundLogEvent, NorthboundLogger, NorthboundLogLevel } from './core/logging.js';
export { PageIterator, type PlatformPage } from './core/pagination.js';
export { formatPlatformTimestamp, parsePlatformTimestamp } from './core/timestamps.js';
export type { FetchLike, NorthboundTlsOptions } from './core/transport.js';
// The generated types callers handle most, so one import is enough.
export type {
  OperateType,
  QueryUpgradeSubTaskOutDTO,
  SubOperationInfo,
  SubOperationStatus,
} from '@iodm-northbound/types';
