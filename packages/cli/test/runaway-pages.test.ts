// Pagers that cannot run away: against a hostile platform on loopback whose pages never end (the
// same 100 items on every page, a totalCount near 2×10⁹), every listing command stops with one
// error line and exit 1 after the first page, in every format. The simulator's lists go through the
// same pager (the client's PageIterator): its checks seen through the CLI, on pages made to order.
import type { PlatformPage } from '@iodm-northbound/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorUpgradeApi, type SimulatorLike } from '../src/api/simulator-api.js';
import type { TaskInfo } from '../src/api/upgrade-api.js';
import { runInProcess } from './support.js';
import { startRunawayPlatform } from './runaway-platform.js';

let platform: Awaited<ReturnType<typeof startRunawayPlatform>>;
let env: Record<string, string>;
beforeAll(async () => {
  platform = await startRunawayPlatform();
  env = platform.env;
});
afterAll(async () => {
  await platform?.close();
});

const runaway = /^iodm-northbound: (subtasks of \S+|tasks|packages): \w+: the server's paging is inconsistent: page 1 repeats 100 item\(s\) already listed; stopped after 100 item\(s\)\n$/;

describe('a platform whose pages never end', () => {
  it.each(['table', 'csv', 'json', 'ndjson'])('subtasks --format %s stops after the first page with exit 1', async (format) => {
    const result = await runInProcess(['subtasks', 'op-1', '--format', format], { env });
    expect(result.stderr).toMatch(runaway);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').length).toBeLessThan(220); // the first page's 100 rows at most
    expect(result.stdout).toContain('device-000000000000000000000099'); // the rows listed before the stop are shown
  });

  it.each([['tasks'], ['packages']])('%s stops the same way', async (command) => {
    const result = await runInProcess([command, '--format', 'ndjson'], { env });
    expect(result.stderr).toMatch(runaway);
    expect(result.code).toBe(1);
  });

  it('watch: the failure walk after a failed task stops the same way', async () => {
    const result = await runInProcess(['watch', 'op-1', '--interval', '100ms'], { env });
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(/subtasks of op-1: queryUpgradeSubTask: the server's paging is inconsistent: page 1 repeats 100 item\(s\) already listed/);
    expect(result.code).toBe(1);
  });

  it('fresh items with a totalCount that jumps: stopped by totalCount', async () => {
    const jumping = await startRunawayPlatform({ fresh: true, totalCount: (pageNo) => (pageNo < 3 ? 1_000 : 2_000_000_000) });
    try {
      const result = await runInProcess(['subtasks', 'op-1', '--format', 'ndjson'], { env: jumping.env });
      expect(result.stderr).toMatch(/totalCount moved from 1000 to 2000000000 \(more than 1000\); stopped after 300 item\(s\)\n$/);
      expect(result.code).toBe(1);
    } finally {
      await jumping.close();
    }
  });
});

/** A simulator whose task list answers `pages` (by pageNo; empty past them). */
function simulatorOf(pages: readonly Omit<PlatformPage<{ id: string }>, 'pageNo'>[]): SimulatorUpgradeApi {
  const asTask = ({ id }: { id: string }) => ({ operationId: id, status: 'wait', staResult: { total: 0, wait: 0, processing: 0, success: 0, fail: 0, stop: 0, timeout: 0 } }) satisfies TaskInfo;
  const simulator: Pick<SimulatorLike, 'listTasks'> = {
    listTasks: ({ pageNo }) => ({ pageNo, totalCount: pages[pageNo]?.totalCount ?? 0, data: (pages[pageNo]?.data ?? []).map(asTask) }),
  };
  return new SimulatorUpgradeApi(simulator as SimulatorLike);
}
const ids = (...numbers: number[]) => numbers.map((n) => ({ id: `i${n}` }));
const listTasks = (pages: Parameters<typeof simulatorOf>[0]) => runInProcess(['tasks', '--page-size', '3', '--format', 'ndjson'], { api: simulatorOf(pages) });
const listedIds = (stdout: string) => stdout.trimEnd().split('\n').filter(Boolean).map((line) => (JSON.parse(line) as TaskInfo).operationId);

describe("the simulator's lists, through the client's pager", () => {
  it('an item that a live list shifted onto the next page is listed once', async () => {
    const result = await listTasks([{ totalCount: 7, data: ids(1, 2, 3) }, { totalCount: 7, data: ids(3, 4, 5) }, { totalCount: 7, data: ids(6, 7) }]);
    expect(result.stderr).toBe('');
    expect(listedIds(result.stdout)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7']);
  });

  it('stops with exit 1 when the items that came twice outnumber a page', async () => {
    const result = await listTasks([0, 1, 2, 3, 4].map((n) => ({ totalCount: 100, data: ids(n * 2, n * 2 + 1, n * 2 + 2) })));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("iodm-northbound: tasks: queryUpgradeTaskList: the server's paging is inconsistent: page 4 brings the items that came more than once to 4, more than pageSize 3; stopped after 9 item(s)\n");
  });

  it('stops a walk longer than the first page promised, or a page larger than asked', async () => {
    const longer = await listTasks([{ totalCount: 4, data: ids(1, 2, 3) }, { totalCount: 10, data: ids(4, 5, 6) }, { totalCount: 10, data: ids(7, 8, 9) }]);
    expect(longer.code).toBe(1);
    expect(longer.stderr).toMatch(/page 2 holds items, but totalCount allows 2 page\(s\) of 3; stopped after 6 item\(s\)\n$/);
    const larger = await listTasks([{ totalCount: 4, data: ids(1, 2, 3, 4) }]);
    expect(larger.code).toBe(1);
    expect(larger.stderr).toMatch(/page 0 holds 4 items, more than pageSize 3; stopped after 0 item\(s\)\n$/);
  });
});
