// A hostile platform on loopback whose pages never end: every list answers the pageNo it was
// asked with the same 100 items and a totalCount near 2×10⁹ that varies from page to page; a
// task reads as failed, so `watch` goes on to walk its failures. `fresh: true` makes every item
// new, so that only totalCount betrays it.
import { LOGIN_ANSWER, type LoopbackPlatform, sendJson, startLoopbackPlatform } from './loopback-platform.js';

type Kind = 'subtasks' | 'tasks' | 'packages';

function items(kind: Kind, pageNo: number, fresh: boolean): object[] {
  return Array.from({ length: 100 }, (_, n) => {
    const id = `${fresh ? pageNo * 100 + n : n}`.padStart(24, '0');
    if (kind === 'subtasks') return { subOperationId: id, deviceId: `device-${id}`, status: 'fail', detailInfo: 'Timeout: again', operateType: 'firmware_upgrade', createTime: '20261125T213156Z' };
    if (kind === 'tasks') return { operationId: id, status: 'failed', operateType: 'firmware_upgrade', createTime: '20261125T213156Z', staResult: { total: 1, success: 0, fail: 1, stop: 0, processing: 0, wait: 0, timeout: 0 } };
    return { fileId: id, name: `package-${id}`, version: 'V1', fileType: 'firmwarePackage', deviceType: 'Meter', model: 'M1', manufacturerName: 'Acme' };
  });
}

/** Starts the platform on 127.0.0.1, a free port; `close()` stops it. */
export function startRunawayPlatform({ fresh = false, totalCount = (pageNo: number) => 2_000_000_000 + ((pageNo * 7919) % 1000) } = {}): Promise<LoopbackPlatform> {
  return startLoopbackPlatform((request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    const send = (body: unknown) => sendJson(response, 200, body);
    if (url.pathname.endsWith('/login')) return send(LOGIN_ANSWER);
    const pageNo = Number(url.searchParams.get('pageNo') ?? 0);
    const page = (kind: Kind) => send({ pageNo, pageSize: 100, totalCount: totalCount(pageNo), data: items(kind, pageNo, fresh) });
    if (url.pathname.endsWith('/subOperations')) return page('subtasks');
    if (url.pathname.endsWith('/operations')) return page('tasks');
    if (url.pathname.endsWith('/category')) return page('packages');
    if (url.pathname.includes('/operations/')) return send(items('tasks', 0, false)[0]);
    response.writeHead(404).end();
    return undefined;
  });
}
