// Each named example of the version package operations (list, one package, delete), by
// `Prefer: example=…`, through the typed methods and the Python SDK's call shapes.
import { describe, expect, it } from 'vitest';
import { ERROR_CLASS_BY_EXAMPLE, sentTimes } from './examples.js';
import type { SuiteContext } from './harness.js';
import { ANY_FILE_ID, DELETE_PACKAGE, PACKAGE, PACKAGE_LIST } from './operations.js';

export function definePackageScenarioTests({ examples, harness, rejectionOf, target }: SuiteContext): void {
  const of = (operationId: string, status: (s: number) => boolean) =>
    examples.filter((e) => e.operationId === operationId && status(e.status)).map((e) => [e.key, e] as const);
  const ok = (s: number) => s === 200;
  const failed = (s: number) => s >= 400;

  describe('version packages, by scenario', () => {
    it.each(of(PACKAGE_LIST, ok))('package list %s: queryPackages returns the page as sent', async (key, example) => {
      const { client } = harness({ prefer: { [PACKAGE_LIST]: `example=${key}` } });
      expect(await client.queryPackages({ pageNo: 0, pageSize: 10 })).toEqual(example.value);
    });

    it.each(of(PACKAGE_LIST, failed))('package list %s: queryPackages and queryUpgradePackageList raise its error class', async (key, example) => {
      const { client } = harness({ prefer: { [PACKAGE_LIST]: `example=${key}` } });
      const typed = await rejectionOf(client.queryPackages());
      const sdk = await rejectionOf(client.queryUpgradePackageList({ fileType: null, pageNo: '0', pageSize: '10' }, null));
      for (const error of [typed, sdk]) {
        expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
        expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: PACKAGE_LIST });
      }
    });

    it.each(of(PACKAGE, ok))('one package %s: getPackage and queryUpgradePackage return it as sent', async (key, example) => {
      const { client } = harness({ prefer: { [PACKAGE]: `example=${key}` } });
      expect(await client.getPackage(ANY_FILE_ID)).toEqual(example.value);
      expect(await client.queryUpgradePackage(ANY_FILE_ID, null)).toEqual(example.value);
    });

    it.each(of(PACKAGE, failed))('one package %s: getPackage raises its error class', async (key, example) => {
      const { client } = harness({ prefer: { [PACKAGE]: `example=${key}` } });
      const error = await rejectionOf(client.getPackage(ANY_FILE_ID));
      expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
      expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: PACKAGE });
    });
  });

  const writes = target.writes ? describe : describe.skip;
  writes('deleting a version package, by scenario (changes the server: NORTHBOUND_ALLOW_WRITES=1 on a provider)', () => {
    it('deleted (200, no body): deletePackage and deleteUpgradePackage resolve', async () => {
      const { client, exchanges } = harness({ prefer: { [DELETE_PACKAGE]: 'code=200' } });
      await expect(client.deletePackage(ANY_FILE_ID)).resolves.toBeUndefined();
      await expect(client.deleteUpgradePackage(ANY_FILE_ID, null)).resolves.toBeUndefined();
      expect(exchanges.filter((e) => e.operationId === DELETE_PACKAGE).map((e) => e.status)).toEqual([200, 200]);
    });

    it.each(of(DELETE_PACKAGE, failed))('delete %s: deletePackage raises its error class, sent once', async (key, example) => {
      const { client, exchanges } = harness({ prefer: { [DELETE_PACKAGE]: `example=${key}` }, client: { maxRetries: 1 } });
      const error = await rejectionOf(client.deletePackage(ANY_FILE_ID));
      expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
      expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: DELETE_PACKAGE });
      // Only a throttled delete is repeated: the platform did nothing with it.
      const sent = exchanges.filter((e) => e.operationId === DELETE_PACKAGE).length;
      expect(sent).toBe(sentTimes(key));
    });
  });
}
