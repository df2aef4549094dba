// The query parameters of the subtask page and the task list, checked against the spec's ranges
// and enums (@iodm-northbound/spec/facts). Query values may arrive as strings (the SDK sends
// everything in the query string as text).
import { pagingLimits, queryEnums } from '@iodm-northbound/spec/facts';
import type { SubtaskStatus } from './outcomes.js';
import { SimulationInputError } from './targets.js';
import type { OperateType, TaskStatus } from './views.js';

type QueryValue = string | number | null | undefined;

export interface SubTaskQueryInput {
  readonly pageNo?: QueryValue;
  readonly pageSize?: QueryValue;
  readonly subOperationStatus?: string | null;
}

export interface TaskListQueryInput {
  readonly pageNo?: QueryValue;
  readonly pageSize?: QueryValue;
  readonly operationType?: string | null;
  readonly operationStatus?: string | null;
  readonly deviceType?: string | null;
  readonly model?: string | null;
  readonly manufacturerName?: string | null;
  readonly deviceId?: string | null;
}

const SUBTASK_STATUSES: readonly SubtaskStatus[] = queryEnums.queryUpgradeSubTask.subOperationStatus;
const TASK_STATUSES: readonly TaskStatus[] = queryEnums.queryUpgradeTaskList.operationStatus;
const OPERATE_TYPES: readonly OperateType[] = queryEnums.queryUpgradeTaskList.operationType;

interface Bounds {
  readonly minimum: number;
  readonly maximum: number;
  readonly default: number;
}
type PagingLimits = Readonly<Record<'pageNo' | 'pageSize', Bounds>>;

export function checkSubTaskQuery(query: SubTaskQueryInput) {
  const status = oneOf('subOperationStatus', query.subOperationStatus, SUBTASK_STATUSES);
  return { ...paging(query, pagingLimits.queryUpgradeSubTask), status };
}

export function checkListQuery(query: TaskListQueryInput) {
  return {
    ...paging(query, pagingLimits.queryUpgradeTaskList),
    operationType: oneOf('operationType', query.operationType, OPERATE_TYPES),
    operationStatus: oneOf('operationStatus', query.operationStatus, TASK_STATUSES),
    deviceType: text(query.deviceType),
    model: text(query.model),
    manufacturerName: text(query.manufacturerName),
    deviceId: text(query.deviceId),
  };
}

function paging(query: { pageNo?: QueryValue; pageSize?: QueryValue }, limits: PagingLimits) {
  return {
    pageNo: integer('pageNo', query.pageNo, limits.pageNo),
    pageSize: integer('pageSize', query.pageSize, limits.pageSize),
  };
}

function integer(parameter: string, value: QueryValue, { minimum: min, maximum: max, default: fallback }: Bounds): number {
  if (value === undefined || value === null || value === '') return fallback;
  const number = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new SimulationInputError(parameter, `must be an integer from ${min} to ${max}`);
  }
  return number;
}

function oneOf<T extends string>(parameter: string, value: string | null | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    const hint = value === 'failed' ? " (subtasks spell it 'fail')" : value === 'fail' ? " (tasks spell it 'failed')" : '';
    throw new SimulationInputError(parameter, `must be one of ${allowed.join(', ')}${hint}`);
  }
  return value as T;
}

function text(value: string | null | undefined): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : value;
}
