// The version packages through the client, without scenarios: safe on any provider (reads only).
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { operationsOf, type SuiteContext } from './harness.js';
import { LOGIN, PACKAGE, PACKAGE_LIST } from './operations.js';

export function definePackageTests({ harness, freshToken }: SuiteContext): void {
  describe('version packages through the client', () => {
    it('lists the packages page by page, and each listed package can be queried by its fileId', async () => {
      const { client, exchanges: own } = harness();
      const largestPage = pagingOf(PACKAGE_LIST).pageSize.maximum;
      const packages = await client.listPackages({ pageSize: largestPage }).toArray();
      const pages = own.filter((e) => e.operationId === PACKAGE_LIST);
      expect(pages[0]!.url.searchParams.get('pageSize')).toBe(String(largestPage));
      expect(packages).toHaveLength(Math.min(...pages.map((p) => (p.body as { totalCount: number }).totalCount)));
      for (const listed of packages.slice(0, 3)) {
        const found = await client.getPackage(listed.fileId);
        expect(found.fileId).toBeTypeOf('string');
      }
      expect(operationsOf(own)[0]).toBe(LOGIN);
    });

    it('sends the filters the contract names, spelt manufacturerName', async () => {
      const { client, exchanges: own } = harness();
      await client.queryPackages({ fileType: 'firmwarePackage', manufacturerName: 'Huawei', pageNo: 0, pageSize: 5 });
      expect(Object.fromEntries(own.at(-1)!.url.searchParams)).toEqual({ fileType: 'firmwarePackage', manufacturerName: 'Huawei', pageNo: '0', pageSize: '5' });
    });

    it("answers the Python SDK's call shape with the caller's token", async () => {
      const token = await freshToken();
      const { client, exchanges: own } = harness({ accessToken: token });
      const page = await client.queryUpgradePackageList({ fileType: null, deviceType: null, model: null, manufacturerName: null, version: null, pageNo: '0', pageSize: '10' }, token);
      expect(operationsOf(own)).toEqual([PACKAGE_LIST]);
      expect(page).toEqual(own[0]!.body);
      // A listed package must be queryable by its fileId (an empty list has nothing to query).
      const first = page.data[0];
      if (first === undefined) return;
      expect((await client.queryUpgradePackage(first.fileId, token)).fileId).toBeTypeOf('string');
      expect(operationsOf(own)).toEqual([PACKAGE_LIST, PACKAGE]);
    });
  });
}
