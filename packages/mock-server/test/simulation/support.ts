import { expect } from 'vitest';
import { CampaignSimulator, createManualClock, SimulationInputError, type ManualClock, type SubOperationInfo, type SubtaskStatus } from '../../src/simulation/index.js';

export const STATUSES: readonly SubtaskStatus[] = ['wait', 'processing', 'success', 'fail', 'stop'];

export function simulator(seed = 7, speed = 1): { sim: CampaignSimulator; clock: ManualClock } {
  const clock = createManualClock(Date.UTC(2026, 0, 1, 8));
  return { sim: new CampaignSimulator({ seed, speed, clock }), clock };
}

/** Every subtask of a task, page by page (pageSize 100), optionally filtered. */
export function allSubtasks(sim: CampaignSimulator, operationId: string, status?: SubtaskStatus): SubOperationInfo[] {
  const out: SubOperationInfo[] = [];
  for (let pageNo = 0; ; pageNo++) {
    const page = sim.querySubTasks(operationId, { pageNo, pageSize: 100, subOperationStatus: status ?? null })!;
    out.push(...page.data);
    if (page.data.length < 100) {
      if (out.length !== page.totalCount) throw new Error(`paged ${out.length} subtasks, totalCount says ${page.totalCount}`);
      return out;
    }
  }
}

export const rank: Record<SubtaskStatus, number> = { wait: 0, processing: 1, success: 2, fail: 2, stop: 2 };

/** The SimulationInputError `action` throws; fails the test when it throws something else or nothing. */
export function refusalError(action: () => unknown): SimulationInputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulationInputError);
    return error as SimulationInputError;
  }
  throw new Error('no error');
}
