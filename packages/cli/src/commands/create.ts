import { Argument } from 'commander';
import type { CreateTaskInput } from '../api/upgrade-api.js';
import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import { UsageError } from '../errors.js';
import type { CommandDefinition } from '../program/command-context.js';
import { commaList } from '../program/parsers.js';

interface CreateFlags extends ConnectionFlags {
  fileId: string;
  devices?: string[];
  deviceGroup?: string[];
  deviceType?: string;
  model?: string;
  manufacturer?: string;
  policy?: string;
}

const MAX_DEVICE_GROUPS = 256;
const KIND_TO_TYPE = { firmware: 'firmware_upgrade', software: 'software_upgrade' } as const;

export const createCommand: CommandDefinition = (program, context) => {
  const command = program
    .command('create')
    .description('create a firmware or software upgrade task; prints its operationId')
    .addArgument(new Argument('<kind>', 'firmware or software').choices(Object.keys(KIND_TO_TYPE)))
    .requiredOption('--file-id <fileId>', 'the version package to install')
    .option('--devices <ids>', 'device IDs, comma-separated (or repeat the flag)', commaList)
    .option('--device-group <group>', 'a device group (comma-separated or repeated, at most 256)', commaList)
    .option('--device-type <type>', 'device type (required with --device-group)')
    .option('--model <model>', 'device model (required with --device-group)')
    .option('--manufacturer <name>', 'manufacturer name (required with --device-group)')
    .option('--policy <json>', 'the OperatePolicy as JSON, e.g. \'{"executeType":"now"}\'');
  addConnectionOptions(command).action(async (kind: keyof typeof KIND_TO_TYPE, flags: CreateFlags) => {
    const input = createInput(flags); // checked before connecting
    const code = await context.withApi(flags, async (api) => {
      const { operationId } = await api.createTask(KIND_TO_TYPE[kind], input, context.io.interrupted);
      context.io.stdout.write(`${operationId}\n`);
      return 0;
    });
    context.setExitCode(code);
  });
};

function createInput(flags: CreateFlags): CreateTaskInput {
  const devices = flags.devices ?? [];
  const groups = flags.deviceGroup ?? [];
  if ((devices.length > 0) === (groups.length > 0)) throw new UsageError('give either --devices or --device-group (with --device-type, --model, --manufacturer)');
  if (flags.fileId.trim() === '') throw new UsageError('--file-id is empty');
  const policy = flags.policy === undefined ? undefined : parsePolicy(flags.policy);
  if (devices.length > 0) {
    for (const flag of ['deviceType', 'model', 'manufacturer'] as const) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag === 'deviceType' ? 'device-type' : flag} goes with --device-group, not --devices`);
    }
    return { fileId: flags.fileId, targets: { devices }, policy };
  }
  if (groups.length > MAX_DEVICE_GROUPS) throw new UsageError(`--device-group: at most ${MAX_DEVICE_GROUPS} groups (got ${groups.length})`);
  const missing = (['device-type', 'model', 'manufacturer'] as const).filter((flag) => !flags[flag === 'device-type' ? 'deviceType' : flag]);
  if (missing.length > 0) throw new UsageError(`--device-group needs ${missing.map((flag) => `--${flag}`).join(', ')}`);
  return {
    fileId: flags.fileId,
    targets: { deviceGroups: groups, deviceType: flags.deviceType!, model: flags.model!, manufacturerName: flags.manufacturer! },
    policy,
  };
}

function parsePolicy(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError('--policy: not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('--policy: must be a JSON object');
  return value as Record<string, unknown>;
}
