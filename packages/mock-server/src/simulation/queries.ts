// The query parameters of the subtask page and the task list, checked as the spec's constraints
// table says (@iodm-northbound/spec/constraints): every query parameter the operation declares,
// read from text when it arrives as text (the SDK sends the query string as text); paging defaults
// from the spec when a page is not asked for. A limit, an enum value or a parameter added to the
// spec reaches these checks with the spec package's build, with no edit here.
import { checkValue, fromText, pagingOf, parametersIn, type ConstrainedOperation, type ValueConstraint } from '@iodm-northbound/spec/constraints';
import { SimulationInputError } from './targets.js';

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

/** A query's parameters as checked: paging always (the spec's defaults when not sent), the rest when sent. */
interface CheckedQuery {
  readonly pageNo: number;
  readonly pageSize: number;
  /** The other declared parameters that were sent, typed (digits of an integer parameter as a number). */
  readonly values: Readonly<Record<string, unknown>>;
}

export function checkSubTaskQuery(query: SubTaskQueryInput) {
  const { pageNo, pageSize, values } = checkQuery('queryUpgradeSubTask', 'subtasks', query);
  return { pageNo, pageSize, status: textOf(values.subOperationStatus) };
}

export function checkListQuery(query: TaskListQueryInput) {
  const { pageNo, pageSize, values } = checkQuery('queryUpgradeTaskList', 'tasks', query);
  return {
    pageNo,
    pageSize,
    operationType: textOf(values.operationType),
    operationStatus: textOf(values.operationStatus),
    deviceType: textOf(values.deviceType),
    model: textOf(values.model),
    manufacturerName: textOf(values.manufacturerName),
    deviceId: textOf(values.deviceId),
  };
}

/**
 * Each query parameter `operation` declares, when given, against its constraint; the first one that
 * fails throws SimulationInputError naming it. Null and '' count as not given (the SDK sends unset
 * fields as null). `subject` names the listed things in a spelling hint ("subtasks").
 */
function checkQuery(operation: ConstrainedOperation, subject: string, query: SubTaskQueryInput | TaskListQueryInput): CheckedQuery {
  const values: Record<string, unknown> = {};
  for (const [name, { schema }] of Object.entries(parametersIn(operation, 'query'))) {
    const given: unknown = (query as Readonly<Record<string, unknown>>)[name];
    if (given === undefined || given === null || given === '') continue;
    const value = typeof given === 'string' ? fromText(schema, given) : given;
    const violation = checkValue(schema, value, name);
    // The error names the parameter itself; its message says only what is wrong.
    if (violation) throw new SimulationInputError(name, `${violation.message.slice(name.length + 1)}${spellingHint(schema, value, subject)}`);
    values[name] = value;
  }
  const paging = pagingOf(operation);
  return {
    pageNo: typeof values.pageNo === 'number' ? values.pageNo : paging.pageNo.default,
    pageSize: typeof values.pageSize === 'number' ? values.pageSize : paging.pageSize.default,
    values,
  };
}

/**
 * " (subtasks spell it 'fail')" when a refused value is a listed one give or take a short ending:
 * tasks and subtasks spell the same state differently (`failed`, `fail`).
 */
function spellingHint(schema: ValueConstraint, value: unknown, subject: string): string {
  if (typeof value !== 'string' || schema.enum === undefined) return '';
  const near = schema.enum.find((listed): listed is string => {
    if (typeof listed !== 'string' || listed === value) return false;
    const [shorter, longer] = listed.length < value.length ? [listed, value] : [value, listed];
    return shorter.length >= 3 && longer.length - shorter.length <= 2 && longer.startsWith(shorter);
  });
  return near === undefined ? '' : ` (${subject} spell it '${near}')`;
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
