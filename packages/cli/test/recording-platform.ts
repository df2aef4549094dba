// A platform on loopback (127.0.0.1, port 0) that records the query of every list request and
// answers it with an empty page; a task reads as failed, so `watch` goes on to list its failures.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cliEnvFor } from './support.js';

const TOKEN = { scope: 'default', tokenType: 'bearer', expiresIn: 3600, accessToken: '6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b', refreshToken: '1d8f3e0b2b6a4c1f9e7d5c3b1a0f8e2c' };
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
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    const send = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname.endsWith('/login')) return send(TOKEN);
    const list = /\/(subOperations|operations|category)$/.exec(url.pathname)?.[1];
    if (list !== undefined) {
      lists.push({ list, query: url.searchParams });
      return send({ pageNo: Number(url.searchParams.get('pageNo') ?? 0), pageSize: Number(url.searchParams.get('pageSize') ?? 0), totalCount: 0, data: [] });
    }
    if (url.pathname.includes('/operations/')) return send(TASK);
    response.writeHead(404).end();
    return undefined;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    env: cliEnvFor(`http://127.0.0.1:${port}`),
    lists,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
