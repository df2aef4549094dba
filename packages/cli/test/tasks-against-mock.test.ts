// `tasks`, `task` and `create` wired to the real client: the CLI in-process, connected through its
// environment to the real (Prism-based) mock on loopback, which answers the task operations from
// the spec's examples.
// `watch` needs a task that progresses: that is the stateful mock's (its simulator tests stay).
import { describe, expect, it } from 'vitest';
import { runInProcess, useRealMockEnv } from './support.js';

const env = useRealMockEnv();

describe('tasks, task and create against the mock', () => {
  it('task: prints one task as JSON, its counts included', async () => {
    const result = await runInProcess(['task', '5bf3a8c7e1d2f40001a3b4c5', '--format', 'json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const task = JSON.parse(result.stdout) as Record<string, any>;
    expect(task.operationId).toBeTypeOf('string');
    expect(['wait', 'processing', 'success', 'failed', 'stop']).toContain(task.status);
    const counts = task.staResult as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(['fail', 'processing', 'stop', 'success', 'timeout', 'total', 'wait']);
    expect(counts.wait! + counts.processing! + counts.success! + counts.fail! + counts.stop! + counts.timeout!).toBe(counts.total);
  });

  it('task: the table shows the counts per status', async () => {
    const result = await runInProcess(['task', '5bf3a8c7e1d2f40001a3b4c5'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/subtasks[\s│]+\d+: success \d+, fail \d+ \(timeout \d+\)/);
  });

  it('tasks: lists the task pages as ndjson, filters sent as the platform spells them', async () => {
    const result = await runInProcess(['tasks', '--status', 'failed', '--type', 'software_upgrade', '--format', 'ndjson'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const tasks = result.stdout.trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => typeof task.operationId === 'string')).toBe(true);
  });

  it('create firmware: prints the new operationId on stdout', async () => {
    const result = await runInProcess(['create', 'firmware', '--file-id', '5bd7e1a2c3f40001a2b3c4d5', '--devices', '8f9c2d4e-1b3a-4c5d-9e7f-0a1b2c3d4e5f'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\S+\n$/);
  });

  it('create software by device group, with a policy', async () => {
    const args = ['create', 'software', '--file-id', '5bd7e1a2c3f40001a2b3c4d5', '--device-group', 'watermeters-north', '--device-type', 'WaterMeter', '--model', 'BC95', '--manufacturer-name', 'Huawei'];
    const result = await runInProcess([...args, '--policy', '{"executeType":"now","retryType":true,"retryTimes":3}'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).not.toBe('');
  });

  it("create: a policy outside the spec's schema is a usage error (exit 2, one line)", async () => {
    const result = await runInProcess(['create', 'firmware', '--file-id', 'f1', '--devices', 'a', '--policy', '{"retryTimes":-1}'], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/policy\.retryTimes must be an integer/);
  });
});
