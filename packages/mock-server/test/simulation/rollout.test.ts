import { describe, expect, it } from 'vitest';
import { SUBTASK_TIMEOUT_SECONDS, type SubtaskStatus } from '../../src/simulation/index.js';
import { allSubtasks, rank, simulator, STATUSES } from './support.js';

const devices = Array.from({ length: 240 }, (_, i) => `device-${i}`);

describe('a campaign on a controlled clock', () => {
  it('conserves the counts, moves every subtask only forward, and keeps task, list and pages consistent', () => {
    const { sim, clock } = simulator();
    const { operationId } = sim.createTask('firmware_upgrade', { fileId: 'fw-1', targets: { devices } });
    const lastStatus = new Map<string, SubtaskStatus>();
    const taskStatuses: string[] = [];
    for (let step = 0; step < 200; step++) {
      const task = sim.getTask(operationId)!;
      const { staResult } = task;
      expect(staResult.total).toBe(devices.length);
      expect(staResult.wait + staResult.processing + staResult.success + staResult.fail + staResult.stop).toBe(staResult.total);
      expect(staResult.timeout).toBeLessThanOrEqual(staResult.fail);

      const everything = allSubtasks(sim, operationId);
      for (const status of STATUSES) {
        const filtered = allSubtasks(sim, operationId, status);
        expect(filtered.length).toBe(staResult[status]);
        // The filtered list is the full list with the others left out, in the same order.
        expect(filtered).toEqual(everything.filter((subtask) => subtask.status === status));
      }
      expect(everything.filter((s) => s.detailInfo.startsWith('Timeout')).length).toBe(staResult.timeout);

      for (const subtask of everything) {
        const before = lastStatus.get(subtask.deviceId);
        if (before !== undefined) {
          expect(rank[subtask.status]).toBeGreaterThanOrEqual(rank[before]);
          if (rank[before] === 2) expect(subtask.status).toBe(before);
        }
        lastStatus.set(subtask.deviceId, subtask.status);
      }
      const listed = sim.listTasks({ pageSize: 100 }).data.find((info) => info.operationId === operationId)!;
      expect(listed).toEqual(task);
      const byStatus = sim.listTasks({ operationStatus: task.status }).data.map((info) => info.operationId);
      expect(byStatus).toContain(operationId);
      if (taskStatuses.at(-1) !== task.status) taskStatuses.push(task.status);
      clock.advance(3_000);
    }
    // 240 devices = 5 batches: it ends within the last batch's start + jitter + timeout.
    expect(taskStatuses[0]).toBe('wait');
    expect(taskStatuses).toContain('processing');
    expect(['success', 'failed', 'stop']).toContain(taskStatuses.at(-1));
    expect(sim.getTask(operationId)!.stopTime).toMatch(/^\d{8}T\d{6}Z$/);
    expect([...lastStatus.values()].every((status) => rank[status] === 2)).toBe(true);
  });

  it('derives the task status from its subtasks: failed when one failed, success when all succeeded', () => {
    const { sim, clock } = simulator(3);
    const ids: string[] = [];
    for (let n = 0; n < 500; n++) ids.push(sim.createTask('software_upgrade', { fileId: 'sw', targets: { devices: [`only-${n}`] } }).operationId);
    clock.advance((SUBTASK_TIMEOUT_SECONDS + 60) * 1000);
    const seen = new Set<string>();
    for (const id of ids) {
      const task = sim.getTask(id)!;
      const [subtask] = sim.querySubTasks(id)!.data;
      const expected = { success: 'success', fail: 'failed', stop: 'stop' }[subtask!.status as 'success'];
      expect(task.status).toBe(expected);
      seen.add(task.status);
    }
    expect(seen).toEqual(new Set(['success', 'failed', 'stop']));
  });

  it('shows times the platform way: start once started, stop once ended', () => {
    const { sim, clock } = simulator();
    const { operationId } = sim.createTask('firmware_upgrade', { fileId: 'fw', targets: { devices: ['a'] } });
    const waiting = sim.querySubTasks(operationId)!.data[0]!;
    expect(waiting).toMatchObject({ status: 'wait', createTime: '20260101T080000Z', operateType: 'firmware_upgrade', deviceId: 'a' });
    expect(waiting.startTime).toBeUndefined();
    expect(sim.getTask(operationId)).toMatchObject({ status: 'wait', createTime: '20260101T080000Z' });
    clock.advance((SUBTASK_TIMEOUT_SECONDS + 10) * 1000);
    const ended = sim.querySubTasks(operationId)!.data[0]!;
    expect(ended.startTime! <= ended.stopTime!).toBe(true);
    expect(sim.getTask(operationId)!.stopTime).toBe(ended.stopTime);
  });

  it('runs faster with speed: 60 simulated seconds per real second', () => {
    const slow = simulator(5, 1);
    const fast = simulator(5, 60);
    const request = { fileId: 'fw', targets: { devices } };
    const a = slow.sim.createTask('firmware_upgrade', request).operationId;
    const b = fast.sim.createTask('firmware_upgrade', request).operationId;
    slow.clock.advance(600_000);
    fast.clock.advance(10_000);
    expect(fast.sim.getTask(b)!.staResult).toEqual(slow.sim.getTask(a)!.staResult);
  });
});
