// A platform on loopback (127.0.0.1, port 0) that records the query of every list request and
// answers it with an empty page; a task reads as failed, so `watch` goes on to list its failures.
import { LOGIN_ANSWER, sendJson, startLoopbackPlatform } from './loopback-platform.js';

const TASK = { operationId: 'op-1', status: 'failed', operateType: 'firmware_upgrade', createTime: '20261125T213156Z', staResult: { total: 0, success: 0, fail: 0, stop: 0, processing: 0, wait: 0, timeout: 0 } };

export interface RecordingPlatform {
  /** The NORTHBOUND_* environment that points the CLI at it. */
  readonly env: Record<string, string>;
  /** The query of each list request, in order, by the last segment of its path (`subOperations`, `operations`, `category`). */
  readonly lists: { readonly list: string; readonly query: URLSearchParams }[];
  close(): Promise<void>;
}

export async function startRecordingPlatform(): Promise<RecordingPlatform> {
  const lists: RecordingPlatform['lists'][number][] = [];
  const platform = await startLoopbackPlatform((request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    const send = (body: unknown) => sendJson(response, 200, body);
    if (url.pathname.endsWith('/login')) return send(LOGIN_ANSWER);
    const list = /\/(subOperations|operations|category)$/.exec(url.pathname)?.[1];
    if (list !== undefined) {
      lists.push({ list, query: url.searchParams });
      return send({ pageNo: Number(url.searchParams.get('pageNo') ?? 0), pageSize: Number(url.searchParams.get('pageSize') ?? 0), totalCount: 0, data: [] });
    }
    if (url.pathname.includes('/operations/')) return send(TASK);
    response.writeHead(404).end();
    return undefined;
  });
  return { env: platform.env, lists, close: platform.close };
}
