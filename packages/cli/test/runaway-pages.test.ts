// Pagers that cannot run away: against a hostile platform on loopback whose pages never end (the
// same 100 items on every page, a totalCount near 2×10⁹), every listing command stops with one
// error line and exit 1 after the first page, in every format; the walk's checks on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedItems, type ListedPage } from '../src/api/checked-pages.js';
import { cliEnvFor, runInProcess } from './support.js';
import { startRunawayPlatform } from './runaway-platform.js';

let platform: Awaited<ReturnType<typeof startRunawayPlatform>>;
let env: Record<string, string>;
beforeAll(async () => {
  platform = await startRunawayPlatform();
  env = cliEnvFor(platform.url);
});
afterAll(async () => {
  await platform?.close();
});

const runaway = /^iodm-northbound: (subtasks of \S+|tasks|packages): the platform's paging does not add up: page 1 repeats 100 item\(s\) already listed; stopped after 100 item\(s\)\n$/;

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
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(/paging does not add up: page 1 repeats 100 item\(s\)/);
    expect(result.code).toBe(1);
  });

  it('fresh items with a totalCount that jumps: stopped by totalCount', async () => {
    const jumping = await startRunawayPlatform({ fresh: true, totalCount: (pageNo) => (pageNo < 3 ? 1_000 : 2_000_000_000) });
    try {
      const result = await runInProcess(['subtasks', 'op-1', '--format', 'ndjson'], { env: { ...env, NORTHBOUND_BASE_URL: jumping.url } });
      expect(result.stderr).toMatch(/totalCount moved from 1000 to 2000000000 \(more than 1000\); stopped after 300 item\(s\)/);
      expect(result.code).toBe(1);
    } finally {
      await jumping.close();
    }
  });
});

async function* pagesOf(pages: ListedPage<{ id: string }>[]) {
  yield* pages;
}
const ids = (...numbers: number[]) => numbers.map((n) => ({ id: `i${n}` }));
const walk = async (pages: ListedPage<{ id: string }>[], pageSize = 3) => {
  const listed: string[] = [];
  for await (const item of checkedItems(pagesOf(pages), { what: 'items', idOf: (item) => item.id, pageSize })) listed.push(item.id);
  return listed;
};

describe('checkedItems', () => {
  it('lists an item that a live list shifted onto the next page once', async () => {
    expect(await walk([{ totalCount: 6, data: ids(1, 2, 3) }, { totalCount: 6, data: ids(3, 4, 5) }, { totalCount: 6, data: ids(6) }])).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
  });

  it('stops when the items that came twice outnumber a page', async () => {
    const pages = [0, 1, 2, 3, 4].map((n) => ({ totalCount: 100, data: ids(n * 2, n * 2 + 1, n * 2 + 2) }));
    await expect(walk(pages)).rejects.toThrow(/4 items came more than once; stopped after 9 item\(s\)/);
  });

  it('stops a walk longer than the first page promised, or a page larger than asked', async () => {
    const pages = Array.from({ length: 40 }, (_, n) => ({ totalCount: 3, data: ids(n * 3, n * 3 + 1, n * 3 + 2) }));
    await expect(walk(pages)).rejects.toThrow(/more items than the first page's totalCount \(3\)/);
    await expect(walk([{ totalCount: 4, data: ids(1, 2, 3, 4) }])).rejects.toThrow(/page 0 holds 4 items, more than pageSize 3/);
  });
});
