// Auto-pager for the platform's `{ data, pageNo, pageSize, totalCount }` pages (the task list
// of the same API group pages the same way, so this is not tied to subtasks).
import { UnexpectedResponseError, type NorthboundOperation } from './errors.js';
import { parametersIn, pagingOf } from '@iodm-northbound/spec/constraints';
import { abortErrorFor } from '../internal/retries.js';

export interface PlatformPage<Item> {
  data: Item[];
  /** The page number the server says it answered. */
  pageNo: number;
  totalCount: number;
}

type PageFetcher<Page> = (pageNo: number, signal: AbortSignal | undefined) => Promise<Page>;

/** The ids of this many recent pages are remembered to spot repeats; memory stays flat on a long walk. */
const recentPages = 10;
/** How far a later page's totalCount may move from the first's: a live task's filtered count moves as subtasks change status. */
const totalCountDrift = (first: number, pageSize: number): number => Math.max(10 * pageSize, Math.ceil(first / 10));

/** The first and the largest pageNo the spec allows `operation` (the walk asks for none past them); from 0, unbounded, for an operation the spec does not page. */
function pageNumbers(operation: NorthboundOperation): { readonly first: number; readonly last: number } {
  if (!Object.hasOwn(parametersIn(operation, 'query'), 'pageNo')) return { first: 0, last: Number.MAX_SAFE_INTEGER };
  const { minimum, maximum } = pagingOf(operation).pageNo;
  return { first: minimum, last: maximum };
}

/**
 * Every item of every page, fetched one page at a time as the loop asks for more. Stops once
 * `totalCount` items were seen or a page comes back empty. It does not trust the server to end
 * the walk: a page that is not the one asked for, holds more than `pageSize` items, lies past
 * what the first page's `totalCount` allows, or whose `totalCount` drifts further from the first
 * page's than a live list moves stops it with an UnexpectedResponseError. With `idOf`, a page that
 * only repeats items already listed, or more repeats in all than one page holds, stops it too; an
 * item a live list shifted onto the next page comes once.
 */
export class PageIterator<Page extends PlatformPage<Item>, Item> implements AsyncIterable<Item> {
  readonly #firstPageNo: number;
  readonly #lastPageNo: number;

  /**
   * @param idOf The item's id (`subOperationId`, `operationId`, `fileId`), to spot items the server
   * sends again; without it, repeats are not looked for. An item whose id is not a non-empty
   * string stops the walk (an UnexpectedResponseError): it cannot be told from a repeat.
   */
  constructor(
    private readonly fetchPage: PageFetcher<Page>,
    private readonly signal: AbortSignal | undefined,
    private readonly operation: NorthboundOperation,
    private readonly pageSize: number,
    private readonly idOf?: (item: Item) => string,
  ) {
    const { first, last } = pageNumbers(operation);
    this.#firstPageNo = first;
    this.#lastPageNo = last;
  }

  /**
   * The pages themselves, for callers that want `totalCount` or page-sized batches. With `idOf`, a
   * page's `data` leaves out the items an earlier page listed already.
   * @throws {UnexpectedResponseError} the server's paging is inconsistent (a page other than the one asked for, more than `pageSize` items, past `totalCount`, a `totalCount` that drifts, items sent again), or a page is not the documented JSON.
   * @throws {AbortError} the `signal` given to the list call fired (checked before each page and each item).
   * @throws {TaskNotFoundError} (subtasks) no upgrade task has this `operationId`.
   * @throws {PageOutOfRangeError} the platform refused a page's `pageNo`/`pageSize` (400 / 123029).
   * @throws {BadRequestError} as for the one-page query of the same list (`querySubTasks`, `queryTasks`, `queryPackages`): each page is one such call, and so are the classes below.
   * @throws {InvalidTokenError} as for the one-page query.
   * @throws {ThrottledError} as for the one-page query.
   * @throws {ServerError} as for the one-page query.
   * @throws {ConnectionError} as for the one-page query.
   * @throws {TimeoutError} as for the one-page query.
   * @throws {ResponseTooLargeError} as for the one-page query.
   * @throws {ApplicationFrozenError} as for the one-page query.
   * @throws {RequiredParameterEmptyError} as for the one-page query.
   * @throws {RateLimitTimeoutError} as for the one-page query.
   * @throws {CoordinatorError} as for the one-page query.
   * @throws {ClientClosedError} as for the one-page query.
   * @example
   * ```ts
   * for await (const page of client.listSubTasks(operationId).pages()) console.log(`${page.data.length} of ${page.totalCount}`);
   * ```
   */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    let seen = 0;
    let pageLimit: number | undefined;
    let firstTotal: number | undefined;
    const repeats = new RepeatWatch(this.pageSize);
    for (let pageNo = this.#firstPageNo; ; pageNo++) {
      if (this.signal?.aborted) throw abortErrorFor(this.operation, this.signal);
      if (pageNo > this.#lastPageNo) this.#inconsistent(`the walk would pass the largest pageNo (${this.#lastPageNo})`);
      const page = await this.fetchPage(pageNo, this.signal);
      const count = page.data.length;
      if (page.pageNo !== pageNo) this.#inconsistent(`asked for page ${pageNo}, the server answered page ${page.pageNo}`);
      if (count > this.pageSize) this.#inconsistent(`page ${pageNo} holds ${count} items, more than pageSize ${this.pageSize}`);
      if (count === 0) return;
      firstTotal ??= page.totalCount;
      const drift = totalCountDrift(firstTotal, this.pageSize);
      if (Math.abs(page.totalCount - firstTotal) > drift) this.#inconsistent(`totalCount moved from ${firstTotal} to ${page.totalCount} (more than ${drift})`);
      // The first page's totalCount fixes how many pages the walk may take.
      pageLimit ??= Math.ceil(firstTotal / this.pageSize);
      if (pageNo - this.#firstPageNo >= pageLimit) {
        this.#inconsistent(`page ${pageNo} holds items, but totalCount allows ${pageLimit} page(s) of ${this.pageSize}`);
      }
      const fresh = this.idOf === undefined ? page.data : repeats.fresh(page.data, this.idOf, (why) => this.#inconsistent(`page ${pageNo} ${why}`));
      yield fresh.length === count ? page : { ...page, data: fresh };
      seen += count;
      if (seen >= page.totalCount) return;
    }
  }

  #inconsistent(what: string): never {
    throw new UnexpectedResponseError(`${this.operation}: the server's paging is inconsistent: ${what}; stopped`, { operation: this.operation });
  }

  /**
   * Every item, one page fetched at a time: `for await (const item of pager)`.
   * @throws {UnexpectedResponseError} the server's paging is inconsistent (a page other than the one asked for, more than `pageSize` items, past `totalCount`, a `totalCount` that drifts, items sent again), or a page is not the documented JSON.
   * @throws {AbortError} the `signal` given to the list call fired (checked before each page and each item).
   * @throws {TaskNotFoundError} (subtasks) no upgrade task has this `operationId`.
   * @throws {PageOutOfRangeError} the platform refused a page's `pageNo`/`pageSize` (400 / 123029).
   * @throws {BadRequestError} as for the one-page query of the same list (`querySubTasks`, `queryTasks`, `queryPackages`): each page is one such call, and so are the classes below.
   * @throws {InvalidTokenError} as for the one-page query.
   * @throws {ThrottledError} as for the one-page query.
   * @throws {ServerError} as for the one-page query.
   * @throws {ConnectionError} as for the one-page query.
   * @throws {TimeoutError} as for the one-page query.
   * @throws {ResponseTooLargeError} as for the one-page query.
   * @throws {ApplicationFrozenError} as for the one-page query.
   * @throws {RequiredParameterEmptyError} as for the one-page query.
   * @throws {RateLimitTimeoutError} as for the one-page query.
   * @throws {CoordinatorError} as for the one-page query.
   * @throws {ClientClosedError} as for the one-page query.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) {
      for (const item of page.data) {
        // Checked per item too, so that an abort inside a 100-item page stops the loop at once.
        if (this.signal?.aborted) throw abortErrorFor(this.operation, this.signal);
        yield item;
      }
    }
  }

  /**
   * All items in one array. Meant for small tasks: a task with 50 000 devices is 500 requests.
   * @throws {UnexpectedResponseError} the server's paging is inconsistent (a page other than the one asked for, more than `pageSize` items, past `totalCount`, a `totalCount` that drifts, items sent again), or a page is not the documented JSON.
   * @throws {AbortError} the `signal` given to the list call fired (checked before each page and each item).
   * @throws {TaskNotFoundError} (subtasks) no upgrade task has this `operationId`.
   * @throws {PageOutOfRangeError} the platform refused a page's `pageNo`/`pageSize` (400 / 123029).
   * @throws {BadRequestError} as for the one-page query of the same list (`querySubTasks`, `queryTasks`, `queryPackages`): each page is one such call, and so are the classes below.
   * @throws {InvalidTokenError} as for the one-page query.
   * @throws {ThrottledError} as for the one-page query.
   * @throws {ServerError} as for the one-page query.
   * @throws {ConnectionError} as for the one-page query.
   * @throws {TimeoutError} as for the one-page query.
   * @throws {ResponseTooLargeError} as for the one-page query.
   * @throws {ApplicationFrozenError} as for the one-page query.
   * @throws {RequiredParameterEmptyError} as for the one-page query.
   * @throws {RateLimitTimeoutError} as for the one-page query.
   * @throws {CoordinatorError} as for the one-page query.
   * @throws {ClientClosedError} as for the one-page query.
   * @example
   * ```ts
   * const failed = await client.listSubTasks(operationId, { status: 'fail' }).toArray();
   * ```
   */
  async toArray(): Promise<Item[]> {
    const items: Item[] = [];
    for await (const page of this.pages()) items.push(...page.data);
    return items;
  }
}

/**
 * The ids of the last pages of a walk. A few repeats happen when a live list shifts between two
 * pages (they are listed once); a page of nothing but repeats, or more repeats than one page holds,
 * is a server that would never end the walk.
 */
class RepeatWatch {
  readonly #recent: Set<string>[] = [];
  readonly #recentIds = new Set<string>();
  #repeated = 0;

  constructor(private readonly pageSize: number) {}

  /** The items of `data` not listed before; `stop` is called with the reason the walk must end. */
  fresh<Item>(data: readonly Item[], idOf: (item: Item) => string, stop: (why: string) => never): Item[] {
    const ids = new Set<string>();
    const fresh: Item[] = [];
    for (const [index, item] of data.entries()) {
      const id: unknown = idOf(item);
      // An id-less item would count as a repeat of the last one and be dropped without a word.
      if (typeof id !== 'string' || id === '') stop(`item ${index} has no id`);
      if (this.#recentIds.has(id) || ids.has(id)) continue;
      ids.add(id);
      fresh.push(item);
    }
    const repeats = data.length - fresh.length;
    if (repeats > 0 && fresh.length === 0) stop(`repeats ${repeats} item(s) already listed`);
    this.#repeated += repeats;
    if (this.#repeated > this.pageSize) stop(`brings the items that came more than once to ${this.#repeated}, more than pageSize ${this.pageSize}`);
    this.#recent.push(ids);
    for (const id of ids) this.#recentIds.add(id);
    if (this.#recent.length > recentPages) for (const id of this.#recent.shift() ?? []) this.#recentIds.delete(id);
    return fresh;
  }
}
