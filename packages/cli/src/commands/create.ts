import { AbortError, ConnectionError, formatPlatformTimestamp, NorthboundError, ServerError, TimeoutError, UnexpectedResponseError } from '@iodm-northbound/client';
import { Argument } from 'commander';
import type { CreateTaskInput, OperateType } from '../api/upgrade-api.js';
import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import { CreateOutcomeUnknownError, UsageError } from '../errors.js';
import type { CommandDefinition } from '../program/command-context.js';
import { hiddenAlias } from '../program/shared-options.js';
import { specOption } from '../program/spec-options.js';

interface CreateFlags extends ConnectionFlags {
  fileId: string;
  devices?: string[];
  deviceGroup?: string[];
  deviceType?: string;
  model?: string;
  manufacturerName?: string;
  /** The older name of --manufacturer-name. */
  manufacturer?: string;
  policy?: CreateTaskInput['policy'];
}

const KIND_TO_TYPE = { firmware: 'firmware_upgrade', software: 'software_upgrade' } as const;
// The kind is an argument, read after the options: a value is held to both creates' body schemas.
const CREATES = ['createFirmwareUpgradeTask', 'createSoftwareUpgradeTask'] as const;

export const createCommand: CommandDefinition = (program, context) => {
  const manufacturer = specOption('--manufacturer-name <name>', 'manufacturer name (required with --device-group)', CREATES, 'targets.manufacturerName');
  const command = program
    .command('create')
    .description('create a firmware or software upgrade task; prints its operationId')
    .addArgument(new Argument('<kind>', 'firmware or software').choices(Object.keys(KIND_TO_TYPE)))
    .addOption(specOption('--file-id <fileId>', 'the version package to install', CREATES, 'fileId').makeOptionMandatory())
    .addOption(specOption('--devices <ids>', 'device IDs, comma-separated (or repeat the flag)', CREATES, 'targets.devices'))
    .addOption(specOption('--device-group <group>', 'device groups, comma-separated (or repeat the flag)', CREATES, 'targets.deviceGroups'))
    .addOption(specOption('--device-type <type>', 'device type (required with --device-group)', CREATES, 'targets.deviceType'))
    .addOption(specOption('--model <model>', 'device model (required with --device-group)', CREATES, 'targets.model'))
    .addOption(manufacturer)
    .addOption(hiddenAlias(manufacturer, '--manufacturer <name>'))
    .addOption(specOption('--policy <json>', 'the OperatePolicy as JSON, e.g. \'{"executeType":"now"}\'', CREATES, 'policy'));
  addConnectionOptions(command).action(async (kind: keyof typeof KIND_TO_TYPE, flags: CreateFlags) => {
    const input = createInput(flags); // checked before connecting
    const code = await context.withApi(flags, async (api) => {
      const type = KIND_TO_TYPE[kind];
      const sentAt = new Date();
      let operationId: string;
      try {
        ({ operationId } = await api.createTask(type, input, context.io.interrupted));
      } catch (error) {
        if (!createMayHaveActed(error)) throw error;
        const unknown = outcomeUnknown(error as Error, type, input, sentAt);
        if (!context.io.interrupted.aborted) throw unknown;
        // Ctrl-C still exits 130, after saying what it may have left behind.
        context.io.stderr.write(`iodm-northbound: ${unknown.message}\n`);
        throw error;
      }
      context.io.stdout.write(`${operationId}\n`);
      return 0;
    });
    context.setExitCode(code);
  });
};

/** The flags that go with --device-group, by their field of `targets`. */
const GROUP_FLAGS = { deviceType: '--device-type', model: '--model', manufacturerName: '--manufacturer-name' } as const;

function createInput(flags: CreateFlags): CreateTaskInput {
  const devices = flags.devices ?? [];
  const groups = flags.deviceGroup ?? [];
  const given = { deviceType: flags.deviceType, model: flags.model, manufacturerName: flags.manufacturerName ?? flags.manufacturer };
  const fields = Object.keys(GROUP_FLAGS) as (keyof typeof GROUP_FLAGS)[];
  if ((devices.length > 0) === (groups.length > 0)) throw new UsageError(`give either --devices or --device-group (with ${Object.values(GROUP_FLAGS).join(', ')})`);
  if (flags.fileId.trim() === '') throw new UsageError('--file-id is empty');
  const { policy } = flags;
  if (devices.length > 0) {
    const extra = fields.find((field) => given[field] !== undefined);
    if (extra !== undefined) throw new UsageError(`${GROUP_FLAGS[extra]} goes with --device-group, not --devices`);
    return { fileId: flags.fileId, targets: { devices }, policy };
  }
  const missing = fields.filter((field) => given[field] === undefined).map((field) => GROUP_FLAGS[field]);
  if (missing.length > 0) throw new UsageError(`--device-group needs ${missing.join(', ')}`);
  return {
    fileId: flags.fileId,
    targets: { deviceGroups: groups, deviceType: given.deviceType!, model: given.model!, manufacturerName: given.manufacturerName! },
    policy,
  };
}

const CREATE_OPERATIONS: ReadonlySet<string> = new Set(CREATES);
// The client's own list of failures before a request reaches the server (internal/retries.ts),
// and a TLS handshake the client refused: the request never left.
const NOT_SENT_CODE = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$|CERT|UNABLE_TO_(GET|VERIFY|DECRYPT)|SELF_SIGNED|ALTNAME/;

/**
 * Whether a failed create may still have made the task: the create request itself (not the login)
 * timed out, was interrupted, lost its connection after it could have been sent, got a 5xx, or got
 * a 2xx the client could not read. The client never retries these (a create is not safe to repeat), nor does the CLI.
 */
function createMayHaveActed(error: unknown): boolean {
  if (!(error instanceof NorthboundError) || error.operation === null || !CREATE_OPERATIONS.has(error.operation)) return false;
  // Ctrl-C while the create was on its way or awaiting its answer.
  if (error instanceof TimeoutError || error instanceof ServerError || error instanceof AbortError) return true;
  if (error instanceof ConnectionError) return error.code === undefined || !NOT_SENT_CODE.test(error.code);
  if (error instanceof UnexpectedResponseError) return error.status === undefined || error.status >= 500 || (error.status >= 200 && error.status < 300);
  return false;
}

/** What happened, that the task may exist, and the `tasks` command that finds it. */
function outcomeUnknown(error: Error, type: OperateType, input: CreateTaskInput, sentAt: Date): CreateOutcomeUnknownError {
  const targets = input.targets;
  const firstDevice = 'devices' in targets && targets.devices && targets.devices.length > 0 ? targets.devices[0] : undefined;
  const check = `iodm-northbound tasks --type ${type}${firstDevice === undefined ? '' : ` --device-id ${firstDevice}`}`;
  return new CreateOutcomeUnknownError(
    `the create may have reached the platform, but no answer says what it did (${error.message}). ` +
      `The task may exist: do not create it again; check first with \`${check}\` for a task created at or after ${formatPlatformTimestamp(sentAt)} (by this machine's clock)`,
  );
}
