// The platform keeps only the newest access token of an application valid (the mock simulates it
// for the tokens it issues), so the client must log in once for concurrent calls, and log in
// again once when another client of the same app has made its token stale. Neither test needs
// anything mock-only (no Prefer, no mock conventions): both run against a provider too.
import { describe, expect, it } from 'vitest';
import { operationsOf, type SuiteContext } from './harness.js';
import { LOGIN, SUBTASKS } from './operations.js';
import { platformAnswer } from './platform-errors.js';
import type { Json } from '../schema.js';


export function defineTokenTests({ target, harness }: SuiteContext): void {
  describe('single-flight login and the newest-token rule', () => {
    it('20 concurrent queries on a fresh client: all succeed after exactly one login', async () => {
      // A provider may throttle 20 calls at once (1010009): let the client retry there.
      const { client, exchanges: own } = harness({ client: { maxRetries: target.kind === 'mock' ? 0 : 3 } });
      const pages = await Promise.all(Array.from({ length: 20 }, () => client.querySubTasks(target.pagedTaskId, { pageSize: 3 })));
      expect(pages).toHaveLength(20);
      for (const page of pages) expect(page).toMatchObject({ data: expect.any(Array), totalCount: expect.any(Number) });
      expect(operationsOf(own).filter((op) => op === LOGIN)).toEqual([LOGIN]);
      expect(own[0]!.operationId).toBe(LOGIN);
      const queries = own.filter((e) => e.operationId === SUBTASKS);
      expect(queries.filter((e) => e.status === 200)).toHaveLength(20);
      const token = `Bearer ${(own[0]!.body as Json).accessToken}`;
      expect(queries.every((e) => e.requestHeaders.get('authorization') === token)).toBe(true);
    });

    it("a second client's login makes the first one's token stale: 403/1010005, one login, then success", async () => {
      const first = harness();
      const second = harness();
      await first.client.querySubTasks(target.pagedTaskId, { pageSize: 3 });
      const firstToken = `Bearer ${(first.exchanges[0]!.body as Json).accessToken}`;
      await second.client.querySubTasks(target.pagedTaskId, { pageSize: 3 });
      expect(operationsOf(second.exchanges)).toEqual([LOGIN, SUBTASKS]);

      const before = first.exchanges.length;
      const page = await first.client.querySubTasks(target.pagedTaskId, { pageSize: 3 });
      expect(page).toMatchObject({ data: expect.any(Array) });
      const after = first.exchanges.slice(before);
      expect(operationsOf(after)).toEqual([SUBTASKS, LOGIN, SUBTASKS]);
      expect(after[0]!.requestHeaders.get('authorization')).toBe(firstToken);
      expect(after[0]).toMatchObject(platformAnswer('1010005'));
      const renewed = `Bearer ${(after[1]!.body as Json).accessToken}`;
      expect(renewed).not.toBe(firstToken);
      expect(after[2]).toMatchObject({ status: 200 });
      expect(after[2]!.requestHeaders.get('authorization')).toBe(renewed);
    });
  });
}
