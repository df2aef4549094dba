// UpgradeApi over an in-process campaign simulator (the mock-server's src/simulation module,
// typed structurally here so the CLI does not import the mock's internals). The CLI's tests and
// its bench hand it to runCli (CliOptions.api) to drive commands without HTTP. Its lists are
// walked by the client's own pager (PageIterator), as the platform's are.
import { PageIterator, type PlatformPage } from '@iodm-northbound/client';
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { TaskNotFound, UsageError } from '../errors.js';
import { listed } from './listed.js';
import type { CreateTaskInput, OperateType, SubtaskInfo, SubtaskListQuery, TaskInfo, TaskListQuery, UpgradeApi } from './upgrade-api.js';

interface Paging {
  readonly pageNo: number;
  readonly pageSize: number;
}

export interface SimulatorLike {
  getTask(operationId: string): TaskInfo | undefined;
  querySubTasks(operationId: string, query: Paging & { subOperationStatus?: string | null }): PlatformPage<SubtaskInfo> | undefined;
  listTasks(query: Paging & { operationStatus?: string; operationType?: string; deviceId?: string }): PlatformPage<TaskInfo>;
  createTask(kind: OperateType, request: CreateTaskInput): { operationId: string };
}

/** The client's pager (with its checks of repeated ids and totalCount) over pages the simulator answers at once. */
function pager<Item>(
  operation: 'queryUpgradeSubTask' | 'queryUpgradeTaskList',
  { pageSize, signal, idOf }: { pageSize: number; signal: AbortSignal | undefined; idOf: (item: Item) => string },
  pageAt: (paging: Paging) => PlatformPage<Item>,
): PageIterator<PlatformPage<Item>, Item> {
  return new PageIterator<PlatformPage<Item>, Item>(async (pageNo) => pageAt({ pageNo, pageSize }), signal, operation, pageSize, idOf);
}

export class SimulatorUpgradeApi implements UpgradeApi {
  constructor(readonly simulator: SimulatorLike) {}

  listTasks({ status, type, deviceId, pageSize = pagingOf('queryUpgradeTaskList').pageSize.maximum, filters }: TaskListQuery, signal?: AbortSignal): AsyncIterable<TaskInfo> {
    const query = {
      ...filters,
      ...(status ? { operationStatus: status } : {}),
      ...(type ? { operationType: type } : {}),
      ...(deviceId ? { deviceId } : {}),
    };
    const tasks = pager<TaskInfo>('queryUpgradeTaskList', { pageSize, signal, idOf: (task) => task.operationId }, (paging) => this.simulator.listTasks({ ...query, ...paging }));
    return listed('tasks', tasks);
  }

  async getTask(operationId: string): Promise<TaskInfo> {
    const task = this.simulator.getTask(operationId);
    if (!task) throw new TaskNotFound(operationId);
    return task;
  }

  listSubTasks(operationId: string, { status, pageSize = pagingOf('queryUpgradeSubTask').pageSize.maximum, filters }: SubtaskListQuery, signal?: AbortSignal): AsyncIterable<SubtaskInfo> {
    const subtasks = pager<SubtaskInfo>('queryUpgradeSubTask', { pageSize, signal, idOf: (subtask) => subtask.subOperationId }, (paging) => {
      const page = this.simulator.querySubTasks(operationId, { ...filters, ...paging, subOperationStatus: status ?? null });
      if (!page) throw new TaskNotFound(operationId);
      return page;
    });
    return listed(`subtasks of ${operationId}`, subtasks);
  }

  async createTask(kind: OperateType, input: CreateTaskInput): Promise<{ operationId: string }> {
    try {
      return this.simulator.createTask(kind, input);
    } catch (error) {
      // The simulator refuses what the platform would (400): that is the user's input.
      if (error instanceof Error && error.name === 'SimulationInputError') throw new UsageError(error.message);
      throw error;
    }
  }
}
