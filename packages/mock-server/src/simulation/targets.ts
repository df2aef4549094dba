// Who a campaign upgrades: the devices of a create-task request's `targets` (OperateDevices),
// either a device ID list or device groups. A group expands to a deterministic set of simulated
// devices, named so that membership can be told from the ID alone (no per-device storage).
import { operationConstraints, type ValueConstraint } from '@iodm-northbound/spec/constraints';
import { hashString, hexId } from './random.js';

/** OperateDevices as the create-task request carries it (the SDK sends unset fields as null). */
export interface OperateDevices {
  readonly devices?: readonly string[] | null;
  readonly deviceGroups?: readonly string[] | null;
  readonly deviceType?: string | null;
  readonly model?: string | null;
  readonly manufacturerName?: string | null;
}

export class SimulationInputError extends Error {
  override readonly name = 'SimulationInputError';
  /**
   * A whole number of the right type outside its bounds, as opposed to a value that is not one at
   * all ('', '1.0', 'abc'): the platform answers the first, for paging, as "beyond the limit".
   */
  readonly outOfRange: boolean;
  constructor(
    readonly parameter: string,
    message: string,
    { outOfRange = false }: { readonly outOfRange?: boolean } = {},
  ) {
    super(`${parameter}: ${message}`);
    this.outOfRange = outOfRange;
  }
}

/** The documented limit on device groups per task: the spec's maxItems of a create request's targets.deviceGroups. */
export const MAX_DEVICE_GROUPS: number = deviceGroupsLimit();

function deviceGroupsLimit(): number {
  const body: ValueConstraint | undefined = operationConstraints.createFirmwareUpgradeTask.body?.schema;
  const limit = body?.properties?.targets?.properties?.deviceGroups?.maxItems;
  if (limit === undefined) throw new Error('the spec gives createFirmwareUpgradeTask no maxItems for targets.deviceGroups');
  return limit;
}
/** The size range of a simulated device group (the size is a hash of the group's name). */
const GROUP_SIZE_RANGE: readonly [number, number] = [20, 500];

export interface DeviceRoster {
  readonly size: number;
  deviceIdAt(index: number): string;
  includes(deviceId: string): boolean;
}

interface GroupSegment {
  readonly tag: string;
  readonly first: number;
  readonly size: number;
}

/**
 * The devices `targets` names, after the rules the schema cannot state (devices or groups, the
 * group fields, no device twice). The simulator has checked the body against the spec's schema first.
 */
export function rosterFromTargets(targets: OperateDevices | null | undefined): DeviceRoster {
  if (targets === null || typeof targets !== 'object') throw new SimulationInputError('targets', 'is required');
  const devices = targets.devices ?? [];
  const groups = targets.deviceGroups ?? [];
  if (!Array.isArray(devices) || !Array.isArray(groups)) {
    throw new SimulationInputError('targets', 'devices and deviceGroups must be lists');
  }
  if ((devices.length > 0) === (groups.length > 0)) {
    throw new SimulationInputError('targets', 'give either devices or deviceGroups, not both and not neither');
  }
  if (devices.length > 0) return listRoster(devices);
  return groupRoster(targets, groups);
}

function listRoster(devices: readonly unknown[]): DeviceRoster {
  const ids = [...(devices as string[])];
  const members = new Set(ids);
  if (members.size !== ids.length) throw new SimulationInputError('targets.devices', 'lists a device twice');
  return { size: ids.length, deviceIdAt: (index) => ids[index]!, includes: (id) => members.has(id) };
}

function groupRoster(targets: OperateDevices, groups: readonly unknown[]): DeviceRoster {
  for (const field of ['deviceType', 'model', 'manufacturerName'] as const) {
    const value = targets[field];
    if (typeof value !== 'string' || value.length === 0) {
      throw new SimulationInputError(`targets.${field}`, 'is required with deviceGroups');
    }
  }
  const segments: GroupSegment[] = [];
  let first = 0;
  for (const group of groups) {
    const key = hashString(`${group}\u0000${targets.deviceType}\u0000${targets.model}\u0000${targets.manufacturerName}`);
    if (segments.some((segment) => segment.tag === hexId(8, key))) throw new SimulationInputError('targets.deviceGroups', `lists ${group} twice`);
    const [min, max] = GROUP_SIZE_RANGE;
    const size = min + (key % (max - min + 1));
    segments.push({ tag: hexId(8, key), first, size });
    first += size;
  }
  return {
    size: first,
    deviceIdAt(index) {
      let segment = segments[0]!;
      for (const candidate of segments) if (candidate.first <= index) segment = candidate;
      return groupDeviceId(segment.tag, index - segment.first);
    },
    includes(deviceId) {
      const match = /^sim-([0-9a-f]{8})-(\d{6})$/.exec(deviceId);
      if (!match) return false;
      const segment = segments.find((candidate) => candidate.tag === match[1]);
      return segment !== undefined && Number(match[2]) < segment.size;
    },
  };
}

/** A simulated device's ID: `sim-<group tag>-<member number>`. */
function groupDeviceId(tag: string, member: number): string {
  return `sim-${tag}-${String(member).padStart(6, '0')}`;
}

/** The roster of a ready-made campaign: `size` simulated devices in one anonymous group. */
export function syntheticRoster(tag: string, size: number): DeviceRoster {
  return {
    size,
    deviceIdAt: (index) => groupDeviceId(tag, index),
    includes(deviceId) {
      const match = /^sim-([0-9a-f]{8})-(\d{6})$/.exec(deviceId);
      return match !== null && match[1] === tag && Number(match[2]) < size;
    },
  };
}
