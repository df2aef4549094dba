// The server side of the overhead benchmark, run as a child process so that its CPU is not
// counted against the client: answers the subtask query with ready-made pages of an upgrade task
// of `totalSubtasks` failed subtasks. Listens on 127.0.0.1, port 0, and sends its port to the
// parent over IPC; ends when the parent disconnects.
import { createServer } from 'node:http';

const totalSubtasks = Number(process.argv[2] ?? 100_000);
const pageCache = new Map();

function subtask(index) {
  const n = String(index).padStart(6, '0');
  return {
    subOperationId: `5c0b4f7e3a1d2b0f9e${n}`,
    createTime: '20181126T080000Z',
    startTime: '20181126T080005Z',
    stopTime: '20181126T081210Z',
    operateType: 'firmware_upgrade',
    deviceId: `8f9c2d4e-1b3a-4c5d-9e7f-0a1b2c${n}`,
    status: 'fail',
    detailInfo: 'Device did not respond to the upgrade command.',
    extendInfo: { targetVersion: 'V1.1.0', sourceVersion: 'V1.0.3' },
  };
}

/** One page as the platform sends it, built once per (pageNo, pageSize). */
function page(pageNo, pageSize) {
  const key = `${pageNo}/${pageSize}`;
  let body = pageCache.get(key);
  if (body === undefined) {
    const first = pageNo * pageSize;
    const count = Math.max(0, Math.min(pageSize, totalSubtasks - first));
    const data = Array.from({ length: count }, (_, i) => subtask(first + i));
    body = Buffer.from(JSON.stringify({ data, pageNo, pageSize, totalCount: totalSubtasks }));
    pageCache.set(key, body);
  }
  return body;
}

const server = createServer((request, response) => {
  const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
  const body = page(Number(query.get('pageNo') ?? 0), Number(query.get('pageSize') ?? 10));
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength });
  response.end(body);
});

server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
});
