// Every Device Upgrade method over a real loopback connection (the client's default undici
// fetch) against the real Prism-based mock, which answers from the spec's examples and honours
// `Prefer`. The contract suite (packages/contract-tests) checks every response against the schema.
import { startMockServer } from '@iodm-northbound/mock-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNorthboundClient, PackageNotFoundError, TaskNotFoundError, type NorthboundClient } from '../src/index.js';
import { appId, secret } from './support/platform-fixtures.js';
import { deviceIds, fileId, softwareFileId } from './support/upgrade-fixtures.js';

let mock: Awaited<ReturnType<typeof startMockServer>>;
let client: NorthboundClient;

// A mock per test: the mock keeps state per instance (a delete removes the package, a create
// starts a campaign), so no test depends on what another one did before it.
beforeEach(async () => {
  mock = await startMockServer();
  client = createNorthboundClient({ baseUrl: mock.url, appId, secret }, { maxRetries: 0 });
});
afterEach(async () => {
  await client?.close();
  await mock?.close();
});

/** A client whose Device Upgrade requests carry `Prefer: example=<key>` (the mock's scenario header). */
function preferring(key: string): NorthboundClient {
  const fetch = (request: Request) => {
    if (new URL(request.url).pathname.startsWith('/iocm/')) return globalThis.fetch(request);
    const headers = new Headers(request.headers);
    headers.set('prefer', `example=${key}`);
    return globalThis.fetch(new Request(request, { headers }));
  };
  return createNorthboundClient({ baseUrl: mock.url, appId, secret }, { maxRetries: 0, fetch });
}

describe('the Device Upgrade methods against the real mock', () => {
  it('queryPackages, listPackages, getPackage', async () => {
    const page = await client.queryPackages({ fileType: 'firmwarePackage', pageNo: 0, pageSize: 10 });
    expect(page.data.length).toBeGreaterThan(0);
    const all = await client.listPackages().toArray();
    expect(all.map((p) => p.fileId)).toContain(page.data[0]!.fileId);
    expect((await client.getPackage(page.data[0]!.fileId)).fileId).toBeTypeOf('string');
  });

  it('deletePackage resolves on the 200 without a body, and the package is gone', async () => {
    await expect(client.deletePackage(fileId)).resolves.toBeUndefined();
    await expect(client.getPackage(fileId)).rejects.toBeInstanceOf(PackageNotFoundError);
  });

  it('createFirmwareTask and createSoftwareTask return the operationId of a task that exists', async () => {
    const firmware = await client.createFirmwareTask({ fileId, targets: { devices: deviceIds } });
    expect((await client.getTask(firmware.operationId)).operationId).toBe(firmware.operationId);
    const byGroup = { deviceGroups: ['watermeters-north'], deviceType: 'WaterMeter', model: 'BC95', manufacturerName: 'Huawei' };
    const software = await client.createSoftwareTask({ fileId: softwareFileId, targets: byGroup, policy: { executeType: 'now' } });
    expect(software.operationId).not.toBe(firmware.operationId);
    expect((await client.getTask(software.operationId)).operationId).toBe(software.operationId);
  });

  it('a create for a package the mock does not know is a PackageNotFoundError', async () => {
    await client.deletePackage(fileId);
    await expect(client.createFirmwareTask({ fileId, targets: { devices: deviceIds } })).rejects.toBeInstanceOf(PackageNotFoundError);
  });

  it('getTask, queryTasks, listTasks', async () => {
    const page = await client.queryTasks({ status: 'failed', pageNo: 0, pageSize: 10 });
    expect(page.data.every((task) => typeof task.operationId === 'string')).toBe(true);
    const tasks = await client.listTasks().toArray();
    expect(tasks.length).toBeGreaterThan(0);
    expect((await client.getTask(tasks[0]!.operationId)).operationId).toBeTypeOf('string');
  });

  it('the Python SDK shapes with the SDK DTOs', async () => {
    const packages = await client.queryUpgradePackageList({ fileType: null, manufacturerName: null, pageNo: '0', pageSize: '10' }, null);
    expect(packages.totalCount).toBeGreaterThanOrEqual(packages.data.length);
    const targets = { deviceGroups: null, deviceType: null, model: null, manufacturerName: null, devices: deviceIds };
    expect((await client.createFirmwareUpgradeTask({ fileId, targets, policy: null }, null)).operationId).toBeTypeOf('string');
    expect((await client.createSoftwareUpgradeTask({ fileId: softwareFileId, targets, policy: null }, null)).operationId).toBeTypeOf('string');
    const tasks = await client.queryUpgradeTaskList({ operationStatus: null, pageNo: '0', pageSize: '10' }, null);
    expect((await client.queryUpgradeTask(tasks.data[0]!.operationId, null)).operationId).toBeTypeOf('string');
    expect((await client.queryUpgradePackage(packages.data[0]!.fileId, null)).fileId).toBeTypeOf('string');
    await expect(client.deleteUpgradePackage(packages.data[0]!.fileId, null)).resolves.toBeUndefined();
  });

  it('the not-found answers become PackageNotFoundError and TaskNotFoundError', async () => {
    await expect(preferring('PackageNotFound').getPackage(fileId)).rejects.toBeInstanceOf(PackageNotFoundError);
    await expect(preferring('PackageNotFound').deletePackage(fileId)).rejects.toBeInstanceOf(PackageNotFoundError);
    await expect(preferring('TaskNotFound').getTask('no-such-task')).rejects.toBeInstanceOf(TaskNotFoundError);
  });
});
