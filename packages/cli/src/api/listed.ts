// Every list the CLI walks is paged by the client's PageIterator, whoever answers the pages (the
// platform, the simulator), so a server that never ends its pages cannot make a command run away:
// the pager stops a walk whose pages do not add up (items sent again, a totalCount that drifts, more
// pages than the first promised) with UnexpectedResponseError. Here that becomes one line naming
// what was listed and how far the walk got (exit 1).
import { UnexpectedResponseError } from '@iodm-northbound/client';

/** The platform's pages did not add up: the walk was stopped (exit 1). */
class ListingStoppedError extends Error {
  override readonly name = 'ListingStoppedError';
}

/** The items of `items` as they come; a pager's UnexpectedResponseError names `what` ("subtasks of op-1") and the count listed. */
export async function* listed<Item>(what: string, items: AsyncIterable<Item>): AsyncGenerator<Item, void, undefined> {
  let count = 0;
  try {
    for await (const item of items) {
      yield item;
      count++;
    }
  } catch (error) {
    // The pager's own refusal carries no HTTP status; an answer the client could not read keeps its error (and exit code).
    if (error instanceof UnexpectedResponseError && error.status === undefined) throw new ListingStoppedError(`${what}: ${error.message} after ${count} item(s)`, { cause: error });
    throw error;
  }
}
