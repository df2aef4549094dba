import { describe, expect, it } from 'vitest';
import { CampaignSimulator, createManualClock } from '../../mock-server/dist/simulation/index.js';
import { SimulatorUpgradeApi } from '../src/api/simulator-api.js';
import { causeOf, renderFailureSummary, summarizeFailures } from '../src/watch/failure-summary.js';
import { estimate, formatDuration } from '../src/watch/progress-estimate.js';

describe('failure summary', () => {
  it('groups the failed and stopped subtasks by cause, counts matching the task', async () => {
    const clock = createManualClock();
    const simulator = new CampaignSimulator({ seed: 4, clock });
    clock.advance(3_600_000);
    const api = new SimulatorUpgradeApi(simulator);
    const task = await api.getTask('campaign-2000');
    const groups = await summarizeFailures(api, 'campaign-2000');
    const sum = (status: string) => groups.filter((g) => g.status === status).reduce((total, g) => total + g.count, 0);
    expect(sum('fail')).toBe(task.staResult.fail);
    expect(sum('stop')).toBe(task.staResult.stop);
    expect(groups.find((g) => g.cause === 'Timeout')!.count).toBe(task.staResult.timeout);
    expect(groups.map((g) => g.count)).toEqual([...groups.map((g) => g.count)].sort((a, b) => b - a));
    expect(groups.every((g) => g.examples.length === Math.min(3, g.count))).toBe(true);
    const text = renderFailureSummary('campaign-2000', groups);
    expect(text).toContain(`${task.staResult.fail + task.staResult.stop} subtask(s) of campaign-2000 did not succeed:`);
    expect(text).toMatch(/Device offline/);
  });

  it('takes the cause from detailInfo', () => {
    expect(causeOf({ detailInfo: 'Battery low: the device refused' })).toBe('Battery low');
    expect(causeOf({ detailInfo: 'Device did not respond.' })).toBe('Device did not respond.');
    expect(causeOf({ detailInfo: '  ' })).toBe('(no detailInfo)');
    expect(causeOf({})).toBe('(no detailInfo)');
  });
});

describe('rate and ETA', () => {
  it('estimates from the progress since the first observation', () => {
    expect(estimate({ atMs: 0, ended: 10 }, { atMs: 60_000, ended: 70 }, 130)).toEqual({ perMinute: 60, etaMs: 60_000 });
    expect(estimate({ atMs: 0, ended: 0 }, { atMs: 0, ended: 0 }, 10)).toEqual({ perMinute: undefined, etaMs: undefined });
    expect(formatDuration(3_725_000)).toBe('1h02m');
    expect(formatDuration(65_000)).toBe('1m05s');
    expect(formatDuration(undefined)).toBe('?');
  });
});
