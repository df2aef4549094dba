// The per-operation behaviour table: one row per operationId saying how the mock answers a valid
// request of it beyond serving the spec's example. Adding an operation is adding a row (and, for a
// stateful one, a store in MockState); an operation without a row is served by Prism as is.
import type { RequestContext } from './context.js';
import { normaliseDynamicPage, normaliseDynamicToken } from './dynamic.js';
import { pagedTaskPage, pagedTaskSize, type PageQuery } from './paged-task.js';
import { integerParameter, stringParameter } from './query.js';

/** An answer an operation produced itself, instead of Prism. */
interface ProducedAnswer {
  readonly statusCode: number;
  readonly body: unknown;
  /** Said in the log line, e.g. `paged task of 23 (page 2)`. */
  readonly note: string;
}

/** How a 200 body Prism served came about. */
interface Served {
  /** Generated from the schema (else an example). */
  readonly dynamic: boolean;
  /** Chosen by a Prefer header (else the operation's default answer). */
  readonly byScenario: boolean;
}

interface OperationBehaviour {
  /** Answers a valid request that asked for no scenario, or undefined to let Prism serve it. */
  readonly produce?: (context: RequestContext) => ProducedAnswer | undefined;
  /** Makes a 200 body Prism served answer this request the way the platform would. */
  readonly normalise?: (body: unknown, context: RequestContext, served: Served) => unknown;
}

/** `pageNo`/`pageSize`/`subOperationStatus` exactly as validated (defaults 0 and 10). */
function pageQueryOf({ query }: RequestContext): PageQuery {
  return {
    pageNo: integerParameter(query, 'pageNo', 0),
    pageSize: integerParameter(query, 'pageSize', 10),
    status: stringParameter(query, 'subOperationStatus'),
  };
}

const subtaskQuery: OperationBehaviour = {
  // operationId `paged-<N>`: a deterministic task of N subtasks (see paged-task.ts).
  produce(context) {
    const taskId = context.pathParams.operationId;
    const size = taskId === undefined ? undefined : pagedTaskSize(taskId);
    if (size === undefined) return undefined;
    const page = pageQueryOf(context);
    return { statusCode: 200, body: pagedTaskPage(taskId!, size, page), note: `paged task of ${size} (page ${page.pageNo})` };
  },
  normalise: (body, context, { dynamic }) => (dynamic ? normaliseDynamicPage(body, pageQueryOf(context)) : body),
};

/** The appId of a login (form field) or a refresh (JSON member), as validated by Prism. */
function requestAppId({ input }: RequestContext): string | undefined {
  const { body } = input;
  let appId: unknown;
  if (typeof body === 'string') appId = new URLSearchParams(body).get('appId');
  else if (isObject(body)) appId = body.appId;
  return typeof appId === 'string' && appId !== '' ? appId : undefined;
}

const tokenIssue: OperationBehaviour = {
  normalise(body, context, { dynamic, byScenario }) {
    if (dynamic) return normaliseDynamicToken(body);
    // The default answer (no Prefer): a freshly minted token pair that supersedes the
    // application's earlier tokens, with the example's other fields.
    const appId = requestAppId(context);
    if (byScenario || appId === undefined || !isObject(body)) return body;
    return { ...body, ...context.state.tokens.issue(appId) };
  },
};

export const OPERATION_BEHAVIOURS: Readonly<Record<string, OperationBehaviour>> = {
  queryUpgradeSubTask: subtaskQuery,
  getAuthToken: tokenIssue,
  refreshAuthToken: tokenIssue,
};

const noBehaviour: OperationBehaviour = {};

export function behaviourOf(operationId: string): OperationBehaviour {
  return Object.hasOwn(OPERATION_BEHAVIOURS, operationId) ? OPERATION_BEHAVIOURS[operationId]! : noBehaviour;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
