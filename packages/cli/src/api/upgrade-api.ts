// What the commands need from the platform, as one small interface: the real client (when its
// Device Upgrade methods exist), the embedded simulator and the tests' in-memory API all fit it.
import type { SubOperationInfo } from '@iodm-northbound/client';

export type TaskStatus = 'wait' | 'processing' | 'success' | 'failed' | 'stop';
export type SubtaskStatus = SubOperationInfo['status'];
export type OperateType = 'firmware_upgrade' | 'software_upgrade';

export interface StaResult {
  total: number;
  wait: number;
  processing: number;
  success: number;
  fail: number;
  stop: number;
  timeout: number;
}

/** OperationInfo, as far as the CLI reads it. */
export interface TaskInfo {
  operationId: string;
  createTime?: string;
  startTime?: string;
  stopTime?: string;
  operateType?: string;
  status: TaskStatus;
  staResult: StaResult;
}

export type SubtaskInfo = SubOperationInfo;

export interface TaskListQuery {
  status?: TaskStatus | undefined;
  type?: OperateType | undefined;
  deviceId?: string | undefined;
}

export interface CreateTaskInput {
  fileId: string;
  targets: {
    devices?: string[];
    deviceGroups?: string[];
    deviceType?: string;
    model?: string;
    manufacturerName?: string;
  };
  policy?: Record<string, unknown> | undefined;
}

export interface UpgradeApi {
  listTasks(query: TaskListQuery, signal?: AbortSignal): AsyncIterable<TaskInfo>;
  /** Throws TaskNotFound when no task has this operationId. */
  getTask(operationId: string, signal?: AbortSignal): Promise<TaskInfo>;
  listSubTasks(operationId: string, query: { status?: SubtaskStatus | undefined }, signal?: AbortSignal): AsyncIterable<SubtaskInfo>;
  createTask(kind: OperateType, input: CreateTaskInput, signal?: AbortSignal): Promise<{ operationId: string }>;
  close?(): Promise<void>;
}
