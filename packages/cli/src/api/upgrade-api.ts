// What the commands need from the platform, as one small interface: the real client, the embedded
// simulator and the tests' in-memory API all fit it. The shapes are the contract's generated
// types, narrowed only where the CLI relies on more than the contract promises.
import type {
  CategoryInfo,
  CreateUpgradeTaskInDTO,
  FileType,
  OperateType,
  OperationInfo,
  OperationStaResult,
  OperationStatus,
  SubOperationInfo,
  SubOperationStatus,
} from '@iodm-northbound/client';

export type { OperateType };
export type TaskStatus = OperationStatus;
export type SubtaskStatus = SubOperationStatus;
export type SubtaskInfo = SubOperationInfo;

/** OperationStaResult with every counter present: a counter the platform leaves out reads 0. */
export type StaResult = Required<OperationStaResult>;

/** OperationInfo as far as the CLI reads it, with the counts always present. */
export type TaskInfo = Pick<OperationInfo, 'operationId' | 'status'> &
  Partial<Pick<OperationInfo, 'createTime' | 'startTime' | 'stopTime' | 'operateType'>> & { staResult: StaResult };

/**
 * How a list is walked: the items asked for per request (default: the largest the spec allows) and
 * the spec's query parameters the query has no field for, by wire name (the CLI's derived filters).
 */
export interface ListWalk {
  pageSize?: number | undefined;
  filters?: Readonly<Record<string, unknown>> | undefined;
}

export interface TaskListQuery extends ListWalk {
  status?: TaskStatus | undefined;
  type?: OperateType | undefined;
  deviceId?: string | undefined;
}

/** A version package (`create --file-id` names one). */
export type PackageInfo = CategoryInfo;

/** The package list's filters, as the client's listPackages takes them. */
export interface PackageListQuery extends ListWalk {
  fileType?: FileType | undefined;
  deviceType?: string | undefined;
  model?: string | undefined;
  manufacturerName?: string | undefined;
  version?: string | undefined;
}

export interface SubtaskListQuery extends ListWalk {
  status?: SubtaskStatus | undefined;
}

/** The body of both create calls; `policy` may also be given as undefined. */
export type CreateTaskInput = Omit<CreateUpgradeTaskInDTO, 'policy'> & { policy?: CreateUpgradeTaskInDTO['policy'] | undefined };

export interface UpgradeApi {
  listTasks(query: TaskListQuery, signal?: AbortSignal): AsyncIterable<TaskInfo>;
  /** Throws TaskNotFound when no task has this operationId. */
  getTask(operationId: string, signal?: AbortSignal): Promise<TaskInfo>;
  listSubTasks(operationId: string, query: SubtaskListQuery, signal?: AbortSignal): AsyncIterable<SubtaskInfo>;
  createTask(kind: OperateType, input: CreateTaskInput, signal?: AbortSignal): Promise<{ operationId: string }>;
  /** The version packages; an API without them (the simulator) leaves these out. */
  listPackages?(query: PackageListQuery, signal?: AbortSignal): AsyncIterable<PackageInfo>;
  getPackage?(fileId: string, signal?: AbortSignal): Promise<PackageInfo>;
  deletePackage?(fileId: string, signal?: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}
