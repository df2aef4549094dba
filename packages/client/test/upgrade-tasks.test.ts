// The upgrade task operations on the wire: createFirmwareTask, createSoftwareTask, getTask,
// queryTasks, listTasks and their Python SDK shapes, with an observing fetch.
import { describe, expect, it } from 'vitest';
import { createNorthboundClient, TaskNotFoundError, UnexpectedResponseError, ValidationError, type CreateUpgradeTaskInDTO } from '../src/index.js';
import { appId, baseUrl, errorResponse, platformErrors, secret, tokenResponse } from './support/platform-fixtures.js';
import { isLogin, recordingFetch, type Handler } from './support/recording-fetch.js';
import { deviceIds, fileId, newTaskId, task, taskPage } from './support/upgrade-fixtures.js';

const operationsPath = '/iodm/northbound/v1.5.0/operations';

function clientWith(answer: Handler) {
  const recorder = recordingFetch((request, index) => (isLogin(request) ? Response.json(tokenResponse(1)) : answer(request, index)));
  const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });
  const calls = () => recorder.requests.filter((request) => !isLogin(request));
  return { client, calls };
}

const created = () => Response.json({ operationId: newTaskId });
const byDevices: CreateUpgradeTaskInDTO = { fileId, targets: { devices: deviceIds } };
const byGroup: CreateUpgradeTaskInDTO = {
  fileId,
  targets: { deviceGroups: ['watermeters-north'], deviceType: 'WaterMeter', model: 'BC95', manufacturerName: 'Huawei' },
  policy: { executeType: 'now', startTime: '20181126T080000Z', endTime: '20181127T080000Z', retryType: true, retryTimes: 3 },
};

describe('createFirmwareTask and createSoftwareTask', () => {
  it.each([
    ['createFirmwareTask', 'firmwareUpgrade'],
    ['createSoftwareTask', 'softwareUpgrade'],
  ] as const)('%s POSTs the JSON body to /operations/%s and returns the operationId', async (method, path) => {
    const { client, calls } = clientWith(created);
    expect(await client[method](byGroup)).toEqual({ operationId: newTaskId });
    const [request] = calls();
    expect(request!.method).toBe('POST');
    expect(request!.url.pathname).toBe(`${operationsPath}/${path}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.authorization).toBe(`Bearer ${tokenResponse(1).accessToken}`);
    expect(JSON.parse(request!.body)).toEqual(byGroup);
  });

  const groups = (n: number) => Array.from({ length: n }, (_, i) => `group-${i}`);
  const group = { deviceType: 'WaterMeter', model: 'BC95', manufacturerName: 'Huawei' };
  it.each([
    ['257 device groups', { fileId, targets: { deviceGroups: groups(257), ...group } }, 'targets.deviceGroups'],
    ['a group without model', { fileId, targets: { deviceGroups: ['g'], deviceType: 'WaterMeter', manufacturerName: 'Huawei' } }, 'targets.model'],
    ['groups and devices', { fileId, targets: { deviceGroups: ['g'], ...group, devices: deviceIds } }, 'targets'],
    ['neither groups nor devices', { fileId, targets: { devices: [] } }, 'targets'],
    ['no targets', { fileId }, 'targets'],
    ['no fileId', { targets: { devices: deviceIds } }, 'fileId'],
    ['an empty fileId', { fileId: '', targets: { devices: deviceIds } }, 'fileId'],
    ['a device id over 256 characters', { fileId, targets: { devices: ['d'.repeat(257)] } }, 'targets.devices[0]'],
    ['the URL template misspelling manufactureName', { fileId, targets: { deviceGroups: ['g'], ...group, manufactureName: 'Huawei' } }, 'targets.manufactureName'],
    ['a startTime not in the platform format', { ...byDevices, policy: { startTime: '2018-11-26T08:00:00Z' } }, 'policy.startTime'],
    ['a negative retryTimes', { ...byDevices, policy: { retryTimes: -1 } }, 'policy.retryTimes'],
    ['a retryType that is not a boolean', { ...byDevices, policy: { retryType: 'yes' } }, 'policy.retryType'],
  ])('refuses %s before sending', async (_, body, parameter) => {
    const { client, calls } = clientWith(created);
    const error = await client.createFirmwareTask(body as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe(parameter);
    expect(calls()).toHaveLength(0);
  });

  it('accepts exactly 256 device groups', async () => {
    const { client, calls } = clientWith(created);
    await client.createSoftwareTask({ fileId, targets: { deviceGroups: groups(256), ...group } });
    expect(JSON.parse(calls()[0]!.body).targets.deviceGroups).toHaveLength(256);
  });

  // The mock's simulation and the CLI refuse these too (one checker option): the client must not send what they refuse.
  it.each([
    ['targets.devices[1]', { fileId, targets: { devices: [deviceIds[0]!, ''] } }],
    ['targets.deviceGroups[0]', { fileId, targets: { deviceGroups: [''], ...group } }],
    ['targets.deviceType', { fileId, targets: { deviceGroups: ['g'], ...group, deviceType: '' } }],
    ['targets.model', { fileId, targets: { deviceGroups: ['g'], ...group, model: '' } }],
    ['targets.manufacturerName', { fileId, targets: { deviceGroups: ['g'], ...group, manufacturerName: '' } }],
    ['policy.executeType', { ...byDevices, policy: { executeType: '' } }],
  ])('refuses an empty %s before sending, by either method', async (path, body) => {
    const { client, calls } = clientWith(created);
    const refusal = { name: 'ValidationError', parameter: path, message: `${path} is empty; leave it out instead` };
    await expect(client.createSoftwareTask(body as never)).rejects.toMatchObject({ ...refusal, operation: 'createSoftwareUpgradeTask' });
    await expect(client.createFirmwareUpgradeTask(body as never)).rejects.toMatchObject({ ...refusal, operation: 'createFirmwareUpgradeTask' });
    expect(calls()).toHaveLength(0);
  });

  it('refuses a 200 without an operationId', async () => {
    const { client } = clientWith(() => Response.json({}));
    await expect(client.createFirmwareTask(byDevices)).rejects.toBeInstanceOf(UnexpectedResponseError);
  });
});

describe('a create is repeated only when the platform surely did nothing with it', () => {
  it('a rejected token (403/1010005): one re-login, the create sent again, one task', async () => {
    const { client, calls } = clientWith((_, index) => (index === 1 ? errorResponse(platformErrors.invalidToken) : created()));
    expect(await client.createFirmwareTask(byDevices)).toEqual({ operationId: newTaskId });
    expect(calls().map((r) => r.url.pathname)).toEqual([`${operationsPath}/firmwareUpgrade`, `${operationsPath}/firmwareUpgrade`]);
  });

  it('a login that failed with a 500 before the create left: retried, the create sent once', async () => {
    let logins = 0;
    const recorder = recordingFetch((request) => {
      if (!isLogin(request)) return created();
      logins += 1;
      return logins === 1 ? errorResponse(platformErrors.serverError, { 'retry-after': '0' }) : Response.json(tokenResponse(1));
    });
    const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch, maxRetries: 1 });
    expect(await client.createSoftwareTask(byDevices)).toEqual({ operationId: newTaskId });
    expect(recorder.requests.filter((r) => !isLogin(r))).toHaveLength(1);
    expect(logins).toBe(2);
  });

  it('a 500 after the create left: ServerError, not sent again', async () => {
    const { client, calls } = clientWith(() => errorResponse(platformErrors.serverError, { 'retry-after': '0' }));
    await expect(client.createFirmwareTask(byDevices, { maxRetries: 3 })).rejects.toMatchObject({ name: 'ServerError', operation: 'createFirmwareUpgradeTask' });
    expect(calls()).toHaveLength(1);
  });
});

describe('getTask', () => {
  it('sends GET /operations/{operationId}, percent-encoded, and returns the task', async () => {
    const { client, calls } = clientWith(() => Response.json(task(1)));
    expect(await client.getTask('a/b?c')).toEqual(task(1));
    expect(calls()[0]!.href).toBe(`${baseUrl}${operationsPath}/a%2Fb%3Fc`);
  });

  it('maps 404/123009 to TaskNotFoundError', async () => {
    const { client } = clientWith(() => errorResponse(platformErrors.taskNotFound));
    await expect(client.getTask(newTaskId)).rejects.toMatchObject({ name: 'TaskNotFoundError', operation: 'queryUpgradeTask', errorCode: '123009' });
    await expect(client.getTask(newTaskId)).rejects.toBeInstanceOf(TaskNotFoundError);
  });
});

const pagesOf = (totalCount: number) => (request: { url: URL }) =>
  Response.json(taskPage(Number(request.url.searchParams.get('pageNo') ?? 0), Number(request.url.searchParams.get('pageSize') ?? 10), totalCount));

describe('queryTasks and listTasks', () => {
  it('queryTasks sends GET /operations with the filters', async () => {
    const { client, calls } = clientWith(pagesOf(2));
    const page = await client.queryTasks({ operationType: 'software_upgrade', status: 'failed', deviceId: deviceIds[0], pageNo: 0, pageSize: 10 });
    expect(page.data).toHaveLength(2);
    expect(calls()[0]!.url.pathname).toBe(operationsPath);
    expect(calls()[0]!.url.search).toBe(`?operationType=software_upgrade&operationStatus=failed&deviceId=${deviceIds[0]}&pageNo=0&pageSize=10`);
  });

  it('refuses the subtask spelling "fail", suggesting the task list\'s "failed"', async () => {
    const { client, calls } = clientWith(pagesOf(2));
    await expect(client.queryTasks({ status: 'fail' as never })).rejects.toThrow(
      new ValidationError('status', 'status must be one of wait, processing, failed, success, stop, got "fail" (did you mean "failed"?)', 'queryUpgradeTaskList'),
    );
    expect(calls()).toHaveLength(0);
  });

  it('still accepts the deprecated operationStatus, and refuses it when it contradicts status', async () => {
    const { client, calls } = clientWith(pagesOf(2));
    await client.listTasks({ operationStatus: 'failed' }).toArray();
    expect(calls()[0]!.url.searchParams.get('operationStatus')).toBe('failed');
    await client.queryTasks({ status: 'failed', operationStatus: 'failed' });
    expect(calls()[1]!.url.searchParams.get('operationStatus')).toBe('failed');
    await expect(client.queryTasks({ status: 'failed', operationStatus: 'success' })).rejects.toMatchObject({ name: 'ValidationError', parameter: 'status' });
    expect(() => client.listTasks({ status: 'wait', operationStatus: 'success' })).toThrow(/not both with different values/);
    expect(calls()).toHaveLength(2);
  });

  it('listTasks walks every page, in order', async () => {
    const { client, calls } = clientWith(pagesOf(205));
    const ids = [];
    for await (const found of client.listTasks({ status: 'failed' })) ids.push(found.operationId);
    expect(ids).toEqual(Array.from({ length: 205 }, (_, i) => task(i).operationId));
    expect(calls()).toHaveLength(3);
  });

  it('listTasks stops when a page holds more than pageSize items', async () => {
    const { client } = clientWith(() => Response.json(taskPage(0, 20, 20)));
    await expect(client.listTasks({ pageSize: 10 }).toArray()).rejects.toThrow(/more than pageSize 10/);
  });
});

describe('the Python SDK shapes', () => {
  it('createFirmwareUpgradeTask(cutInDTO, accessToken) sends the SDK body with its nulls', async () => {
    const { client, calls } = clientWith(created);
    const cutInDTO = {
      fileId,
      targets: { deviceGroups: null, deviceType: null, model: null, manufacturerName: null, devices: deviceIds },
      policy: null,
    };
    expect(await client.createFirmwareUpgradeTask(cutInDTO, 'caller-access-token-01')).toEqual({ operationId: newTaskId });
    expect(JSON.parse(calls()[0]!.body)).toEqual(cutInDTO);
    expect(calls()[0]!.headers.authorization).toBe('Bearer caller-access-token-01');
  });

  it('createSoftwareUpgradeTask(cutInDTO, accessToken) with a policy whose unset fields are null', async () => {
    const { client, calls } = clientWith(created);
    const cutInDTO = { ...byGroup, policy: { executeType: 'now', startTime: null, endTime: null, retryType: null, retryTimes: null } };
    await client.createSoftwareUpgradeTask(cutInDTO, null);
    expect(calls()[0]!.url.pathname).toBe(`${operationsPath}/softwareUpgrade`);
    expect(JSON.parse(calls()[0]!.body).policy.startTime).toBeNull();
  });

  it('queryUpgradeTask(operationId, accessToken)', async () => {
    const { client, calls } = clientWith(() => Response.json(task(3)));
    expect((await client.queryUpgradeTask(newTaskId, 'caller-access-token-01')).operationId).toBe(task(3).operationId);
    expect(calls()[0]!.url.pathname).toBe(`${operationsPath}/${newTaskId}`);
  });

  it('queryUpgradeTaskList(qutlInDTO, accessToken): nulls left out, strings for numbers', async () => {
    const { client, calls } = clientWith(pagesOf(2));
    const qutlInDTO = { operationType: null, operationStatus: 'failed', deviceType: null, model: null, manufacturerName: null, deviceId: null, pageNo: '1', pageSize: '5' };
    await client.queryUpgradeTaskList(qutlInDTO, 'caller-access-token-01');
    expect(calls()[0]!.url.search).toBe('?operationStatus=failed&pageNo=1&pageSize=5');
  });

  it('an accessToken too short to redact is refused before sending', async () => {
    const { client, calls } = clientWith(pagesOf(2));
    await expect(client.queryUpgradeTaskList(null, 'short')).rejects.toMatchObject({ parameter: 'accessToken' });
    expect(calls()).toHaveLength(0);
  });
});
