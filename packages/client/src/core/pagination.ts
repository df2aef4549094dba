// Auto-pager for the platform's `{ data, pageNo, pageSize, totalCount }` pages (the task list
// of the same API group pages the same way, so this is not tied to subtasks).
import type { NorthboundOperation } from './errors.js';
import { abortErrorFor } from './retries.js';

export interface PlatformPage<Item> {
  data: Item[];
  totalCount: number;
}

export type PageFetcher<Page> = (pageNo: number, signal: AbortSignal | undefined) => Promise<Page>;

/**
 * Every item of every page, fetched one page at a time as the loop asks for more. Stops once
 * `totalCount` items were seen or a page comes back empty (whichever comes first, so a
 * `totalCount` that shrinks or grows while paging cannot loop forever on empty pages).
 */
export class PageIterator<Page extends PlatformPage<Item>, Item> implements AsyncIterable<Item> {
  constructor(
    private readonly fetchPage: PageFetcher<Page>,
    private readonly signal: AbortSignal | undefined,
    private readonly operation: NorthboundOperation,
  ) {}

  /** The pages themselves, for callers that want `totalCount` or page-sized batches. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    let seen = 0;
    for (let pageNo = 0; ; pageNo++) {
      if (this.signal?.aborted) throw abortErrorFor(this.operation, this.signal);
      const page = await this.fetchPage(pageNo, this.signal);
      if (page.data.length === 0) return;
      yield page;
      seen += page.data.length;
      if (seen >= page.totalCount) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) {
      for (const item of page.data) {
        // Checked per item too, so that an abort inside a 100-item page stops the loop at once.
        if (this.signal?.aborted) throw abortErrorFor(this.operation, this.signal);
        yield item;
      }
    }
  }

  /** All items in one array. Meant for small tasks: a task with 50 000 devices is 500 requests. */
  async toArray(): Promise<Item[]> {
    const items: Item[] = [];
    for await (const page of this.pages()) items.push(...page.data);
    return items;
  }
}
