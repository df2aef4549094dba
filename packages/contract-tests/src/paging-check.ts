// Before provider verification runs: the task the paging checks walk must have more than one page
// at the suite's page size, paged the way the platform pages. Otherwise the run stops at once with
// which task to pick, instead of three paging failures after a whole run.
import { createNorthboundClient, TaskNotFoundError, UnexpectedResponseError } from '@iodm-northbound/client';
import { CONTRACT_ENV, ContractTargetError, MOCK_PAGED_TASK_ID, SUITE_PAGE_SIZE, type ContractTarget } from './target.js';

/** The task cannot exercise paging: the run stops with exit 2 and this message. */
export class TaskCannotPageError extends ContractTargetError {
  override name = 'TaskCannotPageError';
}

type PagingTarget = Pick<ContractTarget, 'baseUrl' | 'appId' | 'secret' | 'pagedTaskId'>;

/**
 * Reads the first page of the target's task at the suite's page size. Throws TaskCannotPageError
 * when the task is unknown, fits in one page or ignores `pageSize`; a ContractTargetError when the
 * check itself could not be made (refused credentials, ...).
 */
export async function assertTaskPages(target: PagingTarget): Promise<void> {
  const { baseUrl, pagedTaskId } = target;
  const cannotPage = (why: string) =>
    new TaskCannotPageError(
      `Task ${pagedTaskId} on ${baseUrl} cannot exercise paging: ${why}. Pick a task with more than ${SUITE_PAGE_SIZE} subtasks ` +
        `(${CONTRACT_ENV.pagedTaskId} or --task-id); on the mock, ${MOCK_PAGED_TASK_ID} (the default) or any paged-<N> or campaign-<N> with N > ${SUITE_PAGE_SIZE}.`,
    );
  let page: { pageSize: number; totalCount: number; data: unknown[] };
  let client: ReturnType<typeof createNorthboundClient> | undefined;
  try {
    client = createNorthboundClient({ baseUrl, appId: target.appId, secret: target.secret }, { maxRetries: 0, timeoutMs: 15_000 });
    page = await client.querySubTasks(pagedTaskId, { pageNo: 0, pageSize: SUITE_PAGE_SIZE });
  } catch (error) {
    if (error instanceof TaskNotFoundError) throw cannotPage(`the server has no such task (${error.status}/${error.errorCode})`);
    // A 2xx the client refused: more items than the pageSize asked for.
    if (error instanceof UnexpectedResponseError && error.operation === 'queryUpgradeSubTask' && error.status === undefined) {
      throw cannotPage(`the server does not keep to pageSize ${SUITE_PAGE_SIZE} (${error.message})`);
    }
    throw new ContractTargetError(`Cannot check task ${pagedTaskId} on ${baseUrl}: ${(error as Error).message}`);
  } finally {
    await client?.close();
  }
  // More items than asked for is refused by the client's one-page query itself (above).
  if (page.pageSize !== SUITE_PAGE_SIZE) {
    throw cannotPage(
      `asked for pageSize ${SUITE_PAGE_SIZE}, its first page holds ${page.data.length} items with pageSize ${page.pageSize} (the server does not page it; the mock's example tasks answer the spec's example pages)`,
    );
  }
  if (page.totalCount <= SUITE_PAGE_SIZE) throw cannotPage(`it has ${page.totalCount} subtasks, one page of ${SUITE_PAGE_SIZE}`);
}
