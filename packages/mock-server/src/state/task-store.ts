// The upgrade tasks one mock instance knows: the spec's example tasks (fixed, as the examples show
// them), the live campaigns of its simulator (created through this instance, or `campaign-<N>`)
// and the deterministic `paged-<N>` tasks (paged-task.ts; queried by id, never listed).
// The single-task, task-list and subtask answers all read from here, so they agree at every instant.
import { CampaignSimulator, SimulationInputError, type CreateTaskRequest, type OperateType, type Page, type SimulationOptions, type SubTaskPage } from '../simulation/index.js';
import type { LoadedSpec } from '../spec.js';
import { rosterFromTargets } from '../simulation/targets.js';
import { pagedTaskInfo, pagedTaskSize } from '../paged-task.js';
import { pageOf, type Paging } from '../paging.js';
import { seedItems } from './seeds.js';

type TaskInfo = Record<string, unknown> & { readonly operationId: string };

/** queryUpgradeTaskList's filters, exactly as validated (each one optional). */
export interface TaskFilter {
  readonly operationType?: string | undefined;
  readonly operationStatus?: string | undefined;
  readonly deviceType?: string | undefined;
  readonly model?: string | undefined;
  readonly manufacturerName?: string | undefined;
  readonly deviceId?: string | undefined;
}

/**
 * Devices one instance simulates over all its created tasks (4 bytes each, kept until the mock
 * closes): a client creating tasks in a loop gets 400/120015, not an exhausted heap.
 */
const MAX_CREATED_DEVICES = 5_000_000;

export class TaskStore {
  readonly simulator: CampaignSimulator;
  readonly #fixed = new Map<string, TaskInfo>();
  readonly #maxCreatedDevices: number;
  #createdDevices = 0;

  constructor(fixed: readonly TaskInfo[], simulation: SimulationOptions, maxCreatedDevices = MAX_CREATED_DEVICES) {
    for (const task of fixed) this.#fixed.set(task.operationId, task);
    this.simulator = new CampaignSimulator(simulation);
    this.#maxCreatedDevices = maxCreatedDevices;
  }

  static fromSpec(spec: LoadedSpec, simulation: SimulationOptions): TaskStore {
    return new TaskStore(seedItems(spec, ['queryUpgradeTaskList', 'queryUpgradeTask'], 'operationId') as TaskInfo[], simulation);
  }

  /** One task as queryUpgradeTask answers it now (an example, a campaign, `paged-<N>`), or undefined (404/123009). */
  get(operationId: string): unknown {
    const known = this.#fixed.get(operationId) ?? this.simulator.getTask(operationId);
    if (known !== undefined) return known;
    const size = pagedTaskSize(operationId);
    return size === undefined ? undefined : pagedTaskInfo(operationId, size);
  }

  /** Whether the simulator runs this task (its subtasks are then the simulator's, not an example's). */
  isSimulated(operationId: string): boolean {
    return !this.#fixed.has(operationId) && this.simulator.campaign(operationId) !== undefined;
  }

  /** A page of a simulated task's subtasks now, or undefined when the simulator does not run it. */
  subtasks(operationId: string, query: Paging & { readonly status?: string | undefined }): SubTaskPage | undefined {
    if (!this.isSimulated(operationId)) return undefined;
    return this.simulator.querySubTasks(operationId, { pageNo: query.pageNo, pageSize: query.pageSize, subOperationStatus: query.status ?? null });
  }

  /** Creates a live campaign; throws SimulationInputError for a request the platform would refuse. */
  create(operateType: OperateType, request: CreateTaskRequest): { operationId: string } {
    const devices = rosterFromTargets(request.targets).size;
    if (this.#createdDevices + devices > this.#maxCreatedDevices) {
      throw new SimulationInputError(
        'targets',
        `this mock instance simulates at most ${this.#maxCreatedDevices} devices over its created tasks (${this.#createdDevices} in use); start another mock`,
      );
    }
    const created = this.simulator.createTask(operateType, request);
    this.#createdDevices += devices;
    return created;
  }

  /** The example tasks, then the created campaigns (oldest first), filtered and paged. */
  list(filter: TaskFilter, paging: Paging): Page<unknown> {
    const fixed = [...this.#fixed.values()].filter((task) => fixedTaskMatches(task, filter));
    return pageOf<unknown>([...fixed, ...this.simulator.matchingTasks(filter)], paging);
  }
}

function fixedTaskMatches(task: TaskInfo, filter: TaskFilter): boolean {
  const targets = (task.targets ?? {}) as Record<string, unknown>;
  const devices = Array.isArray(targets.devices) ? targets.devices : [];
  return (
    (filter.operationType === undefined || task.operateType === filter.operationType) &&
    (filter.operationStatus === undefined || task.status === filter.operationStatus) &&
    (filter.deviceType === undefined || targets.deviceType === filter.deviceType) &&
    (filter.model === undefined || targets.model === filter.model) &&
    (filter.manufacturerName === undefined || targets.manufacturerName === filter.manufacturerName) &&
    (filter.deviceId === undefined || devices.includes(filter.deviceId))
  );
}
