import { describe, expect, it } from 'vitest';
import { CampaignSimulator, SimulationInputError } from '../../src/simulation/index.js';
import { allSubtasks, simulator } from './support.js';

const group = { deviceGroups: ['g1'], deviceType: 'Meter', model: 'M1', manufacturerName: 'Acme' };

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulationInputError);
    return (error as SimulationInputError).parameter;
  }
  throw new Error('no error');
}

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

  it('checks page and filter values, strings included, with a hint for the fail/failed spellings', () => {
    const { sim } = simulator();
    expect(sim.querySubTasks('campaign-30', { pageNo: '1', pageSize: '20' })!.data).toHaveLength(10);
    expect(refusal(() => sim.querySubTasks('campaign-30', { pageSize: 101 }))).toBe('pageSize');
    expect(refusal(() => sim.querySubTasks('campaign-30', { pageNo: -1 }))).toBe('pageNo');
    expect(refusal(() => sim.querySubTasks('campaign-30', { pageNo: '1.5' }))).toBe('pageNo');
    expect(() => sim.querySubTasks('campaign-30', { subOperationStatus: 'failed' })).toThrow(/subtasks spell it 'fail'/);
    expect(() => sim.listTasks({ operationStatus: 'fail' })).toThrow(/tasks spell it 'failed'/);
    expect(() => new CampaignSimulator({ speed: 0 })).toThrow(SimulationInputError);
    expect(() => new CampaignSimulator({ seed: 1.5 })).toThrow(SimulationInputError);
  });
});
