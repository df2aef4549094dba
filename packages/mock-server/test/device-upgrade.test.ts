// The Device Upgrade operations answered the platform's way, and consistent across calls of one
// mock instance: a created task is queryable, listed and has subtasks; a deleted package is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { call, credentials, exampleValue } from './support.js';

const base = '/iodm/northbound/v1.5.0';
const firmwareId = '5bd7e1a2c3f40001a2b3c4d5';
const softwareId = '5bd7e1a2c3f40001a2b3c4e6';

const get = (mock: MockServer, path: string, headers: Record<string, string> = credentials) => call(mock.url, `${base}${path}`, { headers });
const del = (mock: MockServer, path: string) => call(mock.url, `${base}${path}`, { method: 'DELETE', headers: credentials });
const post = (mock: MockServer, path: string, body: unknown, headers: Record<string, string> = credentials) =>
  call(mock.url, `${base}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

// What the Python SDK sends: every unset field null.
const sdkBody = (fileId: string, devices: string[]) => ({
  fileId,
  targets: { deviceGroups: null, deviceType: null, model: null, manufacturerName: null, devices },
  policy: null,
});

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const operations: [string, () => Promise<{ status: number; body: unknown }>][] = [
  ['queryUpgradePackageList', () => get(mock, '/category', {})],
  ['queryUpgradePackage', () => get(mock, `/category/${firmwareId}`, {})],
  ['deleteUpgradePackage', () => call(mock.url, `${base}/category/${firmwareId}`, { method: 'DELETE' })],
  ['createFirmwareUpgradeTask', () => post(mock, '/operations/firmwareUpgrade', sdkBody(firmwareId, ['d1']), {})],
  ['createSoftwareUpgradeTask', () => post(mock, '/operations/softwareUpgrade', sdkBody(softwareId, ['d1']), {})],
  ['queryUpgradeTask', () => get(mock, '/operations/5bf3a8c7e1d2f40001a3b4c5', {})],
  ['queryUpgradeTaskList', () => get(mock, '/operations', {})],
];

describe('the platform order of refusals', () => {
  it.each(operations)('%s without credentials: 403/1010005, before anything else is looked at', async (_name, request) => {
    const answer = await request();
    expect(answer).toMatchObject({ status: 403, body: { error_code: '1010005' } });
  });

  it.each([
    ['a package list with an unknown fileType', () => get(mock, '/category?fileType=zipPackage')],
    ['a task list with the subtask spelling of failed', () => get(mock, '/operations?operationStatus=fail')],
    ['a create without targets', () => post(mock, '/operations/firmwareUpgrade', { fileId: firmwareId })],
    ['a create whose body is not JSON', () => post(mock, '/operations/firmwareUpgrade', '{"fileId":')],
    ['a create with both devices and device groups', () =>
      post(mock, '/operations/softwareUpgrade', { fileId: softwareId, targets: { devices: ['d1'], deviceGroups: ['g'], deviceType: 't', model: 'm', manufacturerName: 'n' } })],
    ['a create of a device group without its model', () =>
      post(mock, '/operations/softwareUpgrade', { fileId: softwareId, targets: { deviceGroups: ['g'], deviceType: 't', manufacturerName: 'n', devices: null } })],
    ['a create with 257 device groups', () =>
      post(mock, '/operations/softwareUpgrade', { fileId: softwareId, targets: { deviceGroups: Array.from({ length: 257 }, (_, i) => `g${i}`), deviceType: 't', model: 'm', manufacturerName: 'n' } })],
  ])('%s: 400/120015 with the reason in x-mock-reason', async (_name, request) => {
    const answer = await request();
    expect(answer).toMatchObject({ status: 400, body: { error_code: '120015' } });
  });

  it('a page size beyond 100 of either list: 400/123029', async () => {
    for (const path of ['/category?pageSize=101', '/operations?pageSize=101']) {
      expect(await get(mock, path)).toMatchObject({ status: 400, body: { error_code: '123029' } });
    }
  });
});

describe('a fresh mock answers what the examples show', () => {
  it.each([
    ['/category', 'PackagesFirstPage'],
    ['/category?fileType=firmwarePackage', 'PackagesFirmwareOnly'],
    [`/category/${softwareId}`, 'SoftwarePackage'],
    ['/operations', 'TasksFirstPage'],
    ['/operations?operationStatus=failed', 'TasksFailedOnly'],
    ['/operations/5bf3a8c7e1d2f40001a3b4c5', 'FirmwareTaskProcessing'],
    ['/operations/5bf3a8c7e1d2f40001a3b4d6', 'SoftwareTaskFailed'],
  ])('GET %s is the example %s', async (path, example) => {
    const answer = await get(mock, path);
    expect(answer).toMatchObject({ status: 200, body: exampleValue(example) });
    expect(answer.headers.get('sl-violations')).toBeNull();
  });

  it('an unknown task is 404/123009, an unknown package 404/123002', async () => {
    expect(await get(mock, '/operations/no-such-task')).toMatchObject({ status: 404, body: exampleValue('TaskNotFound') });
    expect(await get(mock, '/category/no-such-package')).toMatchObject({ status: 404, body: exampleValue('PackageNotFound') });
  });
});

describe('consistency across calls of one instance', () => {
  it('a task created with the SDK body (nulls) is queryable, listed and has one subtask per device', async () => {
    const devices = ['meter-1', 'meter-2', 'meter-3'];
    const created = await post(mock, '/operations/firmwareUpgrade', sdkBody(firmwareId, devices));
    expect(created.status).toBe(200);
    const { operationId } = created.body as { operationId: string };
    expect(operationId).toMatch(/^[0-9a-f]{24}$/);
    expect(created.headers.get('sl-violations')).toBeNull();

    const task = await get(mock, `/operations/${operationId}`);
    expect(task).toMatchObject({ status: 200, body: { operationId, operateType: 'firmware_upgrade', targets: { devices }, staResult: { total: 3 } } });
    expect(task.headers.get('sl-violations')).toBeNull();

    const listed = await get(mock, '/operations?operationType=firmware_upgrade&pageSize=100');
    expect((listed.body as { data: { operationId: string }[] }).data.map((t) => t.operationId)).toContain(operationId);
    const byDevice = await get(mock, '/operations?deviceId=meter-2');
    expect(byDevice.body).toMatchObject({ totalCount: 1, data: [{ operationId }] });

    const subtasks = await get(mock, `/operations/${operationId}/subOperations?pageSize=100`);
    expect(subtasks.status).toBe(200);
    expect((subtasks.body as { totalCount: number; data: { deviceId: string }[] }).data.map((s) => s.deviceId)).toEqual(devices);
    expect(subtasks.headers.get('sl-violations')).toBeNull();
  });

  it('a software task for a device group answers its own type; the list counts it', async () => {
    const body = exampleValue('SoftwareUpgradeByDeviceGroup');
    const before = (await get(mock, '/operations')).body as { totalCount: number };
    const created = await post(mock, '/operations/softwareUpgrade', body);
    expect(created.status).toBe(200);
    const { operationId } = created.body as { operationId: string };
    const task = (await get(mock, `/operations/${operationId}`)).body as { operateType: string; policy: unknown; staResult: { total: number } };
    expect(task).toMatchObject({ operateType: 'software_upgrade', policy: { executeType: 'now', retryTimes: 3 } });
    expect(task.staResult.total).toBeGreaterThanOrEqual(20);
    expect(((await get(mock, '/operations')).body as { totalCount: number }).totalCount).toBe(before.totalCount + 1);
  });

  it('a deleted package is gone for this instance only: 404/123002 on every later call', async () => {
    const own = await startMockServer();
    try {
      const deleted = await del(own, `/category/${softwareId}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toBe('');
      expect(await get(own, `/category/${softwareId}`)).toMatchObject({ status: 404, body: { error_code: '123002' } });
      expect(await del(own, `/category/${softwareId}`)).toMatchObject({ status: 404, body: { error_code: '123002' } });
      expect(await get(own, '/category')).toMatchObject({ body: { totalCount: 1, data: [{ fileId: firmwareId }] } });
      expect(await post(own, '/operations/softwareUpgrade', sdkBody(softwareId, ['d1']))).toMatchObject({ status: 404, body: { error_code: '123002' } });
      // Another instance still has it.
      expect(await get(mock, `/category/${softwareId}`)).toMatchObject({ status: 200, body: { fileId: softwareId } });
    } finally {
      await own.close();
    }
  });

  it('a Prefer scenario answers without side effects: no task is created', async () => {
    const before = ((await get(mock, '/operations')).body as { totalCount: number }).totalCount;
    const forced = await post(mock, '/operations/firmwareUpgrade', sdkBody(firmwareId, ['d9']), { ...credentials, prefer: 'example=FirmwareTaskCreated' });
    expect(forced).toMatchObject({ status: 200, body: exampleValue('FirmwareTaskCreated') });
    expect(((await get(mock, '/operations')).body as { totalCount: number }).totalCount).toBe(before);
  });
});

describe('hostile input to the Device Upgrade operations: a platform error, never a crash', () => {
  const postRaw = (path: string, body: string) => post(mock, path, body);
  it.each([
    ['a body that is a JSON array', () => postRaw('/operations/firmwareUpgrade', '[]')],
    ['a body that is JSON null', () => postRaw('/operations/firmwareUpgrade', 'null')],
    ['targets that is a string', () => postRaw('/operations/firmwareUpgrade', JSON.stringify({ fileId: firmwareId, targets: 'all' }))],
    ['devices that are numbers', () => postRaw('/operations/firmwareUpgrade', JSON.stringify({ fileId: firmwareId, targets: { devices: [1, 2] } }))],
    ['an empty device list and no groups', () => postRaw('/operations/firmwareUpgrade', JSON.stringify({ fileId: firmwareId, targets: { devices: [] } }))],
    ['a device listed twice', () => postRaw('/operations/firmwareUpgrade', JSON.stringify({ fileId: firmwareId, targets: { devices: ['d', 'd'] } }))],
    ['an empty fileId', () => postRaw('/operations/firmwareUpgrade', JSON.stringify({ fileId: '', targets: { devices: ['d'] } }))],
    ['a policy with a negative retryTimes', () => postRaw('/operations/firmwareUpgrade', JSON.stringify({ fileId: firmwareId, targets: { devices: ['d'] }, policy: { retryTimes: -1 } }))],
    ['a fileId that is not valid percent-encoding', () => get(mock, '/category/%E0%A4%A')],
    ['an operationId that is not valid percent-encoding', () => get(mock, '/operations/%C3%28')],
    ['a pageNo written in hex', () => get(mock, '/operations?pageNo=0x1')],
    ['a version given twice', () => get(mock, '/category?version=a&version=b')],
  ])('%s: 400/120015', async (_name, request) => {
    expect(await request()).toMatchObject({ status: 400, body: { error_code: '120015' } });
  });

  it('ids that look like paths or ready-made campaigns beyond the limit are unknown tasks, not crashes', async () => {
    for (const id of ['..%2F..%2Fcategory', 'campaign-100001', 'campaign-0', 'paged-100001', '__proto__', 'constructor']) {
      expect(await get(mock, `/operations/${id}`)).toMatchObject({ status: 404, body: { error_code: '123009' } });
    }
    for (const id of ['__proto__', 'hasOwnProperty', '..%2F5bd7e1a2c3f40001a2b3c4d5']) {
      expect(await get(mock, `/category/${id}`)).toMatchObject({ status: 404, body: { error_code: '123002' } });
    }
  });
});

describe('the tasks the mock knows, and no others', () => {
  it('paged-<N> is a task too: its counts and devices agree with its subtasks', async () => {
    const task = await get(mock, '/operations/paged-23');
    expect(task.status).toBe(200);
    const subtasks = (await get(mock, '/operations/paged-23/subOperations?pageSize=100')).body as { data: { deviceId: string; status: string }[] };
    const count = (status: string) => subtasks.data.filter((s) => s.status === status).length;
    expect(task.body).toMatchObject({
      operationId: 'paged-23',
      status: 'processing',
      targets: { devices: subtasks.data.map((s) => s.deviceId) },
      staResult: { total: 23, wait: count('wait'), processing: count('processing'), success: count('success'), fail: count('fail'), stop: count('stop'), timeout: 0 },
    });
  });

  it.each(['no-such-task', 'paged-1000000', 'campaign-x'])('answers %s with 404/123009 on the task and on its subtasks', async (id) => {
    for (const answer of [await get(mock, `/operations/${id}`), await get(mock, `/operations/${id}/subOperations`)]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(exampleValue('TaskNotFound'));
    }
  });

  it.each([
    ['/operations/error-123029/subOperations', 400, 'PageOutOfRange'],
    ['/operations/error-100001/subOperations', 500, 'InternalServerError'],
    ['/operations/error-1010009/subOperations', 403, 'AppThrottleExceeded'],
    ['/operations/error-1010005', 403, 'InvalidAccessToken'],
    ['/operations/error-120015', 400, 'BadRequest'],
    ['/category/error-100001', 500, 'InternalServerError'],
  ])('rehearses a documented error by id: %s is %i %s', async (path, status, example) => {
    const answer = await get(mock, path);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual(exampleValue(example));
  });

  it('an error-<code> the operation does not document is just an id it does not know', async () => {
    expect(await get(mock, '/operations/error-123002/subOperations')).toMatchObject({ status: 404, body: { error_code: '123009' } });
    expect(await get(mock, '/category/error-123029')).toMatchObject({ status: 404, body: { error_code: '123002' } });
  });

  it('answers a package it does not know with 404/123002 on the query and the delete', async () => {
    for (const answer of [await get(mock, '/category/no-such-package'), await del(mock, '/category/no-such-package')]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(exampleValue('PackageNotFound'));
    }
  });
});
