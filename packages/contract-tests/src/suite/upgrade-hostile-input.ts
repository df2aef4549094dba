// Input the client refuses for the package and task operations, sent past it (tampered), must be
// refused by the server too; and a write without a token must change nothing (403/1010005).
import { BadRequestError, InvalidTokenError, PageOutOfRangeError } from '@iodm-northbound/client';
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { operationsOf, type SuiteContext } from './harness.js';
import { ANY_FILE_ID, CREATE_FIRMWARE_TASK, DELETE_PACKAGE, LOGIN, PACKAGE_LIST, SDK_CREATE_BODY, TASK_LIST } from './operations.js';
import { platformError } from './platform-errors.js';

export function defineUpgradeHostileInputTests({ target, harness, rejectionOf }: SuiteContext): void {
  describe('hostile input to the package and task operations', () => {
    it.each([
      ['the subtask spelling "fail" as operationStatus', TASK_LIST, (url: URL) => url.searchParams.set('operationStatus', 'fail'), BadRequestError, '120015'],
      ['an unknown operationType', TASK_LIST, (url: URL) => url.searchParams.set('operationType', 'hardware_upgrade'), BadRequestError, '120015'],
      ['an unknown fileType', PACKAGE_LIST, (url: URL) => url.searchParams.set('fileType', 'image'), BadRequestError, '120015'],
      ['an oversized pageSize', PACKAGE_LIST, (url: URL) => url.searchParams.set('pageSize', String(pagingOf(PACKAGE_LIST).pageSize.maximum + 1)), PageOutOfRangeError, '123029'],
      ['a negative pageNo', TASK_LIST, (url: URL) => url.searchParams.set('pageNo', String(pagingOf(TASK_LIST).pageNo.minimum - 1)), PageOutOfRangeError, '123029'],
    ] as const)('a list request with %s that gets past the client is answered with the platform error', async (_label, operation, change, ErrorKind, errorCode) => {
      const { client } = harness({ tamper: (url, _headers, operationId) => operationId === operation && change(url) });
      const error = await rejectionOf(operation === TASK_LIST ? client.queryTasks() : client.queryPackages());
      expect(error).toBeInstanceOf(ErrorKind);
      expect(error).toMatchObject({ ...platformError(errorCode), operation });
    });

    // Without a token nothing may happen, so these are safe on a provider too.
    it.each([
      [DELETE_PACKAGE, 'deletePackage'],
      [CREATE_FIRMWARE_TASK, 'createFirmwareTask'],
    ] as const)('%s without an access token is answered 403/1010005, after one re-login', async (operation, method) => {
      const { client, exchanges: own } = harness({ tamper: (_url, headers, operationId) => operationId === operation && headers.delete('authorization') });
      const call = method === 'deletePackage' ? client.deletePackage(ANY_FILE_ID) : client.createFirmwareTask({ fileId: ANY_FILE_ID, targets: { devices: SDK_CREATE_BODY.targets.devices } });
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect(operationsOf(own)).toEqual([LOGIN, operation, LOGIN, operation]);
    });
  });

  const writes = target.writes ? describe : describe.skip;
  writes('hostile create bodies (NORTHBOUND_ALLOW_WRITES=1 on a provider)', () => {
    it.each([
      ['no fileId', (body: Record<string, unknown>) => ({ ...body, fileId: undefined })],
      ['no targets', (body: Record<string, unknown>) => ({ ...body, targets: undefined })],
    ])('a create with %s that gets past the client is answered 400/120015', async (_label, change) => {
      const { client } = harness({ tamperBody: (body, operationId) => (operationId === CREATE_FIRMWARE_TASK ? change(body) : body) });
      const error = await rejectionOf(client.createFirmwareUpgradeTask(SDK_CREATE_BODY, null));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ ...platformError('120015'), operation: CREATE_FIRMWARE_TASK });
    });
  });
}
