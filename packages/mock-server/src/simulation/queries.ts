// The query parameters of the subtask page and the task list, checked as the spec's constraints
// table says (@iodm-northbound/spec/constraints): every query parameter the operation declares,
// read from text when it arrives as text (the SDK sends the query string as text); paging defaults
// from the spec when a page is not asked for. A limit, an enum value or a parameter added to the
// spec reaches these checks with the spec package's build, with no edit here. The words of a
// refusal are the checker's (a near miss of an enum value included), as the client and the CLI say them.
import { checkValue, fromText, pagingOf, parametersIn, type ConstrainedOperation } from '@iodm-northbound/spec/constraints';
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
  const { pageNo, pageSize, values } = checkQuery('queryUpgradeSubTask', query);
  return { pageNo, pageSize, status: textOf(values.subOperationStatus) };
}

export function checkListQuery(query: TaskListQueryInput) {
  const { pageNo, pageSize, values } = checkQuery('queryUpgradeTaskList', query);
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
 * fails throws SimulationInputError naming it. Null counts as not given (the SDK sends unset fields
 * as null); an empty value is refused, as the client, the CLI and the mock's HTTP side refuse it
 * (a filter sent empty names nothing: leave it out).
 */
function checkQuery(operation: ConstrainedOperation, query: SubTaskQueryInput | TaskListQueryInput): CheckedQuery {
  const values: Record<string, unknown> = {};
  for (const [name, { schema }] of Object.entries(parametersIn(operation, 'query'))) {
    const given: unknown = (query as Readonly<Record<string, unknown>>)[name];
    if (given === undefined || given === null) continue;
    const value = typeof given === 'string' ? fromText(schema, given) : given;
    const violation = checkValue(schema, value, name, { nonEmptyStrings: true });
    // The error names the parameter itself; its message says only what is wrong.
    if (violation) throw new SimulationInputError(name, violation.message.slice(name.length + 1), { outOfRange: Number.isInteger(value) });
    values[name] = value;
  }
  const paging = pagingOf(operation);
  return {
    pageNo: typeof values.pageNo === 'number' ? values.pageNo : paging.pageNo.default,
    pageSize: typeof values.pageSize === 'number' ? values.pageSize : paging.pageSize.default,
    values,
  };
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
