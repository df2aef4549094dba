// What a row of the per-operation table is: how the mock answers a valid request of one operation
// beyond serving the spec's example, and the helpers the rows share.
import { type ConstrainedOperation, operationConstraints, pagingOf } from '@iodm-northbound/spec/constraints';
import type { RequestContext } from '../context.js';
import type { PageQuery } from '../paged-task.js';
import type { Rejection } from '../platform.js';
import { integerParameter, stringParameter } from '../query.js';
import { SimulationInputError } from '../simulation/index.js';

/** An answer an operation produced itself, instead of Prism's default one. */
export type ProducedAnswer =
  /** This status and body (no body when `body` is undefined). `note` is said in the log line. */
  | { readonly statusCode: number; readonly body?: unknown; readonly note: string }
  /** The spec's named example (e.g. `PackageNotFound`), served as a Prefer header would. */
  | { readonly exampleKey: string; readonly note: string }
  /** Refused as the reject step refuses: 400/120015 with the reason in `x-mock-reason`. */
  | { readonly rejection: Rejection };

/** How a 200 body Prism served came about. */
interface Served {
  /** Generated from the schema (else an example). */
  readonly dynamic: boolean;
  /** Chosen by a Prefer header (else the operation's default answer). */
  readonly byScenario: boolean;
}

export interface OperationBehaviour {
  /** Answers a valid request that asked for no scenario, or undefined to let Prism serve it. */
  readonly produce?: (context: RequestContext) => ProducedAnswer | undefined;
  /** Makes a 200 body Prism served answer this request the way the platform would. */
  readonly normalise?: (body: unknown, context: RequestContext, served: Served) => unknown;
}

/** The spec's pageNo and pageSize defaults of each paged operation, read from its constraints table once per operation. */
const pagingDefaults = new Map<string, { readonly pageNo: number; readonly pageSize: number }>();

function pagingDefaultsOf(operationId: string): { readonly pageNo: number; readonly pageSize: number } {
  let defaults = pagingDefaults.get(operationId);
  if (defaults === undefined) {
    if (!Object.hasOwn(operationConstraints, operationId)) throw new Error(`pageQueryOf: ${operationId} is not an operation of the spec`);
    // pagingOf throws for an operation without bounded, defaulted pageNo and pageSize.
    const paging = pagingOf(operationId as ConstrainedOperation);
    defaults = { pageNo: paging.pageNo.default, pageSize: paging.pageSize.default };
    pagingDefaults.set(operationId, defaults);
  }
  return defaults;
}

/** `pageNo`/`pageSize`/`subOperationStatus` exactly as validated (defaults: the spec's, from its constraints table). */
export function pageQueryOf({ query, operationId }: RequestContext, statusParameter = 'subOperationStatus'): PageQuery {
  const defaults = pagingDefaultsOf(operationId);
  return {
    pageNo: integerParameter(query, 'pageNo', defaults.pageNo),
    pageSize: integerParameter(query, 'pageSize', defaults.pageSize),
    status: stringParameter(query, statusParameter),
  };
}

/** The named string query parameters that were sent, as validated. */
export function stringFilters<Name extends string>(context: RequestContext, names: readonly Name[]): Partial<Record<Name, string>> {
  const filters: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = stringParameter(context.query, name);
    if (value !== undefined) filters[name] = value;
  }
  return filters;
}

/**
 * The simulator refused the input as the platform would: a page number or size beyond its bounds is
 * "beyond the limit", anything else (an empty or malformed value included) a bad request, as the
 * reject step answers the same query over HTTP.
 */
export function simulationRejection(error: unknown): ProducedAnswer {
  if (!(error instanceof SimulationInputError)) throw error;
  const paging = error.parameter === 'pageNo' || error.parameter === 'pageSize';
  const reason = paging && error.outOfRange ? 'page-range' : 'invalid';
  return { rejection: { reason, details: [error.message] } };
}

const REHEARSAL_ID = /^error-(\d{1,9})$/;

/**
 * `error-<code>` as a task or package id: the operation's documented answer carrying that
 * `error_code` (e.g. `error-123029` the paging error, `error-100001` the 500), so that a client or
 * the CLI can rehearse it without a Prefer header. A code the operation does not document is no
 * rehearsal: the id is then just one the mock does not know.
 */
export function rehearsedError(context: RequestContext, id: string): ProducedAnswer | undefined {
  const code = REHEARSAL_ID.exec(id)?.[1];
  if (code === undefined) return undefined;
  for (const example of context.loaded.examples.values()) {
    if (example.errorCode === code) return { exampleKey: example.key, note: `rehearsal id ${id}` };
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
