// Pages of any size, at instants where a page straddles the settled prefix, the active window and
// the pending suffix: the filtered pages put together are exactly the full list filtered.
import { describe, expect, it } from 'vitest';
import type { SubOperationInfo } from '../../src/simulation/index.js';
import { STATUSES, simulator } from './support.js';

describe('paging a 3 000-device campaign', () => {
  it.each([37, 100, 1])('pageSize %i: filtered pages = the full list filtered, in order', (pageSize) => {
    const { sim, clock } = simulator(9);
    for (const seconds of [0, 200, 700, 1_500]) {
      clock.set(sim.startedAtMs + seconds * 1000);
      const pages = (status?: (typeof STATUSES)[number]) => {
        const out: SubOperationInfo[] = [];
        for (let pageNo = 0; ; pageNo++) {
          const page = sim.querySubTasks('campaign-3000', { pageNo, pageSize, subOperationStatus: status ?? null })!;
          out.push(...page.data);
          if (page.data.length < pageSize || out.length === page.totalCount) return out;
        }
      };
      const everything = pageSize === 1 ? undefined : pages();
      for (const status of STATUSES) {
        const filtered = pages(status);
        expect(filtered.length).toBe(sim.getTask('campaign-3000')!.staResult[status]);
        if (everything) expect(filtered).toEqual(everything.filter((subtask) => subtask.status === status));
        else expect(filtered.every((subtask) => subtask.status === status)).toBe(true);
      }
    }
  });

  it('matches nothing for a status the spec may list but no simulated subtask takes, at any instant', () => {
    const { sim, clock } = simulator(9);
    const campaign = sim.campaign('campaign-3000')!;
    for (const seconds of [0, 700, 100_000]) {
      clock.set(sim.startedAtMs + seconds * 1000);
      const elapsed = sim.elapsedSeconds(campaign);
      expect(campaign.subtaskPage({ pageNo: 0, pageSize: 100, status: 'cancelled' }, elapsed)).toEqual({ pageNo: 0, pageSize: 100, totalCount: 0, data: [] });
      expect(campaign.subtaskPage({ pageNo: 0, pageSize: 100, status: 'wait' }, elapsed).totalCount).toBe(sim.getTask('campaign-3000')!.staResult.wait);
    }
  });
});
