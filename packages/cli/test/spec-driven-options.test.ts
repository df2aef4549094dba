// The CLI's option values, limits and help come from the spec's constraints table: --page-size
// refuses what the table refuses in its words (exit 2), --help lists the table's enums and range,
// a walk asks for the table's largest page unless told, and the edits issue 18 makes under openapi/
// (pageSize up to 200, a status `cancelled`, a query parameter deviceType) made here on the table
// in memory reach the options with no edit to the CLI.
import { CampaignSimulator } from '@iodm-northbound/mock-server/simulation';
import { checkValue, describeConstraint, fromText, operationConstraints, pagingOf, type ConstrainedOperation, type ValueConstraint } from '@iodm-northbound/spec/constraints';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimulatorUpgradeApi, type SimulatorLike } from '../src/api/simulator-api.js';
import { specSchema } from '../src/program/spec-options.js';
import { type RecordingPlatform, startRecordingPlatform } from './recording-platform.js';
import { runInProcess } from './support.js';

/** Each command that walks a list: its arguments, the operation it pages and the path's last segment. */
const WALKS: readonly { args: readonly string[]; operation: ConstrainedOperation; list: string }[] = [
  { args: ['subtasks', 'op-1'], operation: 'queryUpgradeSubTask', list: 'subOperations' },
  { args: ['watch', 'op-1', '--interval', '100ms'], operation: 'queryUpgradeSubTask', list: 'subOperations' },
  { args: ['tasks'], operation: 'queryUpgradeTaskList', list: 'operations' },
  { args: ['packages'], operation: 'queryUpgradePackageList', list: 'category' },
];

/** The table's own words for `text` as `name` of `operation`. */
const tableMessage = (operation: ConstrainedOperation, name: string, text: string) => {
  const schema = specSchema(operation, name);
  return checkValue(schema, fromText(schema, text), name)!.message;
};
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

let platform: RecordingPlatform;
beforeAll(async () => {
  platform = await startRecordingPlatform();
});
afterAll(async () => {
  await platform?.close();
});

/** The list requests a run of the CLI makes against the recording platform. */
async function listRequests(args: readonly string[]) {
  const before = platform.lists.length;
  const result = await runInProcess(args, { env: platform.env });
  return { result, lists: platform.lists.slice(before) };
}

describe('--page-size', () => {
  for (const { args, operation } of WALKS) {
    const largest = pagingOf(operation).pageSize.maximum;
    it.each(['0', String(largest + 1), 'ten', '2.5'])(`${args[0]} --page-size %s: exit 2 with the table's message, nothing sent`, async (text) => {
      const { result, lists } = await listRequests([...args, '--page-size', text]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`iodm-northbound: option '--page-size <n>' argument '${text}' is invalid. ${tableMessage(operation, 'pageSize', text)}.\n`);
      expect(result.stdout).toBe('');
      expect(lists).toEqual([]);
    });
  }

  it.each(WALKS)('$args.0 asks for the largest page the table allows by default, and for the size given', async ({ args, operation, list }) => {
    const byDefault = await listRequests(args);
    expect(byDefault.lists.length).toBeGreaterThan(0);
    for (const request of byDefault.lists) {
      expect(request.list).toBe(list);
      expect(request.query.get('pageSize')).toBe(String(pagingOf(operation).pageSize.maximum));
    }
    const given = await listRequests([...args, '--page-size', '7']);
    expect(given.lists.map((request) => request.query.get('pageSize'))).toEqual(byDefault.lists.map(() => '7'));
  });

  it("the simulator is asked for the table's largest page too", async () => {
    const simulator = new CampaignSimulator({ seed: 1 });
    const asked: number[] = [];
    const api = new SimulatorUpgradeApi({
      getTask: (operationId) => simulator.getTask(operationId),
      createTask: (kind, input) => simulator.createTask(kind, input),
      listTasks: (query) => simulator.listTasks(query),
      querySubTasks: (operationId, query) => {
        asked.push(query.pageSize);
        return simulator.querySubTasks(operationId, query);
      },
    } satisfies SimulatorLike);
    const result = await runInProcess(['subtasks', 'campaign-300', '--format', 'ndjson'], { api });
    expect(result.code).toBe(0);
    const largest = pagingOf('queryUpgradeSubTask').pageSize.maximum;
    expect(asked).toEqual(Array.from({ length: Math.ceil(300 / largest) }, () => largest));
    await runInProcess(['subtasks', 'campaign-300', '--page-size', '50', '--format', 'ndjson'], { api });
    expect(asked.slice(-6)).toEqual([50, 50, 50, 50, 50, 50]);
  });
});

describe('--help', () => {
  it.each([
    ['subtasks', 'queryUpgradeSubTask', ['subOperationStatus']],
    ['tasks', 'queryUpgradeTaskList', ['operationStatus', 'operationType']],
    ['packages', 'queryUpgradePackageList', ['fileType']],
    ['watch', 'queryUpgradeSubTask', []],
  ] as const)("%s: the table's enum values and its pageSize range", async (command, operation, enums) => {
    const help = oneLine((await runInProcess([command, '--help'])).stdout);
    for (const name of enums) expect(help).toContain(`one of ${specSchema(operation, name).enum!.join(', ')}`);
    expect(help).toContain(`--page-size <n> items asked for per request: ${describeConstraint(specSchema(operation, 'pageSize'))} (default: the largest (fewest requests))`);
  });
});

describe('the options that map to spec parameters and body fields', () => {
  it('a status filter goes by its wire name; the wrong spelling is refused in the table words with a hint', async () => {
    const { lists } = await listRequests(['subtasks', 'op-1', '--status', 'fail']);
    expect(lists[0]!.query.get('subOperationStatus')).toBe('fail');
    const refused = await runInProcess(['tasks', '--status', 'fail']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${tableMessage('queryUpgradeTaskList', 'operationStatus', 'fail')} (tasks spell it 'failed').`);
  });

  it("a list filter derived from the table (tasks --model) is sent under the spec's name", async () => {
    const { result, lists } = await listRequests(['tasks', '--model', 'M1', '--manufacturer-name', 'Acme']);
    expect(result.code).toBe(0);
    expect(lists[0]!.query.get('model')).toBe('M1');
    expect(lists[0]!.query.get('manufacturerName')).toBe('Acme');
  });

  it('--device-id longer than the table allows: exit 2, nothing sent', async () => {
    const long = 'd'.repeat((specSchema('queryUpgradeTaskList', 'deviceId').maxLength ?? 0) + 1);
    const { result, lists } = await listRequests(['tasks', '--device-id', long]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(tableMessage('queryUpgradeTaskList', 'deviceId', long));
    expect(lists).toEqual([]);
  });

  it("create --device-group: more groups than the body schema's maxItems, or a group too long, is refused in the table words", async () => {
    const groups = specSchema('createFirmwareUpgradeTask', 'targets.deviceGroups');
    const target = ['--device-type', 'Meter', '--model', 'M1', '--manufacturer', 'Acme'];
    const many = Array.from({ length: groups.maxItems! + 1 }, (_, n) => `g${n}`);
    const tooMany = await runInProcess(['create', 'software', '--file-id', 'f', '--device-group', many.join(','), ...target]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain(checkValue(groups, many, 'targets.deviceGroups')!.message);
    const long = 'g'.repeat(groups.items!.maxLength! + 1);
    const tooLong = await runInProcess(['create', 'software', '--file-id', 'f', '--device-group', `a,${long}`, ...target]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain(checkValue(groups, ['a', long], 'targets.deviceGroups')!.message);
    const enough = await runInProcess(['create', 'software', '--file-id', 'f', '--device-group', many.slice(1).join(','), ...target], { api: new SimulatorUpgradeApi(new CampaignSimulator({ seed: 1 })) });
    expect(enough.stderr).toBe('');
    expect(enough.code).toBe(0);
  });

  it.each([
    [['task', ''], 'queryUpgradeTask', 'operationId'],
    [['subtasks', ''], 'queryUpgradeSubTask', 'operationId'],
    [['watch', ''], 'queryUpgradeTask', 'operationId'],
    [['packages', 'show', ''], 'queryUpgradePackage', 'fileId'],
    [['packages', 'delete', '', '--yes'], 'deleteUpgradePackage', 'fileId'],
  ] as const)('%j: the path parameter is held to the table (exit 2, nothing sent)', async (args, operation, name) => {
    const { result, lists } = await listRequests(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`iodm-northbound: command-argument value '' is invalid for argument '${name}'. ${tableMessage(operation, name, '')}.\n`);
    expect(lists).toEqual([]);
  });

  it("create --policy is the body schema's policy: a misspelt field or a value out of range is refused in the table words", async () => {
    const policy = specSchema('createFirmwareUpgradeTask', 'policy');
    const create = (json: string) => runInProcess(['create', 'firmware', '--file-id', 'f', '--devices', 'a', '--policy', json]);
    const misspelt = await create('{"executeTyp":"now"}');
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain(checkValue(policy, { executeTyp: 'now' }, 'policy', { closedObjects: true })!.message);
    const negative = await create('{"retryTimes":-1}');
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain(checkValue(policy, { retryTimes: -1 }, 'policy')!.message);
    expect(oneLine((await runInProcess(['create', '--help'])).stdout)).toContain(`an object of ${Object.keys(policy.properties!).join(', ')}`);
  });
});

describe('after the spec changes the subtask query (issue 18), with no edit to the CLI', () => {
  type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
  const subtaskQuery = operationConstraints.queryUpgradeSubTask as unknown as Writable<{ parameters: Record<string, { in: string; required: boolean; schema: ValueConstraint }> }>;
  const original = structuredClone(subtaskQuery.parameters);
  beforeEach(() => {
    const { pageSize, subOperationStatus } = subtaskQuery.parameters;
    pageSize!.schema.maximum = 200;
    subOperationStatus!.schema.enum = [...(subOperationStatus!.schema.enum ?? []), 'cancelled'];
    subtaskQuery.parameters.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: 64 } };
  });
  afterEach(() => {
    subtaskQuery.parameters = structuredClone(original);
  });

  it('--page-size 150 is accepted and sent, 201 refused with exit 2; the walk asks for 200 by default', async () => {
    const accepted = await listRequests(['subtasks', 'op-1', '--page-size', '150']);
    expect(accepted.result.stderr).toBe('');
    expect(accepted.lists[0]!.query.get('pageSize')).toBe('150');
    const refused = await listRequests(['subtasks', 'op-1', '--page-size', '201']);
    expect(refused.result.code).toBe(2);
    expect(refused.result.stderr).toContain('pageSize must be an integer from 1 to 200, got 201');
    expect(refused.lists).toEqual([]);
    expect((await listRequests(['subtasks', 'op-1'])).lists[0]!.query.get('pageSize')).toBe('200');
  });

  it('--status cancelled is listed in --help and sent', async () => {
    expect(oneLine((await runInProcess(['subtasks', '--help'])).stdout)).toContain('one of wait, processing, fail, success, stop, cancelled');
    const { result, lists } = await listRequests(['subtasks', 'op-1', '--status', 'cancelled']);
    expect(result.stderr).toBe('');
    expect(lists[0]!.query.get('subOperationStatus')).toBe('cancelled');
  });

  it('the new query parameter is an option (--device-type), checked against its limit and sent', async () => {
    expect(oneLine((await runInProcess(['subtasks', '--help'])).stdout)).toContain("--device-type <value> only where the spec's query parameter deviceType is this: a string of at most 64 characters");
    const { result, lists } = await listRequests(['subtasks', 'op-1', '--device-type', 'Meter']);
    expect(result.stderr).toBe('');
    expect(lists[0]!.query.get('deviceType')).toBe('Meter');
    const refused = await runInProcess(['subtasks', 'op-1', '--device-type', 'x'.repeat(65)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('deviceType must be a string of at most 64 characters, got 65 characters');
  });
});
