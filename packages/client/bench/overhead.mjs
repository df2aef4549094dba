// Per-request overhead of the client against plain fetch, on the same loopback server.
// Not a test: it prints figures. Run `npm run build` first, then `npm run bench -w @iodm-northbound/client`.
// Usage: node bench/overhead.mjs [requestsPerRound=500] [rounds=20]
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fetch as undiciFetch } from 'undici';
import { createNorthboundClient } from '../dist/index.js';

const requestsPerRound = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 20);
const operationId = '5bf3a8c7e1d2f40001a3b4c5';
const appId = '3RQ9UnhymV409MfKPuiin75XroQa';
const accessToken = '6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b';

// A realistic page: ten failed subtasks.
const body = JSON.stringify({
  data: Array.from({ length: 10 }, (_, i) => ({
    subOperationId: `5c0b4f7e3a1d2b0f9e8d7c${String(i).padStart(2, '0')}`,
    createTime: '20181126T080000Z',
    startTime: '20181126T080005Z',
    stopTime: '20181126T081210Z',
    operateType: 'firmware_upgrade',
    deviceId: `8f9c2d4e-1b3a-4c5d-9e7f-0a1b2c3d4e${String(i).padStart(2, '0')}`,
    status: 'fail',
    detailInfo: 'Device did not respond to the upgrade command.',
    extendInfo: { targetVersion: 'V1.1.0', sourceVersion: 'V1.0.3' },
  })),
  pageNo: 0,
  pageSize: 10,
  totalCount: 10,
});

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const url = `${origin}/iodm/northbound/v1.5.0/operations/${operationId}/subOperations?subOperationStatus=fail&pageNo=0&pageSize=10`;

const headers = { app_key: appId, Authorization: `Bearer ${accessToken}`, Accept: 'application/json', 'Content-Type': 'application/json' };

// Node's built-in fetch: what a caller would otherwise write.
async function plainFetch() {
  const page = await (await fetch(url, { headers })).json();
  if (page.data.length !== 10) throw new Error('unexpected page');
}

// The fetch the client sends with (the undici package), to isolate the client's own overhead.
async function plainUndiciFetch() {
  const page = await (await undiciFetch(url, { headers })).json();
  if (page.data.length !== 10) throw new Error('unexpected page');
}

// The same, with a per-request time limit as the client sets one (an AbortSignal and a timer).
async function plainUndiciFetchWithTimeout() {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const page = await (await undiciFetch(url, { headers, signal: controller.signal })).json();
    if (page.data.length !== 10) throw new Error('unexpected page');
  } finally {
    clearTimeout(timer);
  }
}

const client = createNorthboundClient({ baseUrl: origin, appId, accessToken });
async function viaClient() {
  const page = await client.querySubTasks(operationId, { status: 'fail', pageNo: 0, pageSize: 10 });
  if (page.data.length !== 10) throw new Error('unexpected page');
}

/** Wall-clock and CPU µs per request (CPU time is less disturbed by other load on the machine). */
async function timeRound(request) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < requestsPerRound; i++) await request();
  const wall = ((performance.now() - started) * 1000) / requestsPerRound;
  const cpuUsed = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpuUsed.user + cpuUsed.system) / requestsPerRound };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const contenders = {
    'plain fetch (Node built-in)': plainFetch,
    'plain undici fetch': plainUndiciFetch,
    'undici fetch + timeout': plainUndiciFetchWithTimeout,
    client: viaClient,
  };
  const results = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  // Warm-up: JIT, connection pools.
  for (const request of Object.values(contenders)) await timeRound(request);
  // Interleaved, so that drift (other load on the machine) hits every contender alike.
  for (let round = 0; round < rounds; round++) {
    for (const [name, request] of Object.entries(contenders)) results[name].push(await timeRound(request));
  }
  const wall = (name) => median(results[name].map((round) => round.wall));
  const cpu = (name) => median(results[name].map((round) => round.cpu));
  console.log(`node ${process.version}, ${rounds} rounds x ${requestsPerRound} sequential GETs on loopback, medians of the rounds`);
  console.log('(CPU is client and server together, one process; it is less disturbed by other load than wall time)');
  for (const name of Object.keys(contenders)) {
    console.log(`${name.padEnd(28)} ${wall(name).toFixed(1).padStart(7)} µs/request wall ${cpu(name).toFixed(1).padStart(7)} µs CPU`);
  }
  const ratio = (baseline) => `${(wall('client') / wall(baseline)).toFixed(3)}x wall, ${(cpu('client') / cpu(baseline)).toFixed(3)}x CPU`;
  console.log(`ratio vs plain fetch:        ${ratio('plain fetch (Node built-in)')} (target <= 1.15x)`);
  console.log(`ratio vs plain undici fetch: ${ratio('plain undici fetch')} (same fetch underneath, no time limit)`);
  console.log(`ratio vs undici + timeout:   ${ratio('undici fetch + timeout')} (like for like: the client's own overhead)`);
} finally {
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
