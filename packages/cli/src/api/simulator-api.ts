// UpgradeApi over an in-process campaign simulator (the mock-server's src/simulation module,
// typed structurally here so the CLI does not import the mock's internals). The CLI's tests and
// its bench hand it to runCli (CliOptions.api) to drive commands without HTTP.
import { TaskNotFound, UsageError } from '../errors.js';
import { checkedItems } from './checked-pages.js';
import type { CreateTaskInput, OperateType, SubtaskInfo, SubtaskStatus, TaskInfo, TaskListQuery, UpgradeApi } from './upgrade-api.js';

interface Page<Item> {
  totalCount: number;
  data: Item[];
}

export interface SimulatorLike {
  getTask(operationId: string): TaskInfo | undefined;
  querySubTasks(operationId: string, query: { pageNo: number; pageSize: number; subOperationStatus?: string | null }): Page<SubtaskInfo> | undefined;
  listTasks(query: { pageNo: number; pageSize: number; operationStatus?: string; operationType?: string; deviceId?: string }): Page<TaskInfo>;
  createTask(kind: OperateType, request: CreateTaskInput): { operationId: string };
}

const PAGE_SIZE = 100;

/** Page after page until an empty one or totalCount items; checkedItems guards the rest. */
async function* walk<Item>(pageAt: (pageNo: number) => Page<Item>, signal: AbortSignal | undefined): AsyncGenerator<Page<Item>, void, undefined> {
  for (let pageNo = 0, seen = 0; ; pageNo++) {
    signal?.throwIfAborted();
    const page = pageAt(pageNo);
    if (page.data.length === 0) return;
    yield page;
    seen += page.data.length;
    if (seen >= page.totalCount) return;
  }
}

export class SimulatorUpgradeApi implements UpgradeApi {
  constructor(readonly simulator: SimulatorLike) {}

  listTasks(query: TaskListQuery, signal?: AbortSignal): AsyncIterable<TaskInfo> {
    const filter = {
      ...(query.status ? { operationStatus: query.status } : {}),
      ...(query.type ? { operationType: query.type } : {}),
      ...(query.deviceId ? { deviceId: query.deviceId } : {}),
    };
    const pages = walk((pageNo) => this.simulator.listTasks({ pageNo, pageSize: PAGE_SIZE, ...filter }), signal);
    return checkedItems(pages, { what: 'tasks', idOf: (task) => task.operationId, pageSize: PAGE_SIZE });
  }

  async getTask(operationId: string): Promise<TaskInfo> {
    const task = this.simulator.getTask(operationId);
    if (!task) throw new TaskNotFound(operationId);
    return task;
  }

  listSubTasks(operationId: string, query: { status?: SubtaskStatus | undefined }, signal?: AbortSignal): AsyncIterable<SubtaskInfo> {
    const pages = walk((pageNo) => {
      const page = this.simulator.querySubTasks(operationId, { pageNo, pageSize: PAGE_SIZE, subOperationStatus: query.status ?? null });
      if (!page) throw new TaskNotFound(operationId);
      return page;
    }, signal);
    return checkedItems(pages, { what: `subtasks of ${operationId}`, idOf: (subtask) => subtask.subOperationId, pageSize: PAGE_SIZE });
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
