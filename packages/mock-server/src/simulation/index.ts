// The campaign simulator: a pure domain module (no HTTP). See README.md in this folder.
export { Campaign, type CampaignDefinition, type SubTaskPageQuery } from './campaign.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.js';
export { OUTCOMES, PENDING_DETAIL, SUBTASK_TIMEOUT_SECONDS, type OutcomeRow, type TerminalStatus } from './outcomes.js';
export type { SubTaskQueryInput, TaskListQueryInput } from './queries.js';
export { BATCH_INTERVAL_SECONDS, BATCH_SIZE } from './schedule.js';
export { CampaignSimulator, READY_MADE_MAX_DEVICES, type CreateTaskRequest, type SimulationOptions } from './simulator.js';
export { MAX_DEVICE_GROUPS, SimulationInputError, type OperateDevices } from './targets.js';
export { isTaskFinished, taskStatus } from './task-status.js';
export type { OperateType, OperatePolicy, OperationInfo, OperationStaResult, Page, SubOperationInfo, SubtaskStatus, SubTaskPage, TaskListPage, TaskStatus } from './views.js';
