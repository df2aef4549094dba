// The query parameters of the subtask page and the task list, checked as the spec's constraints
// table says (@iodm-northbound/spec/constraints): every query parameter the operation declares,
// read from text when it arrives as text (the SDK sends the query string as text); paging defaults
// from the spec when a page is not asked for. A limit, an enum value or a parameter added to the
// spec reaches these checks with the spec package's build, with no edit here. The words of a
// refusal are the checker's (a near miss of an enum value included), as the client and the CLI say them.
// The table is read once, when a simulator starts (readQueryChecks), not on every query.
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

/** One operation's query parameters and paging defaults, as the constraints table states them. */
interface DeclaredQuery {
  readonly parameters: readonly (readonly [name: string, schema: ValueConstraint])[];
  readonly pageNo: number;
  readonly pageSize: number;
}

/** A query's parameters as checked: paging always (the spec's defaults when not sent), the rest when sent. */
interface CheckedQuery {
  readonly pageNo: number;
  readonly pageSize: number;
  /** The other declared parameters that were sent, typed (digits of an integer parameter as a number). */
  readonly values: Readonly<Record<string, unknown>>;
}

interface CheckedSubTaskQuery {
  readonly pageNo: number;
  readonly pageSize: number;
  readonly status: string | undefined;
}

export interface CheckedListQuery {
  readonly pageNo: number;
  readonly pageSize: number;
  readonly operationType: string | undefined;
  readonly operationStatus: string | undefined;
  readonly deviceType: string | undefined;
  readonly model: string | undefined;
  readonly manufacturerName: string | undefined;
  readonly deviceId: string | undefined;
}

/** The checks of the subtask query and the task-list query; each throws SimulationInputError for a refused value. */
export interface QueryChecks {
  readonly subtasks: (query: SubTaskQueryInput) => CheckedSubTaskQuery;
  readonly list: (query: TaskListQueryInput) => CheckedListQuery;
}

/** Reads the two operations' query parameters from the constraints table (a simulator does, when it starts). */
export function readQueryChecks(): QueryChecks {
  const subtasks = declaredQuery('queryUpgradeSubTask');
  const list = declaredQuery('queryUpgradeTaskList');
  return {
    subtasks(query) {
      const { pageNo, pageSize, values } = checkQuery(subtasks, query);
      return { pageNo, pageSize, status: textOf(values.subOperationStatus) };
    },
    list(query) {
      const { pageNo, pageSize, values } = checkQuery(list, query);
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
    },
  };
}

function declaredQuery(operation: ConstrainedOperation): DeclaredQuery {
  // pagingOf throws for an operation without bounded, defaulted pageNo and pageSize.
  const paging = pagingOf(operation);
  // Copies: the simulator checks what the table said when it started.
  const parameters = Object.entries(parametersIn(operation, 'query')).map(([name, { schema }]) => [name, structuredClone(schema)] as const);
  return { parameters, pageNo: paging.pageNo.default, pageSize: paging.pageSize.default };
}

/**
 * Each query parameter the operation declares, when given, against its constraint; the first one that
 * fails throws SimulationInputError naming it. Null counts as not given (the SDK sends unset fields
 * as null); an empty value is refused, as the client, the CLI and the mock's HTTP side refuse it
 * (a filter sent empty names nothing: leave it out).
 */
function checkQuery(declared: DeclaredQuery, query: SubTaskQueryInput | TaskListQueryInput): CheckedQuery {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of declared.parameters) {
    const given: unknown = (query as Readonly<Record<string, unknown>>)[name];
    if (given === undefined || given === null) continue;
    const value = typeof given === 'string' ? fromText(schema, given) : given;
    const violation = checkValue(schema, value, name, { nonEmptyStrings: true });
    // The error names the parameter itself; its message says only what is wrong.
    if (violation) throw new SimulationInputError(name, violation.message.slice(name.length + 1), { outOfRange: Number.isInteger(value) });
    values[name] = value;
  }
  return {
    pageNo: typeof values.pageNo === 'number' ? values.pageNo : declared.pageNo,
    pageSize: typeof values.pageSize === 'number' ? values.pageSize : declared.pageSize,
    values,
  };
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
