// The subtasks of an upgrade task (`queryUpgradeSubTask`): one page, every page, and the Python
// SDK's call shape. Checks input, then hands one endpoint row to the pipeline.
import type { operations, QueryUpgradeSubTaskOutDTO, SubOperationInfo } from '@iodm-northbound/types';
import type { CallOptions } from '../core/call-options.js';
import type { PageIterator } from '../core/pagination.js';
import { hasId, isPlatformPage, withinPageSize } from '../internal/page-shape.js';
import type { Endpoint } from '../internal/pipeline.js';
import { checkQuery, type QueryCheckOptions } from '../internal/query-checks.js';
import { checkOptionsObject, rejectingSync, type ResourceContext } from '../internal/resource-context.js';
import { checkOperationId } from '../internal/validation.js';

type SubTaskQueryParameters = NonNullable<operations['queryUpgradeSubTask']['parameters']['query']>;

/**
 * The subtask query's filters (all optional): the spec's query parameters (generated), less the
 * paging the methods set, with the status filter under its friendly name `status`.
 */
export interface SubTaskFilter extends Omit<SubTaskQueryParameters, 'pageNo' | 'pageSize' | 'subOperationStatus'> {
  /** Only subtasks in this status, one of the spec's `subOperationStatusValues` (sent as `subOperationStatus`; note the value `fail`, tasks say `failed`). */
  status?: SubTaskQueryParameters['subOperationStatus'];
}

export interface SubTaskQuery extends SubTaskFilter, CallOptions {
  /** Page number, from the spec's pageNo minimum (0 today). */
  pageNo?: SubTaskQueryParameters['pageNo'];
  /** Within the spec's bounds (1..100 today); the platform's default is 10. */
  pageSize?: SubTaskQueryParameters['pageSize'];
}

export interface SubTaskListOptions extends SubTaskFilter, CallOptions {
  /** Within the spec's bounds (1..100 today); by default the largest (fewest requests). */
  pageSize?: SubTaskQueryParameters['pageSize'];
}

/** The Python SDK's `QueryUpgradeSubTaskInDTO`: the query parameters by their wire names; `null` (None) leaves one out. */
export type QueryUpgradeSubTaskInDTO = { [Name in keyof SubTaskQueryParameters]?: SubTaskQueryParameters[Name] | null };

/** `for await (const subtask of pager)`, or `await pager.toArray()`, or `pager.pages()`. */
export type SubTaskPager = PageIterator<QueryUpgradeSubTaskOutDTO, SubOperationInfo>;

interface SubTaskPageInput {
  operationId: string;
  query: SubTaskQueryParameters;
}

const operation = 'queryUpgradeSubTask';

const subTaskPageEndpoint: Endpoint<SubTaskPageInput, QueryUpgradeSubTaskOutDTO> = {
  operation,
  authorised: true,
  retried: true,
  quotesBody: true,
  // The SDKs send Content-Type: application/json on every call, GETs included.
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  send: (api, { operationId, query }, init) =>
    api.GET('/iodm/northbound/v1.5.0/operations/{operationId}/subOperations', { params: { path: { operationId }, query }, ...init }),
  // Every subtask must carry its id: the pager tells repeats apart by it.
  read: (body) =>
    isPlatformPage(body, (item) => hasId(item, 'subOperationId')) ? { value: body as QueryUpgradeSubTaskOutDTO } : { problem: 'body is not a subtask page' },
};

/** The typed methods' names: `status` is sent as `subOperationStatus`. */
export const typedNames: QueryCheckOptions = { renames: { status: 'subOperationStatus' } };

/** The query parameters of one subtask page, checked before anything is sent. */
const checkSubTaskQuery = (input: Readonly<Record<string, unknown>>, options: QueryCheckOptions = typedNames) =>
  checkQuery(operation, input, options) as SubTaskQueryParameters;

export class SubTasks {
  constructor(private readonly context: ResourceContext) {}

  query(operationId: string, queryOrNull?: SubTaskQuery): Promise<QueryUpgradeSubTaskOutDTO> {
    return rejectingSync(() => {
      const query = checkOptionsObject(queryOrNull, 'query', operation);
      const id = checkOperationId(operationId, operation);
      const parameters = checkSubTaskQuery(query);
      const call = this.context.resolveCall(query, operation);
      return withinPageSize(this.context.pipeline.call(subTaskPageEndpoint, { operationId: id, query: parameters }, call, this.context.tokens), parameters.pageSize, operation);
    });
  }

  list(operationId: string, optionsOrNull?: SubTaskListOptions): SubTaskPager {
    // Checked now, so that bad input fails at the call rather than at the first `next()`.
    const options = checkOptionsObject(optionsOrNull, 'options', operation);
    const id = checkOperationId(operationId, operation);
    const filter = checkSubTaskQuery(options);
    return this.context.pager<SubTaskPageInput, QueryUpgradeSubTaskOutDTO, SubOperationInfo>(
      subTaskPageEndpoint,
      (pageNo, pageSize) => ({ operationId: id, query: { ...filter, pageNo, pageSize } }),
      options,
      filter.pageSize,
      (item) => item.subOperationId,
    );
  }

  queryAsPythonSdk(qustInDTO: QueryUpgradeSubTaskInDTO | null | undefined, operationId: string, accessToken?: string | null): Promise<QueryUpgradeSubTaskOutDTO> {
    return rejectingSync(() => {
      const dto = checkOptionsObject(qustInDTO, 'qustInDTO', operation);
      const id = checkOperationId(operationId, operation);
      const parameters = checkSubTaskQuery(dto, { valuesAsText: true });
      // The caller's token is used as is and hidden in this call's errors; the client keeps no copy.
      const { call, tokens } = this.context.sdkCall(accessToken, operation);
      return withinPageSize(this.context.pipeline.call(subTaskPageEndpoint, { operationId: id, query: parameters }, call, tokens), parameters.pageSize, operation);
    });
  }
}
