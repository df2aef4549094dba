// UpgradeApi over @iodm-northbound/client. Wired: listSubTasks (the client's auto-pager).
// Not wired yet: the task list, one task and task creation wait for the client's Device Upgrade
// methods (issue 11); until then they throw NotWiredError naming the method they need.
import { createNorthboundClient, TaskNotFoundError, type NorthboundClient, type NorthboundTlsOptions } from '@iodm-northbound/client';
import { NotWiredError, TaskNotFound } from '../errors.js';
import type { CreateTaskInput, OperateType, SubtaskInfo, SubtaskStatus, TaskInfo, TaskListQuery, UpgradeApi } from './upgrade-api.js';

export interface PlatformConnection {
  readonly baseUrl: string;
  readonly appId: string;
  readonly secret: string;
  readonly tls?: NorthboundTlsOptions | undefined;
}

function notWired(what: string): NotWiredError {
  return new NotWiredError(`${what} is not wired to the platform yet (it needs the client's Device Upgrade methods)`);
}

export class ClientUpgradeApi implements UpgradeApi {
  readonly #client: NorthboundClient;

  constructor(connection: PlatformConnection) {
    this.#client = createNorthboundClient(
      { baseUrl: connection.baseUrl, appId: connection.appId, secret: connection.secret },
      connection.tls ? { tls: connection.tls } : {},
    );
  }

  async *listSubTasks(operationId: string, query: { status?: SubtaskStatus | undefined }, signal?: AbortSignal): AsyncIterable<SubtaskInfo> {
    try {
      yield* this.#client.listSubTasks(operationId, { ...(query.status ? { status: query.status } : {}), ...(signal ? { signal } : {}) });
    } catch (error) {
      if (error instanceof TaskNotFoundError) throw new TaskNotFound(operationId);
      throw error;
    }
  }

  // eslint-disable-next-line require-yield
  async *listTasks(_query: TaskListQuery): AsyncIterable<TaskInfo> {
    throw notWired('the task list (queryUpgradeTaskList)');
  }

  async getTask(_operationId: string): Promise<TaskInfo> {
    throw notWired('querying a task (queryUpgradeTask)');
  }

  async createTask(_kind: OperateType, _input: CreateTaskInput): Promise<{ operationId: string }> {
    throw notWired('creating a task (createFirmwareUpgradeTask / createSoftwareUpgradeTask)');
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
