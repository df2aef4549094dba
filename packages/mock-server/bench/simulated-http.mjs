// Figures for the simulated campaigns served over HTTP (prints them; not a test). After a build:
//   node --expose-gc bench/simulated-http.mjs [devices] [requests]
// Starts the mock with a manual clock, puts a ready-made campaign mid-rollout, then pages its
// subtasks (unfiltered and by status) and reads the task and the list, through real HTTP on
// loopback: latency per request, and the heap before/after (the mock runs in this process).
import { createManualClock, startMockServer } from '../dist/index.js';

const devices = Number(process.argv[2] ?? 10_000);
const requests = Number(process.argv[3] ?? 2_000);
const gc = globalThis.gc ?? (() => {});
const heapMb = () => {
  gc();
  gc();
  return (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers) / 1e6;
};
const headers = { app_key: 'bench', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' };

const clock = createManualClock();
const mock = await startMockServer({ simulation: { seed: 1, clock } });
const id = `campaign-${devices}`;
const base = `${mock.url}/iodm/northbound/v1.5.0/operations`;
const get = async (path) => {
  const response = await fetch(`${base}${path}`, { headers });
  if (response.status !== 200) throw new Error(`${path} -> ${response.status}`);
  return response.json();
};
const statuses = ['', '&subOperationStatus=wait', '&subOperationStatus=processing', '&subOperationStatus=success', '&subOperationStatus=fail'];
const pathOf = (n) => (n % 10 === 9 ? `/${id}` : `/${id}/subOperations?pageSize=100&pageNo=${n % 5}${statuses[n % statuses.length]}`);

let started = performance.now();
await get(`/${id}`);
const firstMs = performance.now() - started;
clock.advance(1_200_000);
for (let n = 0; n < 200; n++) await get(pathOf(n));
const heapBefore = heapMb();
started = performance.now();
for (let n = 0; n < requests; n++) await get(pathOf(n));
const perRequestMs = (performance.now() - started) / requests;
const heapAfter = heapMb();
await mock.close();

console.log(`simulated campaign over HTTP: ${devices} devices, ${requests} requests (9 subtask pages of 100 : 1 task)`);
console.log(`  first task query (builds the campaign): ${firstMs.toFixed(1)} ms`);
console.log(`  per request (loopback, Prism validation included): ${perRequestMs.toFixed(2)} ms`);
console.log(`  heap + array buffers: ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after (${(heapAfter - heapBefore).toFixed(2)} MB)`);
