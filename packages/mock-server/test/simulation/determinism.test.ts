import { describe, expect, it } from 'vitest';
import { allSubtasks, simulator } from './support.js';

function rollout(seed: number) {
  const { sim, clock } = simulator(seed);
  const created = sim.createTask('firmware_upgrade', {
    fileId: 'fw',
    targets: { deviceGroups: ['north', 'south'], deviceType: 'WaterMeter', model: 'WM-2', manufacturerName: 'Acme' },
  }).operationId;
  const frames: unknown[] = [];
  for (let step = 0; step < 12; step++) {
    frames.push(sim.getTask(created), allSubtasks(sim, created), sim.querySubTasks('campaign-300', { pageNo: 1, pageSize: 50, subOperationStatus: 'processing' }));
    clock.advance(30_000);
  }
  return { created, frames };
}

describe('seeds', () => {
  it('gives the same rollout for the same seed', () => {
    expect(rollout(42)).toEqual(rollout(42));
  });

  it('gives another rollout for another seed', () => {
    const a = rollout(42);
    const b = rollout(43);
    expect(b.created).not.toBe(a.created);
    expect(JSON.stringify(b.frames)).not.toBe(JSON.stringify(a.frames));
  });

  it('serves ready-made campaigns by id: campaign-<N> has N subtasks', () => {
    const { sim, clock } = simulator();
    clock.advance(120_000);
    expect(sim.getTask('campaign-1234')!.staResult.total).toBe(1234);
    expect(allSubtasks(sim, 'campaign-1234')).toHaveLength(1234);
    for (const id of ['campaign-0', 'campaign-100001', 'campaign-01', 'paged-10', 'nope']) expect(sim.getTask(id)).toBeUndefined();
    expect(sim.querySubTasks('nope')).toBeUndefined();
    // Not created, so not listed.
    expect(sim.listTasks().totalCount).toBe(0);
  });

  it('serves the same ready-made campaign after it was evicted from the cache', () => {
    const { sim, clock } = simulator();
    clock.advance(200_000);
    const before = sim.getTask('campaign-500');
    for (let n = 1; n <= 20; n++) sim.getTask(`campaign-${n}`);
    expect(sim.getTask('campaign-500')).toEqual(before);
  });
});
