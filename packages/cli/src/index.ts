// Programmatic surface of @iodm-northbound/cli: run it in-process, or reuse its parts.
export { runCli, VERSION, type CliOptions } from './main.js';
export type { CliIo } from './io.js';
export { EXIT, exitCodeFor, NotWiredError, PlatformUnavailableError, TaskNotFound, UsageError } from './errors.js';
export type { CreateTaskInput, ListWalk, OperateType, StaResult, SubtaskInfo, SubtaskListQuery, SubtaskStatus, TaskInfo, TaskListQuery, TaskStatus, UpgradeApi } from './api/upgrade-api.js';
export { ClientUpgradeApi, type PlatformConnection } from './api/client-api.js';
export { SimulatorUpgradeApi, type SimulatorLike } from './api/simulator-api.js';
export { resolveConnection, type Connection } from './connection/resolve-connection.js';
export { FORMATS, writeRecords, type Format } from './output/write-records.js';
export { causeOf, renderFailureSummary, summarizeFailures, type CauseGroup } from './watch/failure-summary.js';
