// The simulator behind the HTTP mock: a created task is a live campaign whose subtasks move on the
// mock's clock, and the task, the task list and the subtask pages agree at every instant. The
// clock is a manual one moved by the test: nothing here sleeps.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { createManualClock, type ManualClock } from '../src/simulation/index.js';
import { call, credentials } from './support.js';

const base = '/iodm/northbound/v1.5.0';
const firmwareId = '5bd7e1a2c3f40001a2b3c4d5';
const STATUSES = ['wait', 'processing', 'success', 'fail', 'stop'] as const;
type Status = (typeof STATUSES)[number];
const rank: Record<Status, number> = { wait: 0, processing: 1, success: 2, fail: 2, stop: 2 };

interface Subtask {
  deviceId: string;
  status: Status;
  detailInfo: string;
}
interface Task {
  operationId: string;
  status: string;
  staResult: Record<Status | 'total' | 'timeout', number>;
}
interface Page<T> {
  totalCount: number;
  data: T[];
}

const started: MockServer[] = [];
afterAll(() => Promise.all(started.map((mock) => mock.close())));

async function simulatedMock(seed: number, speed = 60): Promise<{ mock: MockServer; clock: ManualClock }> {
  const clock = createManualClock(Date.UTC(2026, 0, 1, 8));
  const mock = await startMockServer({ simulation: { speed, seed, clock } });
  started.push(mock);
  return { mock, clock };
}

async function getJson<T>(mock: MockServer, path: string): Promise<T> {
  const answer = await call(mock.url, `${base}${path}`, { headers: credentials });
  if (answer.status !== 200) throw new Error(`GET ${path} -> ${answer.status} ${JSON.stringify(answer.body)}`);
  expect(answer.headers.get('sl-violations')).toBeNull();
  return answer.body as T;
}

async function allSubtasks(mock: MockServer, operationId: string, status?: Status): Promise<Subtask[]> {
  const out: Subtask[] = [];
  for (let pageNo = 0; ; pageNo++) {
    const page = await getJson<Page<Subtask>>(mock, `/operations/${operationId}/subOperations?pageSize=100&pageNo=${pageNo}${status ? `&subOperationStatus=${status}` : ''}`);
    out.push(...page.data);
    if (page.data.length < 100) {
      expect(out.length).toBe(page.totalCount);
      return out;
    }
  }
}

async function createTask(mock: MockServer, devices: string[]): Promise<string> {
  const answer = await call(mock.url, `${base}/operations/firmwareUpgrade`, {
    method: 'POST',
    headers: { ...credentials, 'content-type': 'application/json' },
    body: JSON.stringify({ fileId: firmwareId, targets: { devices, deviceGroups: null, deviceType: null, model: null, manufacturerName: null }, policy: null }),
  });
  expect(answer.status).toBe(200);
  return (answer.body as { operationId: string }).operationId;
}

const devices = (count: number) => Array.from({ length: count }, (_, index) => `meter-${String(index).padStart(4, '0')}`);

describe('a created task is a live campaign', () => {
  it('moves forward only; counts are conserved; task, list and subtasks agree at every step', async () => {
    const { mock, clock } = await simulatedMock(3);
    const operationId = await createTask(mock, devices(180));
    const seen = new Map<string, Status>();
    const taskStatuses = new Set<string>();
    for (let step = 0; step < 40; step++) {
      const task = await getJson<Task>(mock, `/operations/${operationId}`);
      const listed = await getJson<Page<Task>>(mock, `/operations?operationType=firmware_upgrade&pageSize=100`);
      expect(listed.data.find((t) => t.operationId === operationId)).toEqual(task);
      const subtasks = await allSubtasks(mock, operationId);
      expect(subtasks).toHaveLength(180);
      const { total, timeout, ...byStatus } = task.staResult;
      expect(total).toBe(180);
      expect(Object.values(byStatus).reduce((sum, count) => sum + count, 0)).toBe(180);
      for (const status of STATUSES) {
        expect(subtasks.filter((s) => s.status === status)).toHaveLength(task.staResult[status]);
        expect((await getJson<Page<Subtask>>(mock, `/operations/${operationId}/subOperations?subOperationStatus=${status}`)).totalCount).toBe(task.staResult[status]);
      }
      expect(timeout).toBeLessThanOrEqual(task.staResult.fail);
      for (const subtask of subtasks) {
        const before = seen.get(subtask.deviceId);
        if (before) {
          expect(rank[subtask.status]).toBeGreaterThanOrEqual(rank[before]);
          if (rank[before] === 2) expect(subtask.status).toBe(before);
        }
        seen.set(subtask.deviceId, subtask.status);
      }
      taskStatuses.add(task.status);
      clock.advance(1_000); // one real second = 60 simulated ones
    }
    const final = await getJson<Task>(mock, `/operations/${operationId}`);
    expect(['success', 'failed', 'stop']).toContain(final.status);
    expect(final.staResult.wait + final.staResult.processing).toBe(0);
    expect(taskStatuses).toContain('processing');
  });

  it('the same seed gives the same rollout; another seed another one', async () => {
    const rollout = async (seed: number) => {
      const { mock, clock } = await simulatedMock(seed);
      const operationId = await createTask(mock, devices(120));
      clock.advance(5_000);
      return { operationId, subtasks: await allSubtasks(mock, operationId) };
    };
    const [first, again, other] = [await rollout(42), await rollout(42), await rollout(43)];
    expect(again).toEqual(first);
    expect(other.subtasks.map((s) => s.status)).not.toEqual(first.subtasks.map((s) => s.status));
  });
});

describe('ready-made campaigns', () => {
  it('campaign-<N> answers the task and its subtasks consistently, and is not listed', async () => {
    const { mock, clock } = await simulatedMock(5);
    clock.advance(10_000);
    const task = await getJson<Task>(mock, '/operations/campaign-250');
    expect(task).toMatchObject({ operationId: 'campaign-250', staResult: { total: 250 } });
    for (const status of STATUSES) {
      expect((await allSubtasks(mock, 'campaign-250', status)).length).toBe(task.staResult[status]);
    }
    const listed = await getJson<Page<Task>>(mock, '/operations?pageSize=100');
    expect(listed.data.map((t) => t.operationId)).not.toContain('campaign-250');
  });

  it('a mock started without simulation options still serves paged-<N> and the fixed example task', async () => {
    const mock = await startMockServer();
    started.push(mock);
    expect(await getJson<Page<Subtask>>(mock, '/operations/paged-12/subOperations')).toMatchObject({ totalCount: 12 });
    expect(await getJson<Page<Subtask>>(mock, '/operations/5bf3a8c7e1d2f40001a3b4c5/subOperations')).toMatchObject({ totalCount: 3 });
  });
});

describe('a 10 000-device campaign over HTTP', () => {
  it('pages without the mock memory growing per query (a generous leak guard; bench/ has figures)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const { mock, clock } = await simulatedMock(9, 1);
    clock.advance(1_200_000);
    const task = await getJson<Task>(mock, '/operations/campaign-10000');
    expect(task.staResult.total).toBe(10_000);
    const query = async (n: number) => {
      const page = await getJson<Page<Subtask>>(mock, `/operations/campaign-10000/subOperations?pageSize=100&pageNo=${n % 100}`);
      expect(page.totalCount).toBe(10_000);
    };
    for (let n = 0; n < 100; n++) await query(n);
    const before = heap();
    for (let n = 0; n < 600; n++) await query(n);
    // Keeping each answer (~25 kB a page) would grow the heap by ~15 MB.
    expect(heap() - before).toBeLessThan(8_000_000);
  });
});

describe('simulation options', () => {
  it.each([
    [{ speed: 0 }, 'simulation.speed'],
    [{ speed: Number.NaN }, 'simulation.speed'],
    [{ seed: -1 }, 'simulation.seed'],
    [{ seed: 1.5 }, 'simulation.seed'],
    [{ clock: {} as ManualClock }, 'simulation.clock'],
  ])('%o is refused with a MockServerOptionsError naming %s', async (simulation, option) => {
    await expect(startMockServer({ simulation })).rejects.toMatchObject({ name: 'MockServerOptionsError', option });
  });
});
