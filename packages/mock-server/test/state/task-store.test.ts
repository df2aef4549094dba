// The task store's bound: the devices simulated over all created tasks are budgeted per instance.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/simulation/index.js';
import { TaskStore } from '../../src/state/task-store.js';

const devices = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

describe('TaskStore', () => {
  it('refuses a create beyond its device budget with a SimulationInputError, and keeps the tasks it has', () => {
    const store = new TaskStore([], { clock: createManualClock() }, 100);
    const first = store.create('firmware_upgrade', { fileId: 'f', targets: { devices: devices(60, 'a') } });
    expect(() => store.create('firmware_upgrade', { fileId: 'f', targets: { devices: devices(41, 'b') } })).toThrow(
      expect.objectContaining({ name: 'SimulationInputError', parameter: 'targets', message: expect.stringMatching(/at most 100 devices .*\(60 in use\)/) }),
    );
    const second = store.create('software_upgrade', { fileId: 'f', targets: { devices: devices(40, 'c') } });
    expect(store.list({}, { pageNo: 0, pageSize: 10 }).data.map((task) => (task as { operationId: string }).operationId)).toEqual([first.operationId, second.operationId]);
  });

  it('a refused create does not count against the budget', () => {
    const store = new TaskStore([], { clock: createManualClock() }, 10);
    expect(() => store.create('firmware_upgrade', { fileId: 'f', targets: { devices: devices(11, 'a') } })).toThrow(/at most 10 devices/);
    expect(() => store.create('firmware_upgrade', { fileId: 'f', targets: { devices: ['x', 'x'] } })).toThrow(/lists a device twice/);
    expect(store.create('firmware_upgrade', { fileId: 'f', targets: { devices: devices(10, 'b') } }).operationId).toMatch(/^[0-9a-f]{24}$/);
  });
});
