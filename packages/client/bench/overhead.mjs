// The client's CPU cost against plain fetch, on the same loopback server: per request (one
// 10-subtask page) and walking an upgrade task of 100 000 subtasks page by page. Not a test: it
// prints figures. Run `npm run build` first, then `npm run bench -w @iodm-northbound/client`.
// The server runs in a child process, so process.cpuUsage() here is the client side alone; CPU time
// is what is compared, since wall time swings with other load on the machine. Contenders run
// interleaved, round by round, so that drift hits all of them alike.
// Usage: node bench/overhead.mjs [requestsPerRound=500] [rounds=20] [walkRounds=3]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fetch as undiciFetch } from 'undici';
import { createNorthboundClient } from '../dist/index.js';

const requestsPerRound = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 20);
const walkRounds = Number(process.argv[4] ?? 3);
const walkSubtasks = 100_000;
const walkPageSize = 100;
const operationId = '5bf3a8c7e1d2f40001a3b4c5';
const appId = '3RQ9UnhymV409MfKPuiin75XroQa';
const accessToken = '6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b';

const server = fork(fileURLToPath(new URL('./platform-server.mjs', import.meta.url)), [String(walkSubtasks)], { stdio: 'inherit' });
const [{ port }] = await once(server, 'message');
const origin = `http://127.0.0.1:${port}`;
const pageUrl = (pageNo, pageSize) => `${origin}/iodm/northbound/v1.5.0/operations/${operationId}/subOperations?subOperationStatus=fail&pageNo=${pageNo}&pageSize=${pageSize}`;
const url = pageUrl(0, 10);
const headers = { app_key: appId, Authorization: `Bearer ${accessToken}`, Accept: 'application/json', 'Content-Type': 'application/json' };

// Node's built-in fetch: what a caller would otherwise write.
async function plainFetch() {
  const page = await (await fetch(url, { headers })).json();
  if (page.data.length !== 10) throw new Error('unexpected page');
}

// The fetch the client sends with (the undici package), with a per-request time limit as the
// client sets one: like for like, what is left is the client's own work.
async function undiciFetchWithTimeout() {
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

// Every subtask of the task, as a caller would page through it with fetch.
async function walkWithFetch() {
  let seen = 0;
  for (let pageNo = 0; ; pageNo++) {
    const page = await (await fetch(pageUrl(pageNo, walkPageSize), { headers })).json();
    for (const subtask of page.data) if (subtask.status === 'fail') seen++;
    if (page.data.length === 0 || seen >= page.totalCount) break;
  }
  if (seen !== walkSubtasks) throw new Error(`walked ${seen} subtasks`);
}

async function walkWithClient() {
  let seen = 0;
  for await (const subtask of client.listSubTasks(operationId, { status: 'fail', pageSize: walkPageSize })) if (subtask.status === 'fail') seen++;
  if (seen !== walkSubtasks) throw new Error(`walked ${seen} subtasks`);
}

// The same walk page by page, items read synchronously as the fetch loop does: `for await` over
// single subtasks costs a promise per item, which is the iteration style, not the client.
async function walkWithClientPages() {
  let seen = 0;
  for await (const page of client.listSubTasks(operationId, { status: 'fail', pageSize: walkPageSize }).pages()) {
    for (const subtask of page.data) if (subtask.status === 'fail') seen++;
  }
  if (seen !== walkSubtasks) throw new Error(`walked ${seen} subtasks`);
}

/** Wall-clock and CPU µs of `repeat` runs of `task`, this process only (the server is a child). */
async function measure(task, repeat) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < repeat; i++) await task();
  const wall = (performance.now() - started) * 1000;
  const cpuUsed = process.cpuUsage(cpuBefore);
  return { wall: wall / repeat, cpu: (cpuUsed.user + cpuUsed.system) / repeat };
}

/** Runs the contenders round by round, interleaved; the median of each one's rounds. */
async function interleaved(contenders, roundCount, repeat) {
  const results = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  // Warm-up: JIT, connection pools.
  for (const task of Object.values(contenders)) await measure(task, repeat);
  for (let round = 0; round < roundCount; round++) {
    for (const [name, task] of Object.entries(contenders)) results[name].push(await measure(task, repeat));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(
    Object.entries(results).map(([name, runs]) => [name, { wall: median(runs.map((run) => run.wall)), cpu: median(runs.map((run) => run.cpu)) }]),
  );
}

const fixed = (value, digits = 1) => value.toFixed(digits).padStart(8);

try {
  const perRequest = await interleaved(
    { 'plain fetch': plainFetch, 'undici fetch + timeout': undiciFetchWithTimeout, client: viaClient },
    rounds,
    requestsPerRound,
  );
  console.log(`node ${process.version}; server in a child process; CPU is this process's (the client side), medians of interleaved rounds`);
  console.log(`per request: ${rounds} rounds x ${requestsPerRound} sequential GETs of a 10-subtask page`);
  for (const [name, { wall, cpu }] of Object.entries(perRequest)) {
    console.log(`  ${name.padEnd(24)} ${fixed(cpu)} µs CPU  ${fixed(wall)} µs wall`);
  }
  const cpuRatio = (baseline) => (perRequest.client.cpu / perRequest[baseline].cpu).toFixed(3);
  console.log(`  client / plain fetch CPU:            ${cpuRatio('plain fetch')}x (target <= 1.10x)`);
  console.log(`  client / undici fetch + timeout CPU: ${cpuRatio('undici fetch + timeout')}x (the client's own work on the fetch it sends with)`);

  const walk = await interleaved({ 'plain fetch': walkWithFetch, client: walkWithClient, 'client, by page': walkWithClientPages }, walkRounds, 1);
  console.log(`walk: ${walkRounds} rounds of ${walkSubtasks} subtasks in pages of ${walkPageSize}`);
  const perCpuSecond = (name) => (walkSubtasks / walk[name].cpu) * 1e6;
  const perWallSecond = (name) => (walkSubtasks / walk[name].wall) * 1e6;
  for (const name of Object.keys(walk)) {
    console.log(`  ${name.padEnd(24)} ${fixed(perCpuSecond(name), 0)} subtasks per CPU second  ${fixed(perWallSecond(name), 0)} per wall second`);
  }
  for (const name of ['client', 'client, by page']) {
    const cpuRatio = (perCpuSecond(name) / perCpuSecond('plain fetch')).toFixed(3);
    const wallRatio = (perWallSecond(name) / perWallSecond('plain fetch')).toFixed(3);
    console.log(`  ${`${name} / plain fetch throughput:`.padEnd(37)}${cpuRatio}x per CPU second, ${wallRatio}x per wall second`);
  }
} finally {
  await client.close();
  server.disconnect();
  await once(server, 'exit');
}
