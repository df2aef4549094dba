// UpgradeApi over @iodm-northbound/client: the client's auto-pagers (which refuse pages that do not
// add up) for the task list, the subtasks and the packages, one task by operationId, and the two create calls. The client checks every input again
// before sending and maps the platform's answers to typed errors; here only "no such task" becomes
// the CLI's TaskNotFound.
import {
  createNorthboundClient,
  TaskNotFoundError,
  ValidationError,
  type NorthboundClient,
  type NorthboundTlsOptions,
  type OperatePolicy,
  type OperationInfo,
} from '@iodm-northbound/client';
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { TaskNotFound, UsageError } from '../errors.js';
import { listed } from './listed.js';
import type { CreateTaskInput, OperateType, PackageInfo, PackageListQuery, StaResult, SubtaskInfo, SubtaskListQuery, TaskInfo, TaskListQuery, UpgradeApi } from './upgrade-api.js';

export interface PlatformConnection {
  readonly baseUrl: string;
  readonly appId: string;
  readonly secret: string;
  readonly tls?: NorthboundTlsOptions | undefined;
}

// A task that has not started may come without counts (the contract makes staResult optional).
const NO_COUNTS: StaResult = { total: 0, wait: 0, processing: 0, success: 0, fail: 0, stop: 0, timeout: 0 };

function toTaskInfo(task: OperationInfo): TaskInfo {
  const { operationId, createTime, startTime, stopTime, operateType, status, staResult } = task;
  return {
    operationId,
    status,
    staResult: { ...NO_COUNTS, ...staResult },
    ...(createTime === undefined ? {} : { createTime }),
    ...(startTime === undefined ? {} : { startTime }),
    ...(stopTime === undefined ? {} : { stopTime }),
    ...(operateType === undefined ? {} : { operateType }),
  };
}

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});
const definedOnly = <T extends object>(query: T): Partial<T> => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Partial<T>;

export class ClientUpgradeApi implements UpgradeApi {
  readonly #client: NorthboundClient;

  constructor(connection: PlatformConnection) {
    this.#client = createNorthboundClient(
      { baseUrl: connection.baseUrl, appId: connection.appId, secret: connection.secret },
      connection.tls ? { tls: connection.tls } : {},
    );
  }

  async *listSubTasks(operationId: string, { status, pageSize = pagingOf('queryUpgradeSubTask').pageSize.maximum, filters }: SubtaskListQuery, signal?: AbortSignal): AsyncIterable<SubtaskInfo> {
    // The derived filters go as the spec names them; the client checks every key against the spec.
    const subtasks = this.#client.listSubTasks(operationId, { ...filters, ...definedOnly({ status }), pageSize, ...withSignal(signal) });
    try {
      yield* listed(`subtasks of ${operationId}`, subtasks);
    } catch (error) {
      if (error instanceof TaskNotFoundError) throw new TaskNotFound(operationId, error);
      throw error;
    }
  }

  async *listTasks({ status, type, deviceId, pageSize = pagingOf('queryUpgradeTaskList').pageSize.maximum, filters }: TaskListQuery, signal?: AbortSignal): AsyncIterable<TaskInfo> {
    const tasks = this.#client.listTasks({ ...filters, ...definedOnly({ status, operationType: type, deviceId }), pageSize, ...withSignal(signal) });
    for await (const task of listed('tasks', tasks)) yield toTaskInfo(task);
  }

  listPackages({ pageSize = pagingOf('queryUpgradePackageList').pageSize.maximum, filters, ...query }: PackageListQuery, signal?: AbortSignal): AsyncIterable<PackageInfo> {
    return listed('packages', this.#client.listPackages({ ...filters, ...definedOnly(query), pageSize, ...withSignal(signal) }));
  }

  getPackage(fileId: string, signal?: AbortSignal): Promise<PackageInfo> {
    return this.#client.getPackage(fileId, withSignal(signal));
  }

  deletePackage(fileId: string, signal?: AbortSignal): Promise<void> {
    return this.#client.deletePackage(fileId, withSignal(signal));
  }

  async getTask(operationId: string, signal?: AbortSignal): Promise<TaskInfo> {
    try {
      return toTaskInfo(await this.#client.getTask(operationId, withSignal(signal)));
    } catch (error) {
      if (error instanceof TaskNotFoundError) throw new TaskNotFound(operationId, error);
      throw error;
    }
  }

  async createTask(kind: OperateType, input: CreateTaskInput, signal?: AbortSignal): Promise<{ operationId: string }> {
    const body = {
      fileId: input.fileId,
      targets: input.targets,
      ...(input.policy === undefined ? {} : { policy: input.policy as OperatePolicy }),
    };
    // Not retried once sent (a create is not safe to repeat): a timeout or reset reaches the user.
    const create = kind === 'firmware_upgrade' ? this.#client.createFirmwareTask(body, withSignal(signal)) : this.#client.createSoftwareTask(body, withSignal(signal));
    try {
      return { operationId: (await create).operationId };
    } catch (error) {
      // The client's checks of the body (the policy's fields, lengths) are about what the user typed.
      if (error instanceof ValidationError) throw new UsageError(`create: ${error.message}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
