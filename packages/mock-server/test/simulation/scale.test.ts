// A 10 000-device campaign, paged with and without filters at several instants: the answers stay
// consistent and the heap does not grow with the number of queries. The bound is generous (a hang
// guard for leaks, not a speed or size target); bench/simulation.mjs prints the figures.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { STATUSES, simulator } from './support.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a 10 000-device campaign', () => {
  it('pages consistently, and memory does not grow per query', () => {
    const { sim, clock } = simulator(11);
    clock.advance(1_200_000); // 20 simulated minutes in: all three ranges are populated
    const query = () => {
      const task = sim.getTask('campaign-10000')!;
      let sum = 0;
      for (const status of STATUSES) {
        const last = Math.max(0, Math.ceil(task.staResult[status] / 100) - 1);
        const page = sim.querySubTasks('campaign-10000', { pageNo: last, pageSize: 100, subOperationStatus: status })!;
        expect(page.totalCount).toBe(task.staResult[status]);
        expect(page.data.every((subtask) => subtask.status === status)).toBe(true);
        sum += page.totalCount;
      }
      expect(sum).toBe(10_000);
    };
    for (let warm = 0; warm < 50; warm++) query();
    const before = heapAfterGc();
    for (let round = 0; round < 1_000; round++) query();
    const growth = heapAfterGc() - before;
    expect(growth).toBeLessThan(2_000_000);
  });
});
