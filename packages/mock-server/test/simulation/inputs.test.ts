import { describe, expect, it } from 'vitest';
import { simulationRejection } from '../../src/behaviours/behaviour.js';
import { CampaignSimulator, SimulationInputError } from '../../src/simulation/index.js';
import { allSubtasks, refusalError, simulator } from './support.js';

const group = { deviceGroups: ['g1'], deviceType: 'Meter', model: 'M1', manufacturerName: 'Acme' };

const refusal = (action: () => unknown): string => refusalError(action).parameter;

describe('create-task requests', () => {
  it('expands a device group to a deterministic set of devices, the same in every simulator', () => {
    const a = simulator(1).sim;
    const b = simulator(99).sim;
    const idA = a.createTask('firmware_upgrade', { fileId: 'f', targets: group, policy: null }).operationId;
    const idB = b.createTask('firmware_upgrade', { fileId: 'f', targets: group }).operationId;
    const devicesA = allSubtasks(a, idA).map((s) => s.deviceId);
    expect(devicesA).toEqual(allSubtasks(b, idB).map((s) => s.deviceId));
    expect(new Set(devicesA).size).toBe(devicesA.length);
    expect(devicesA.length).toBeGreaterThanOrEqual(20);
    expect(a.listTasks({ deviceId: devicesA[3]! }).totalCount).toBe(1);
    expect(a.listTasks({ deviceId: 'sim-00000000-000001' }).totalCount).toBe(0);
    expect(a.listTasks({ deviceType: 'Meter', model: 'M1', manufacturerName: 'Acme', operationType: 'firmware_upgrade' }).totalCount).toBe(1);
    expect(a.listTasks({ operationType: 'software_upgrade' }).totalCount).toBe(0);
  });

  it("accepts the SDK's nulls and answers without them", () => {
    const { sim } = simulator();
    const targets = { devices: ['d1', 'd2'], deviceGroups: null, deviceType: null, model: null, manufacturerName: null };
    const { operationId } = sim.createTask('software_upgrade', { fileId: 'sw', targets, policy: null });
    const task = sim.getTask(operationId)!;
    expect(task.targets).toEqual({ devices: ['d1', 'd2'] });
    expect('policy' in task).toBe(false);
  });

  it('refuses what the platform documents as invalid, naming the parameter', () => {
    const { sim } = simulator();
    const create = (body: unknown) => () => sim.createTask('firmware_upgrade', body as never);
    expect(refusal(create({ targets: { devices: ['a'] } }))).toBe('fileId');
    expect(refusal(create({ fileId: 'f' }))).toBe('targets');
    expect(refusal(create({ fileId: 'f', targets: { devices: ['a'], ...group } }))).toBe('targets');
    expect(refusal(create({ fileId: 'f', targets: { devices: [] } }))).toBe('targets');
    expect(refusal(create({ fileId: 'f', targets: { ...group, model: null } }))).toBe('targets.model');
    expect(refusal(create({ fileId: 'f', targets: { ...group, deviceGroups: Array.from({ length: 257 }, (_, i) => `g${i}`) } }))).toBe('targets.deviceGroups');
    expect(refusal(create({ fileId: 'f', targets: { devices: ['a', 'a'] } }))).toBe('targets.devices');
    expect(refusal(create(null))).toBe('body');
  });

  it("holds the body to the spec's create schema (limits, formats, empty texts), as Prism does over HTTP", () => {
    const { sim } = simulator();
    const create = (body: unknown, type = 'firmware_upgrade') => () => sim.createTask(type as never, body as never);
    const devices = { devices: ['a'] };
    expect(refusal(create({ fileId: 'f', targets: { devices: [''] } }))).toBe('targets.devices[0]');
    expect(refusal(create({ fileId: 'f', targets: { devices: ['x'.repeat(257)] } }))).toBe('targets.devices[0]');
    expect(refusal(create({ fileId: 'f', targets: { ...group, deviceGroups: ['g1', ''] } }))).toBe('targets.deviceGroups[1]');
    expect(refusal(create({ fileId: 'f', targets: { ...group, deviceType: '' } }))).toBe('targets.deviceType');
    expect(refusal(create({ fileId: 'f', targets: devices, policy: { startTime: '2026-01-01' } }))).toBe('policy.startTime');
    expect(refusal(create({ fileId: 'f', targets: devices, policy: { executeType: '' } }))).toBe('policy.executeType');
    expect(refusal(create({ fileId: 'f', targets: devices, policy: { retryTimes: -1 } }))).toBe('policy.retryTimes');
    expect(refusal(create({ fileId: '', targets: devices }))).toBe('fileId');
    expect(refusal(create({ fileId: 'f', targets: devices }, 'hardware_upgrade'))).toBe('operateType');
    expect(refusal(create({ fileId: 'f', targets: devices }, '__proto__'))).toBe('operateType');
    expect(() => sim.createTask('firmware_upgrade', { fileId: 'f', targets: { devices: [''] } })).toThrow(new SimulationInputError('targets.devices[0]', 'is empty; leave it out instead'));
    expect(sim.createTask('software_upgrade', { fileId: 'f', targets: devices, policy: { startTime: '20260101T000000Z', retryTimes: 2 } }).operationId).toMatch(/^[0-9a-f]{24}$/);
  });

  it('checks page and filter values, strings included, with the checker near miss for the fail/failed spellings', () => {
    const { sim } = simulator();
    expect(sim.querySubTasks('campaign-30', { pageNo: '1', pageSize: '20' })!.data).toHaveLength(10);
    expect(refusal(() => sim.querySubTasks('campaign-30', { pageSize: 101 }))).toBe('pageSize');
    expect(refusal(() => sim.querySubTasks('campaign-30', { pageNo: -1 }))).toBe('pageNo');
    expect(refusal(() => sim.querySubTasks('campaign-30', { pageNo: '1.5' }))).toBe('pageNo');
    expect(() => sim.querySubTasks('campaign-30', { subOperationStatus: 'failed' })).toThrow(
      new SimulationInputError('subOperationStatus', 'must be one of wait, processing, fail, success, stop, got "failed" (did you mean "fail"?)'),
    );
    expect(() => sim.listTasks({ operationStatus: 'fail' })).toThrow(
      new SimulationInputError('operationStatus', 'must be one of wait, processing, failed, success, stop, got "fail" (did you mean "failed"?)'),
    );
    expect(() => new CampaignSimulator({ speed: 0 })).toThrow(SimulationInputError);
    expect(() => new CampaignSimulator({ seed: 1.5 })).toThrow(SimulationInputError);
  });

  it('reads page numbers from text as the client and the CLI do: plain decimal only', () => {
    const { sim } = simulator();
    for (const text of ['10.0', '010', '+5', '-0', '1e1', ' 5']) {
      const error = refusalError(() => sim.querySubTasks('campaign-30', { pageSize: text }));
      expect(error.message).toBe(`pageSize: must be an integer from 1 to 100, got ${JSON.stringify(text)}`);
      expect(error.outOfRange).toBe(false);
    }
  });

  it('refuses an empty filter as the client, the CLI and the HTTP side do; null still leaves it out', () => {
    const { sim } = simulator();
    sim.createTask('firmware_upgrade', { fileId: 'f', targets: group });
    for (const name of ['deviceType', 'model', 'manufacturerName', 'deviceId'] as const) {
      expect(refusalError(() => sim.listTasks({ [name]: '' })).message).toBe(`${name}: is empty; leave it out instead`);
      expect(sim.listTasks({ [name]: null }).totalCount).toBe(1);
    }
    // An enum filter's empty value is not one of its values.
    expect(refusalError(() => sim.listTasks({ operationType: '' })).message).toBe('operationType: must be one of firmware_upgrade, software_upgrade, got ""');
    expect(refusal(() => sim.listTasks({ operationStatus: '' }))).toBe('operationStatus');
    expect(refusal(() => sim.querySubTasks('campaign-30', { subOperationStatus: '' }))).toBe('subOperationStatus');
    expect(refusal(() => sim.querySubTasks('campaign-30', { pageSize: '' }))).toBe('pageSize');
    expect(sim.querySubTasks('campaign-30', { pageNo: null, pageSize: null, subOperationStatus: null })!.totalCount).toBe(30);
  });
});

describe('the platform answer to a refused query', () => {
  const answer = (action: () => unknown) => simulationRejection(refusalError(action));

  it('is "beyond the limit" (123029) only for a page number or size out of its bounds', () => {
    const { sim } = simulator();
    expect(answer(() => sim.querySubTasks('campaign-30', { pageSize: 101 }))).toMatchObject({ rejection: { reason: 'page-range' } });
    expect(answer(() => sim.querySubTasks('campaign-30', { pageNo: '-1' }))).toMatchObject({ rejection: { reason: 'page-range' } });
  });

  it('is a bad request (120015) for an empty or malformed page value and an empty filter, as over HTTP', () => {
    const { sim } = simulator();
    for (const pageSize of ['', '10.0', '010', 'ten']) {
      expect(answer(() => sim.querySubTasks('campaign-30', { pageSize }))).toMatchObject({ rejection: { reason: 'invalid' } });
    }
    expect(answer(() => sim.listTasks({ model: '' }))).toMatchObject({ rejection: { reason: 'invalid', details: ['model: is empty; leave it out instead'] } });
  });
});
