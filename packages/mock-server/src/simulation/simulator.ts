// The campaign simulator: creates campaigns from create-task requests, serves ready-made ones
// (`campaign-<N>`), and answers the task, task-list and subtask queries on one timeline. Pure
// domain logic: no HTTP here; the mock's request handling calls these methods.
import { checkValue, operationConstraints } from '@iodm-northbound/spec/constraints';
import { pageOf } from '../paging.js';
import { Campaign } from './campaign.js';
import { systemClock, type Clock } from './clock.js';
import { hashInts, hashString, hexId } from './random.js';
import { rosterFromTargets, SimulationInputError, syntheticRoster, type OperateDevices } from './targets.js';
import type { OperateType, OperatePolicy, OperationInfo, SubTaskPage, TaskListPage } from './views.js';
import { readQueryChecks, type CheckedListQuery, type QueryChecks, type SubTaskQueryInput, type TaskListQueryInput } from './queries.js';

export interface SimulationOptions {
  /** Simulated seconds per real second (default 1). */
  readonly speed?: number;
  /** Same seed, same rollout (default 1). */
  readonly seed?: number;
  /** Where time comes from (default the system clock); tests pass a manual one. */
  readonly clock?: Clock;
}

/** CreateUpgradeTaskInDTO: the body of createFirmwareUpgradeTask / createSoftwareUpgradeTask. */
export interface CreateTaskRequest {
  readonly fileId: string;
  readonly targets: OperateDevices;
  readonly policy?: OperatePolicy | null;
}

/** The largest ready-made campaign. */
export const READY_MADE_MAX_DEVICES = 100_000;
const READY_MADE_ID = /^campaign-([1-9]\d{0,5})$/;
/** Ready-made campaigns are rebuilt on demand; this many are kept built. */
const READY_MADE_CACHE_SIZE = 8;

/** The create operation of each task type: its body schema is the one the request is checked against. */
const CREATE_OPERATIONS = { firmware_upgrade: 'createFirmwareUpgradeTask', software_upgrade: 'createSoftwareUpgradeTask' } as const satisfies Record<OperateType, string>;

export class CampaignSimulator {
  readonly speed: number;
  readonly seed: number;
  readonly clock: Clock;
  /** Real time the simulator started: ready-made campaigns start then. */
  readonly startedAtMs: number;
  readonly #created = new Map<string, Campaign>();
  readonly #readyMade = new Map<string, Campaign>();
  /** The query parameters of the spec's constraints table, read when the simulator starts. */
  readonly #queries: QueryChecks = readQueryChecks();

  constructor(options: SimulationOptions = {}) {
    const speed = options.speed ?? 1;
    if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0) throw new SimulationInputError('speed', 'must be a positive number');
    const seed = options.seed ?? 1;
    if (!Number.isSafeInteger(seed) || seed < 0) throw new SimulationInputError('seed', 'must be a non-negative integer');
    this.speed = speed;
    this.seed = seed >>> 0;
    this.clock = options.clock ?? systemClock;
    this.startedAtMs = this.clock.now();
  }

  /** Creates a campaign; throws SimulationInputError for a request the platform would refuse. */
  createTask(operateType: OperateType, request: CreateTaskRequest): { operationId: string } {
    if (!Object.hasOwn(CREATE_OPERATIONS, operateType)) throw new SimulationInputError('operateType', `must be one of ${Object.keys(CREATE_OPERATIONS).join(', ')}`);
    if (request === null || typeof request !== 'object') throw new SimulationInputError('body', 'must be a JSON object');
    // The body's limits, types and required fields as the spec states them (what Prism checks over HTTP), then the rules it cannot state.
    const violation = checkValue(operationConstraints[CREATE_OPERATIONS[operateType]].body.schema, request, '', { nonEmptyStrings: true });
    if (violation !== undefined) throw new SimulationInputError(violation.path, violation.message.slice(violation.path.length + 1));
    const roster = rosterFromTargets(request.targets);
    const sequence = this.#created.size;
    const operationId = hexId(24, this.seed, 0xc0ffee, sequence);
    const campaign = new Campaign({
      operationId,
      operateType,
      fileId: request.fileId,
      targets: withoutNulls(request.targets),
      policy: request.policy ? withoutNulls(request.policy) : undefined,
      roster,
      key: hashInts(this.seed, sequence),
      createdAtMs: this.clock.now(),
    });
    this.#created.set(operationId, campaign);
    return { operationId };
  }

  /** The campaign with this operationId (created, or ready-made), or undefined. */
  campaign(operationId: string): Campaign | undefined {
    return this.#created.get(operationId) ?? this.#readyMadeCampaign(operationId);
  }

  /** Simulated seconds since the campaign's creation, now. */
  elapsedSeconds(campaign: Campaign): number {
    return ((this.clock.now() - campaign.definition.createdAtMs) / 1000) * this.speed;
  }

  /** queryUpgradeTask: undefined when no task has this operationId. */
  getTask(operationId: string): OperationInfo | undefined {
    const campaign = this.campaign(operationId);
    return campaign?.view(this.elapsedSeconds(campaign));
  }

  /** queryUpgradeSubTask: undefined when no task has this operationId. */
  querySubTasks(operationId: string, query: SubTaskQueryInput = {}): SubTaskPage | undefined {
    const checked = this.#queries.subtasks(query);
    const campaign = this.campaign(operationId);
    return campaign?.subtaskPage(checked, this.elapsedSeconds(campaign));
  }

  /** queryUpgradeTaskList over the created campaigns, oldest first (ready-made ones are not listed). */
  listTasks(query: TaskListQueryInput = {}): TaskListPage {
    const checked = this.#queries.list(query);
    return pageOf(this.#matching(checked), checked);
  }

  /** Every created campaign the list's filters match, as viewed now, oldest first (for a caller that pages them with others). */
  matchingTasks(query: Omit<TaskListQueryInput, 'pageNo' | 'pageSize'>): OperationInfo[] {
    return this.#matching(this.#queries.list({ ...query, pageNo: undefined, pageSize: undefined }));
  }

  /** The created campaigns a checked query's filters match, as viewed now, oldest first. */
  #matching(checked: CheckedListQuery): OperationInfo[] {
    const matching: OperationInfo[] = [];
    for (const campaign of this.#created.values()) {
      if (checked.operationType && campaign.definition.operateType !== checked.operationType) continue;
      if (checked.deviceId && !campaign.definition.roster.includes(checked.deviceId)) continue;
      if (!matchesTargetFilter(campaign.definition.targets, checked)) continue;
      const view = campaign.view(this.elapsedSeconds(campaign));
      if (checked.operationStatus && view.status !== checked.operationStatus) continue;
      matching.push(view);
    }
    return matching;
  }

  #readyMadeCampaign(operationId: string): Campaign | undefined {
    const match = READY_MADE_ID.exec(operationId);
    if (!match) return undefined;
    const size = Number(match[1]);
    if (size > READY_MADE_MAX_DEVICES) return undefined;
    let campaign = this.#readyMade.get(operationId);
    if (campaign) {
      this.#readyMade.delete(operationId); // re-inserted below: most recently used last
    } else {
      const key = hashInts(this.seed, hashString(operationId));
      campaign = new Campaign({
        operationId,
        operateType: 'firmware_upgrade',
        fileId: `${operationId}-firmware`,
        targets: { deviceGroups: [operationId], deviceType: 'SimulatedMeter', model: 'SIM-1', manufacturerName: 'Simulated' },
        roster: syntheticRoster(hexId(8, key), size),
        key,
        createdAtMs: this.startedAtMs,
      });
    }
    this.#readyMade.set(operationId, campaign);
    if (this.#readyMade.size > READY_MADE_CACHE_SIZE) this.#readyMade.delete(this.#readyMade.keys().next().value!);
    return campaign;
  }
}

function matchesTargetFilter(targets: OperateDevices, query: { deviceType?: string; model?: string; manufacturerName?: string }): boolean {
  return (
    (!query.deviceType || targets.deviceType === query.deviceType) &&
    (!query.model || targets.model === query.model) &&
    (!query.manufacturerName || targets.manufacturerName === query.manufacturerName)
  );
}

/** The SDK sends unset fields as null; the simulation answers without them. */
function withoutNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined)) as T;
}

