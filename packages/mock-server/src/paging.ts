// The mock's one pager: a page of a list as the platform answers it ({ pageNo, pageSize, totalCount,
// data }), whatever holds the list (an array, or a view that computes only the items asked for).
import type { Page } from './simulation/views.js';

export interface Paging {
  readonly pageNo: number;
  readonly pageSize: number;
}

/** A list to page: how many items it holds and the items of a range (an array is one). */
export interface PageSource<Item> {
  readonly length: number;
  /** The items from `start` up to (not including) `end`; fewer, or none, past the end. */
  slice(start: number, end: number): Item[];
}

/**
 * Page `pageNo` (from 0) of `pageSize` items: past the end it is empty, the last one may be short;
 * `totalCount` is the whole list's length either way.
 */
export function pageOf<Item>(items: PageSource<Item>, { pageNo, pageSize }: Paging): Page<Item> {
  const first = pageNo * pageSize;
  return { pageNo, pageSize, totalCount: items.length, data: first >= items.length ? [] : items.slice(first, first + pageSize) };
}

/** A list of `length` items computed by index, as a page source: only the page's items are ever made. */
export function indexedSource<Item>(length: number, itemAt: (index: number) => Item): PageSource<Item> {
  return {
    length,
    slice(start, end) {
      const items: Item[] = [];
      for (let index = Math.max(0, start); index < Math.min(end, length); index++) items.push(itemAt(index));
      return items;
    },
  };
}
