// The upgrade tasks (`createFirmwareUpgradeTask`, `createSoftwareUpgradeTask`, `queryUpgradeTask`,
// `queryUpgradeTaskList`): create, one task, one page, every page, and the Python SDK's call
// shapes. Checks input, then hands one endpoint row per operation to the pipeline.
import type { CreateUpgradeTaskInDTO, CreateUpgradeTaskOutDTO, OperationInfo, operations, QueryUpgradeTaskListOutDTO } from '@iodm-northbound/types';
import type { CallOptions } from '../core/call-options.js';
import type { PageIterator } from '../core/pagination.js';
import { hasId, isPlatformPage, withinPageSize } from '../internal/page-shape.js';
import type { Endpoint } from '../internal/pipeline.js';
import { checkQuery, type QueryCheckOptions } from '../internal/query-checks.js';
import { checkOptionsObject, rejectingSync, type ResourceContext } from '../internal/resource-context.js';
import { checkCreateTaskBody } from '../internal/task-body-checks.js';
import { checkOperationId } from '../internal/validation.js';

type TaskListParameters = NonNullable<operations['queryUpgradeTaskList']['parameters']['query']>;

/**
 * The task list's filters (all optional): the spec's query parameters (generated), less the paging
 * the methods set, with the status filter under its friendly name `status`.
 */
export interface TaskFilter extends Omit<TaskListParameters, 'pageNo' | 'pageSize' | 'operationStatus'> {
  /**
   * Only tasks in this status, one of the spec's `operationStatusValues` (sent as
   * `operationStatus`). The same name as the subtask filter; note the value `failed` (subtasks say `fail`).
   */
  status?: TaskListParameters['operationStatus'];
  /**
   * The status filter under its wire name.
   * @deprecated Use `status`, the name the subtask filter has too. Still accepted in 0.x; giving
   * both with different values is a ValidationError.
   */
  operationStatus?: TaskListParameters['operationStatus'];
}
export interface TaskQuery extends TaskFilter, CallOptions {
  /** Page number, from the spec's pageNo minimum (0 today). */
  pageNo?: TaskListParameters['pageNo'];
  /** Within the spec's bounds (1..100 today); the platform's default is 10. */
  pageSize?: TaskListParameters['pageSize'];
}
export interface TaskListOptions extends TaskFilter, CallOptions {
  /** Within the spec's bounds (1..100 today); by default the largest (fewest requests). */
  pageSize?: TaskListParameters['pageSize'];
}
/** The Python SDK's `QueryUpgradeTaskListInDTO`: wire names; `null` (None) leaves one out; numbers may be strings. */
export type QueryUpgradeTaskListInDTO = { [Name in keyof TaskListParameters]?: TaskListParameters[Name] | string | null };

/** `for await (const task of pager)`, or `await pager.toArray()`, or `pager.pages()`. */
export type TaskPager = PageIterator<QueryUpgradeTaskListOutDTO, OperationInfo>;

type CreateOperation = 'createFirmwareUpgradeTask' | 'createSoftwareUpgradeTask';
const listOperation = 'queryUpgradeTaskList';
const getOperation = 'queryUpgradeTask';
// The SDKs send Content-Type: application/json on every call, GETs included.
const jsonHeaders = { Accept: 'application/json', 'Content-Type': 'application/json' };

function createEndpoint(operation: CreateOperation, path: '/iodm/northbound/v1.5.0/operations/firmwareUpgrade' | '/iodm/northbound/v1.5.0/operations/softwareUpgrade') {
  const endpoint: Endpoint<CreateUpgradeTaskInDTO, CreateUpgradeTaskOutDTO> = {
    operation,
    authorised: true,
    // Each accepted request creates a task: never repeated after an answer that was not seen.
    retried: 'unprocessed',
    quotesBody: true,
    headers: jsonHeaders,
    send: (api, body, init) => api.POST(path, { body, ...init }),
    read: (body) => (hasId(body, 'operationId') ? { value: body as CreateUpgradeTaskOutDTO } : { problem: 'body has no operationId of a new task' }),
  };
  return endpoint;
}

const createEndpoints: Readonly<Record<CreateOperation, Endpoint<CreateUpgradeTaskInDTO, CreateUpgradeTaskOutDTO>>> = {
  createFirmwareUpgradeTask: createEndpoint('createFirmwareUpgradeTask', '/iodm/northbound/v1.5.0/operations/firmwareUpgrade'),
  createSoftwareUpgradeTask: createEndpoint('createSoftwareUpgradeTask', '/iodm/northbound/v1.5.0/operations/softwareUpgrade'),
};

const taskEndpoint: Endpoint<string, OperationInfo> = {
  operation: getOperation,
  authorised: true,
  retried: true,
  quotesBody: true,
  headers: jsonHeaders,
  send: (api, operationId, init) => api.GET('/iodm/northbound/v1.5.0/operations/{operationId}', { params: { path: { operationId } }, ...init }),
  read: (body) => (hasId(body, 'operationId') ? { value: body as OperationInfo } : { problem: 'body is not an upgrade task' }),
};

const taskPageEndpoint: Endpoint<TaskListParameters, QueryUpgradeTaskListOutDTO> = {
  operation: listOperation,
  authorised: true,
  retried: true,
  quotesBody: true,
  headers: jsonHeaders,
  send: (api, query, init) => api.GET('/iodm/northbound/v1.5.0/operations', { params: { query }, ...init }),
  read: (body) =>
    isPlatformPage(body, (item) => hasId(item, 'operationId')) ? { value: body as QueryUpgradeTaskListOutDTO } : { problem: 'body is not a task page' },
};

/** The typed methods' names: `status` is sent as `operationStatus` (still accepted under that name, deprecated). */
export const typedNames: QueryCheckOptions = { renames: { status: 'operationStatus' } };

/** The query of one task page, checked before anything is sent. */
const checkTaskQuery = (input: Readonly<Record<string, unknown>>, options: QueryCheckOptions = typedNames) =>
  checkQuery(listOperation, input, options) as TaskListParameters;

export class UpgradeTasks {
  constructor(private readonly context: ResourceContext) {}

  create(operation: CreateOperation, body: CreateUpgradeTaskInDTO, options?: CallOptions): Promise<CreateUpgradeTaskOutDTO> {
    return rejectingSync(() => {
      const checked = checkCreateTaskBody(body, 'body', operation);
      const call = this.context.resolveCall(checkOptionsObject(options, 'options', operation), operation);
      return this.context.pipeline.call(createEndpoints[operation], checked, call, this.context.tokens);
    });
  }

  get(operationId: string, options?: CallOptions): Promise<OperationInfo> {
    return rejectingSync(() => {
      const id = checkOperationId(operationId, getOperation);
      const call = this.context.resolveCall(checkOptionsObject(options, 'options', getOperation), getOperation);
      return this.context.pipeline.call(taskEndpoint, id, call, this.context.tokens);
    });
  }

  query(queryOrNull?: TaskQuery): Promise<QueryUpgradeTaskListOutDTO> {
    return rejectingSync(() => {
      const query = checkOptionsObject(queryOrNull, 'query', listOperation);
      const parameters = checkTaskQuery(query);
      return withinPageSize(this.context.pipeline.call(taskPageEndpoint, parameters, this.context.resolveCall(query, listOperation), this.context.tokens), parameters.pageSize, listOperation);
    });
  }

  list(optionsOrNull?: TaskListOptions): TaskPager {
    const options = checkOptionsObject(optionsOrNull, 'options', listOperation);
    const filter = checkTaskQuery(options);
    return this.context.pager<TaskListParameters, QueryUpgradeTaskListOutDTO, OperationInfo>(
      taskPageEndpoint,
      (pageNo, pageSize) => ({ ...filter, pageNo, pageSize }),
      options,
      filter.pageSize,
      (item) => item.operationId,
    );
  }

  createAsPythonSdk(operation: CreateOperation, cutInDTO: CreateUpgradeTaskInDTO, accessToken?: string | null): Promise<CreateUpgradeTaskOutDTO> {
    return rejectingSync(() => {
      const checked = checkCreateTaskBody(cutInDTO, 'cutInDTO', operation);
      const { call, tokens } = this.context.sdkCall(accessToken, operation);
      return this.context.pipeline.call(createEndpoints[operation], checked, call, tokens);
    });
  }

  getAsPythonSdk(operationId: string, accessToken?: string | null): Promise<OperationInfo> {
    return rejectingSync(() => {
      const id = checkOperationId(operationId, getOperation);
      const { call, tokens } = this.context.sdkCall(accessToken, getOperation);
      return this.context.pipeline.call(taskEndpoint, id, call, tokens);
    });
  }

  queryAsPythonSdk(qutlInDTO: QueryUpgradeTaskListInDTO | null | undefined, accessToken?: string | null): Promise<QueryUpgradeTaskListOutDTO> {
    return rejectingSync(() => {
      const dto = checkOptionsObject(qutlInDTO, 'qutlInDTO', listOperation);
      const parameters = checkTaskQuery(dto, { valuesAsText: true });
      const { call, tokens } = this.context.sdkCall(accessToken, listOperation);
      return withinPageSize(this.context.pipeline.call(taskPageEndpoint, parameters, call, tokens), parameters.pageSize, listOperation);
    });
  }
}

