// Every list the CLI walks goes through here, whoever pages it (the client's pager, the simulator),
// so a server that never ends its pages cannot make a command run away: a page that repeats
// items already listed, ids that keep coming back, a totalCount that moves past a bound or a walk
// longer than the first page promised stop it with a PagingRunawayError. Memory stays flat: only
// the ids of the last few pages are kept.

export interface ListedPage<Item> {
  readonly data: readonly Item[];
  readonly totalCount: number;
}

export interface WalkOptions<Item> {
  /** What is listed, for the error: "subtasks of campaign-3". */
  readonly what: string;
  /** The item's id (subOperationId, operationId, fileId); an item without one is not tracked. */
  readonly idOf: (item: Item) => string | undefined;
  readonly pageSize: number;
}

/** The platform's pages do not add up: the walk was stopped (exit 1). */
class PagingRunawayError extends Error {
  override readonly name = 'PagingRunawayError';
}

/** The ids of this many recent pages are remembered to spot repeats. */
const RECENT_PAGES = 10;
/** A live task's filtered count moves as subtasks change status: this much, and no more. */
const totalCountDrift = (first: number, pageSize: number) => Math.max(10 * pageSize, Math.ceil(first / 10));

export async function* checkedItems<Item>(pages: AsyncIterable<ListedPage<Item>>, options: WalkOptions<Item>): AsyncGenerator<Item, void, undefined> {
  const { what, idOf, pageSize } = options;
  const recent: string[][] = [];
  const recentIds = new Set<string>();
  let firstTotal: number | undefined;
  let listed = 0;
  let repeated = 0;
  let pageNo = 0;
  const stop = (why: string): never => {
    throw new PagingRunawayError(`${what}: the platform's paging does not add up: ${why}; stopped after ${listed} item(s)`);
  };
  for await (const page of pages) {
    firstTotal ??= page.totalCount;
    const drift = totalCountDrift(firstTotal, pageSize);
    if (Math.abs(page.totalCount - firstTotal) > drift) stop(`totalCount moved from ${firstTotal} to ${page.totalCount} (more than ${drift})`);
    if (page.data.length > pageSize) stop(`page ${pageNo} holds ${page.data.length} items, more than pageSize ${pageSize}`);
    const ids: string[] = [];
    const fresh: Item[] = [];
    for (const item of page.data) {
      const id = idOf(item);
      if (id !== undefined && (recentIds.has(id) || ids.includes(id))) continue;
      if (id !== undefined) ids.push(id);
      fresh.push(item);
    }
    const repeats = page.data.length - fresh.length;
    if (repeats > 0 && fresh.length === 0) stop(`page ${pageNo} repeats ${repeats} item(s) already listed`);
    repeated += repeats;
    // A few repeats happen when a live list shifts between two pages; they are listed once.
    if (repeated > pageSize) stop(`${repeated} items came more than once`);
    listed += fresh.length;
    if (listed > firstTotal + drift) stop(`more items than the first page's totalCount (${firstTotal})`);
    recent.push(ids);
    for (const id of ids) recentIds.add(id);
    if (recent.length > RECENT_PAGES) for (const id of recent.shift()!) recentIds.delete(id);
    yield* fresh;
    pageNo++;
  }
}
