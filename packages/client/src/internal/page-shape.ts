// The shape every paged answer of the platform shares: `{ data, pageNo, pageSize, totalCount }`.
// The pager relies on these fields, so an answer without them is refused before it is used.
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { UnexpectedResponseError, type NorthboundOperation } from '../core/errors.js';

/** Whether `value` is a platform page whose items pass `isItem`. */
export function isPlatformPage(value: unknown, isItem: (item: unknown) => boolean = isObject): boolean {
  if (!isObject(value)) return false;
  const page = value as Record<string, unknown>;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return Array.isArray(page.data) && page.data.every(isItem) && count(page.totalCount) && count(page.pageNo) && count(page.pageSize);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose `field` is a non-empty string: the id every package and task carries. */
export function hasId(value: unknown, field: string): boolean {
  return isObject(value) && typeof value[field] === 'string' && value[field] !== '';
}

/**
 * A one-page query's answer, refused when it holds more items than the pageSize asked for (or,
 * with none asked, than the largest page there is), as the auto-pager refuses such a page.
 */
export async function withinPageSize<Page extends { data: unknown[] }>(answer: Promise<Page>, pageSize: number | undefined, operation: NorthboundOperation): Promise<Page> {
  const page = await answer;
  const limit = pageSize ?? pagingOf(operation).pageSize.maximum;
  if (page.data.length > limit) {
    throw new UnexpectedResponseError(`${operation}: the server answered ${page.data.length} items to a page of pageSize ${limit}; refused`, { operation });
  }
  return page;
}
