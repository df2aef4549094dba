// Auto-pager for the platform's `{ data, pageNo, pageSize, totalCount }` pages (the task list
// of the same API group pages the same way, so this is not tied to subtasks).
import { UnexpectedResponseError, type NorthboundOperation } from './errors.js';
import { abortErrorFor } from '../internal/retries.js';
import { maxPageNo } from '../internal/validation.js';

export interface PlatformPage<Item> {
  data: Item[];
  /** The page number the server says it answered. */
  pageNo: number;
  totalCount: number;
}

type PageFetcher<Page> = (pageNo: number, signal: AbortSignal | undefined) => Promise<Page>;

/**
 * Every item of every page, fetched one page at a time as the loop asks for more. Stops once
 * `totalCount` items were seen or a page comes back empty. It does not trust the server to end
 * the walk: a page that is not the one asked for, holds more than `pageSize` items, or lies past
 * what the first page's `totalCount` allows stops it with an UnexpectedResponseError.
 */
export class PageIterator<Page extends PlatformPage<Item>, Item> implements AsyncIterable<Item> {
  constructor(
    private readonly fetchPage: PageFetcher<Page>,
    private readonly signal: AbortSignal | undefined,
    private readonly operation: NorthboundOperation,
    private readonly pageSize: number,
  ) {}

  /**
   * The pages themselves, for callers that want `totalCount` or page-sized batches.
   * @throws {UnexpectedResponseError} the server's paging is inconsistent (a page other than the one asked for, more than `pageSize` items, past `totalCount`), or a page is not the documented JSON.
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
    for (let pageNo = 0; ; pageNo++) {
      if (this.signal?.aborted) throw abortErrorFor(this.operation, this.signal);
      if (pageNo > maxPageNo) this.#inconsistent(`the walk would pass the largest pageNo (${maxPageNo})`);
      const page = await this.fetchPage(pageNo, this.signal);
      const count = page.data.length;
      if (page.pageNo !== pageNo) this.#inconsistent(`asked for page ${pageNo}, the server answered page ${page.pageNo}`);
      if (count > this.pageSize) this.#inconsistent(`page ${pageNo} holds ${count} items, more than pageSize ${this.pageSize}`);
      if (count === 0) return;
      // The first page's totalCount fixes how many pages the walk may take.
      pageLimit ??= Math.ceil(page.totalCount / this.pageSize);
      if (pageNo >= pageLimit) {
        this.#inconsistent(`page ${pageNo} holds items, but totalCount allows ${pageLimit} page(s) of ${this.pageSize}`);
      }
      yield page;
      seen += count;
      if (seen >= page.totalCount) return;
    }
  }

  #inconsistent(what: string): never {
    throw new UnexpectedResponseError(`${this.operation}: the server's paging is inconsistent: ${what}; stopped`, { operation: this.operation });
  }

  /**
   * Every item, one page fetched at a time: `for await (const item of pager)`.
   * @throws {UnexpectedResponseError} the server's paging is inconsistent (a page other than the one asked for, more than `pageSize` items, past `totalCount`), or a page is not the documented JSON.
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
   * @throws {UnexpectedResponseError} the server's paging is inconsistent (a page other than the one asked for, more than `pageSize` items, past `totalCount`), or a page is not the documented JSON.
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
