// Each named example of the upgrade task operations (create firmware/software, one task, the
// list), by `Prefer: example=…`, through the typed methods and the Python SDK's call shapes.
import { describe, expect, it } from 'vitest';
import { ERROR_CLASS_BY_EXAMPLE, sentTimes } from './examples.js';
import type { SuiteContext } from './harness.js';
import { ANY_TASK_ID, CREATE_FIRMWARE_TASK, CREATE_SOFTWARE_TASK, SDK_CREATE_BODY, TASK, TASK_LIST } from './operations.js';

export function defineTaskScenarioTests({ examples, harness, rejectionOf, target }: SuiteContext): void {
  const of = (operationId: string, status: (s: number) => boolean) =>
    examples.filter((e) => e.operationId === operationId && status(e.status)).map((e) => [e.key, e] as const);
  const ok = (s: number) => s === 200;
  const failed = (s: number) => s >= 400;

  describe('upgrade tasks, by scenario', () => {
    it.each(of(TASK_LIST, ok))('task list %s: queryTasks and queryUpgradeTaskList return the page as sent', async (key, example) => {
      const { client } = harness({ prefer: { [TASK_LIST]: `example=${key}` } });
      expect(await client.queryTasks({ pageNo: 0, pageSize: 10 })).toEqual(example.value);
      expect(await client.queryUpgradeTaskList({ operationStatus: null, pageNo: '0', pageSize: '10' }, null)).toEqual(example.value);
    });

    it.each(of(TASK_LIST, failed))('task list %s: queryTasks raises its error class', async (key, example) => {
      const { client } = harness({ prefer: { [TASK_LIST]: `example=${key}` } });
      const error = await rejectionOf(client.queryTasks());
      expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
      expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: TASK_LIST });
    });

    it.each(of(TASK, ok))('one task %s: getTask and queryUpgradeTask return it as sent', async (key, example) => {
      const { client } = harness({ prefer: { [TASK]: `example=${key}` } });
      expect(await client.getTask(ANY_TASK_ID)).toEqual(example.value);
      expect(await client.queryUpgradeTask(ANY_TASK_ID, null)).toEqual(example.value);
    });

    it.each(of(TASK, failed))('one task %s: getTask raises its error class', async (key, example) => {
      const { client } = harness({ prefer: { [TASK]: `example=${key}` } });
      const error = await rejectionOf(client.getTask(ANY_TASK_ID));
      expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
      expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: TASK });
    });
  });

  const writes = target.writes ? describe : describe.skip;
  writes('creating upgrade tasks, by scenario (changes the server: NORTHBOUND_ALLOW_WRITES=1 on a provider)', () => {
    const creates = [
      [CREATE_FIRMWARE_TASK, 'createFirmwareTask'],
      [CREATE_SOFTWARE_TASK, 'createSoftwareTask'],
    ] as const;
    for (const [operationId, method] of creates) {
      it.each(of(operationId, ok))(`${operationId} %s: ${method} and the SDK shape return the new operationId`, async (key, example) => {
        const { client } = harness({ prefer: { [operationId]: `example=${key}` } });
        expect(await client[method]({ fileId: SDK_CREATE_BODY.fileId, targets: { devices: SDK_CREATE_BODY.targets.devices } })).toEqual(example.value);
        expect(await client[operationId](SDK_CREATE_BODY, null)).toEqual(example.value);
      });

      it.each(of(operationId, failed))(`${operationId} %s: ${method} raises its error class, sent once unless throttled`, async (key, example) => {
        const { client, exchanges } = harness({ prefer: { [operationId]: `example=${key}` }, client: { maxRetries: 1 } });
        const error = await rejectionOf(client[operationId](SDK_CREATE_BODY, null));
        expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
        expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: operationId });
        // A 500 may have come after the task was made: never repeated. Throttling is.
        const sent = exchanges.filter((e) => e.operationId === operationId).length;
        expect(sent).toBe(sentTimes(key));
      });
    }
  });
}
