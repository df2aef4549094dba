// Figures for the campaign simulator (prints them; not a test). Run after a build:
//   node --expose-gc bench/simulation.mjs [devices]
// Builds a ready-made campaign, then times pages (unfiltered and filtered by each status) at an
// instant where the settled, active and pending ranges all exist, and reports heap before/after.
import { CampaignSimulator, createManualClock } from '../dist/simulation/index.js';

const devices = Number(process.argv[2] ?? 10_000);
const gc = globalThis.gc ?? (() => {});
// heapUsed plus array buffers: the per-campaign index lists are typed arrays, outside the JS heap.
const heapMb = () => {
  gc();
  gc();
  return (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers) / 1e6;
};

const clock = createManualClock();
const sim = new CampaignSimulator({ seed: 1, clock });
const id = `campaign-${devices}`;
const heapStart = heapMb();
let started = performance.now();
sim.getTask(id);
const buildMs = performance.now() - started;
clock.advance(1_200_000);

const statuses = [undefined, 'wait', 'processing', 'success', 'fail', 'stop'];
const rounds = 2_000;
for (let warm = 0; warm < 200; warm++) sim.querySubTasks(id, { pageNo: 0, pageSize: 100, subOperationStatus: statuses[warm % 6] });
const heapBefore = heapMb();
started = performance.now();
for (let round = 0; round < rounds; round++) {
  sim.querySubTasks(id, { pageNo: round % 5, pageSize: 100, subOperationStatus: statuses[round % 6] });
}
const pageUs = ((performance.now() - started) * 1000) / rounds;
started = performance.now();
for (let round = 0; round < rounds; round++) sim.getTask(id);
const taskUs = ((performance.now() - started) * 1000) / rounds;
const heapAfter = heapMb();

console.log(`campaign of ${devices} devices (Node ${process.version})`);
console.log(`  build (once):         ${buildMs.toFixed(1)} ms, heap +${(heapBefore - heapStart).toFixed(2)} MB`);
console.log(`  page of 100 (mixed):  ${pageUs.toFixed(1)} µs per query`);
console.log(`  task view:            ${taskUs.toFixed(1)} µs per query`);
console.log(`  heap after ${rounds * 2} queries: ${(heapAfter - heapBefore).toFixed(2)} MB growth${globalThis.gc ? '' : ' (run with --expose-gc for exact figures)'}`);
