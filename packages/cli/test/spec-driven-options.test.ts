// The CLI's option values, limits and help come from the spec's constraints table: --page-size
// refuses what the table refuses in its words (exit 2), --help lists the table's enums and range,
// a walk asks for the table's largest page unless told, and the edits issue 18 makes under openapi/
// (pageSize up to 200, a status `cancelled`, a query parameter deviceType) made here on the table
// in memory reach the options with no edit to the CLI.
import { CampaignSimulator } from '@iodm-northbound/mock-server/simulation';
import { checkValue, describeConstraint, fromText, operationConstraints, pagingOf, type ConstrainedOperation } from '@iodm-northbound/spec/constraints';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorUpgradeApi, type SimulatorLike } from '../src/api/simulator-api.js';
import { specSchema } from '../src/program/spec-options.js';
import { type RecordingPlatform, startRecordingPlatform } from './recording-platform.js';
import { runInProcess } from './support.js';
import { withTableEdits } from './table-edits.js';

/** The table as generated, before any test edits it. */
const generated = structuredClone(operationConstraints);

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
    // 1.0, 010 and 10.0 are integers only when read loosely: the platform (and Prism) refuse them.
    it.each(['0', String(largest + 1), 'ten', '2.5', '1.0', '010', '10.0', '+5', '-0'])(`${args[0]} --page-size %s: exit 2 with the table's message, nothing sent`, async (text) => {
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
  it('a status filter goes by its wire name; the other list\'s spelling is refused with the checker\'s near miss', async () => {
    const { lists } = await listRequests(['subtasks', 'op-1', '--status', 'fail']);
    expect(lists[0]!.query.get('subOperationStatus')).toBe('fail');
    const tasks = await runInProcess(['tasks', '--status', 'fail']);
    expect(tasks.code).toBe(2);
    expect(tasks.stderr).toBe(`iodm-northbound: option '--status <status>' argument 'fail' is invalid. operationStatus must be one of wait, processing, failed, success, stop, got "fail" (did you mean "failed"?).\n`);
    const subtasks = await runInProcess(['subtasks', 'op-1', '--status', 'failed']);
    expect(subtasks.code).toBe(2);
    expect(subtasks.stderr).toBe(`iodm-northbound: option '--status <status>' argument 'failed' is invalid. subOperationStatus must be one of wait, processing, fail, success, stop, got "failed" (did you mean "fail"?).\n`);
  });

  it('--page-size 010: refused in the literal words of the strict reading', async () => {
    const { result, lists } = await listRequests(['tasks', '--page-size', '010']);
    expect(result.stderr).toBe(`iodm-northbound: option '--page-size <n>' argument '010' is invalid. pageSize must be an integer from 1 to 100, got "010".\n`);
    expect(lists).toEqual([]);
  });

  // An empty value names nothing: refused where it is typed, by the flag, whichever platform is behind (the client or the simulator).
  describe.each([
    ['the client', () => ({ env: platform.env })],
    ['the simulator', () => ({ api: new SimulatorUpgradeApi(new CampaignSimulator({ seed: 1 })) })],
  ] as const)('an empty value, against %s: exit 2 naming the flag, nothing sent', (_behind, connection) => {
    it.each([
      [['tasks', '--device-id', ''], "option '--device-id <deviceId>' argument '' is invalid. deviceId is empty; leave it out instead."],
      [['tasks', '--model', ''], "option '--model <value>' argument '' is invalid. model is empty; leave it out instead."],
      [['subtasks', 'op-1', '--status', ''], "option '--status <status>' argument '' is invalid. subOperationStatus must be one of wait, processing, fail, success, stop, got \"\"."],
      [['create', 'firmware', '--file-id', 'f', '--devices', 'a,,b'], "option '--devices <ids>' argument 'a,,b' is invalid. targets.devices[1] is empty; leave it out instead."],
      [['create', 'software', '--file-id', 'f', '--device-group', 'g', '--device-type', '', '--model', 'M', '--manufacturer-name', 'A'], "option '--device-type <type>' argument '' is invalid. targets.deviceType is empty; leave it out instead."],
      [['create', 'firmware', '--file-id', 'f', '--devices', 'a', '--policy', '{"executeType":""}'], 'option \'--policy <json>\' argument \'{"executeType":""}\' is invalid. policy.executeType is empty; leave it out instead.'],
    ])('%j', async (args, message) => {
      const before = platform.lists.length;
      const result = await runInProcess(args, connection());
      expect(result.stderr).toBe(`iodm-northbound: ${message}\n`);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(platform.lists.slice(before)).toEqual([]);
    });
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
    const target = ['--device-type', 'Meter', '--model', 'M1', '--manufacturer-name', 'Acme'];
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

/** Issue 18's edits of the subtask query: pageSize up to 200, a status `cancelled`, a query parameter deviceType. */
const issue18 = (run: () => Promise<void>) =>
  withTableEdits(({ queryUpgradeSubTask: { parameters } }) => {
    parameters.pageSize!.schema.maximum = 200;
    parameters.subOperationStatus!.schema.enum = [...(parameters.subOperationStatus!.schema.enum as string[]), 'cancelled'];
    parameters.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: 64 } };
  }, run);

describe('after the spec changes the subtask query (issue 18), with no edit to the CLI', () => {
  it('--page-size 150 is accepted and sent, 201 refused with exit 2; the walk asks for 200 by default', () =>
    issue18(async () => {
      const accepted = await listRequests(['subtasks', 'op-1', '--page-size', '150']);
      expect(accepted.result.stderr).toBe('');
      expect(accepted.lists[0]!.query.get('pageSize')).toBe('150');
      const refused = await listRequests(['subtasks', 'op-1', '--page-size', '201']);
      expect(refused.result.code).toBe(2);
      expect(refused.result.stderr).toContain('pageSize must be an integer from 1 to 200, got 201');
      expect(refused.lists).toEqual([]);
      expect((await listRequests(['subtasks', 'op-1'])).lists[0]!.query.get('pageSize')).toBe('200');
    }));

  it('--status cancelled is listed in --help and sent', () =>
    issue18(async () => {
      expect(oneLine((await runInProcess(['subtasks', '--help'])).stdout)).toContain('one of wait, processing, fail, success, stop, cancelled');
      const { result, lists } = await listRequests(['subtasks', 'op-1', '--status', 'cancelled']);
      expect(result.stderr).toBe('');
      expect(lists[0]!.query.get('subOperationStatus')).toBe('cancelled');
    }));

  it('the new query parameter is an option (--device-type), checked against its limit and sent', () =>
    issue18(async () => {
      expect(oneLine((await runInProcess(['subtasks', '--help'])).stdout)).toContain("--device-type <value> only where the spec's query parameter deviceType is this: a string of at most 64 characters");
      const { result, lists } = await listRequests(['subtasks', 'op-1', '--device-type', 'Meter']);
      expect(result.stderr).toBe('');
      expect(lists[0]!.query.get('deviceType')).toBe('Meter');
      const refused = await runInProcess(['subtasks', 'op-1', '--device-type', 'x'.repeat(65)]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('deviceType must be a string of at most 64 characters, got 65 characters');
    }));

  it('the edits are undone after each test: the table is as generated again', async () => {
    expect(operationConstraints).toEqual(generated);
    expect(oneLine((await runInProcess(['subtasks', '--help'])).stdout)).not.toContain('deviceType');
  });
});

describe('a new query parameter named like an option the command has', () => {
  const string = { in: 'query', required: false, schema: { type: 'string' } };
  // format, status, output and base-url are the command's options, help is commander's, no-cache would read as a negation.
  const clashes = () =>
    withTableEdits(
      ({ queryUpgradeSubTask, queryUpgradeTaskList }) => {
        Object.assign(queryUpgradeSubTask.parameters, { format: string, status: string, baseUrl: string, help: string, noCache: string });
        Object.assign(queryUpgradeTaskList.parameters, { output: string });
      },
      async () => ({
        subtasksHelp: await runInProcess(['subtasks', '--help']),
        tasksHelp: await runInProcess(['tasks', '--help']),
        taskHelp: await runInProcess(['task', '--help']),
        // Not --filter-status here: the client itself reads a query key `status` as its name of subOperationStatus.
        subtasks: await listRequests(['subtasks', 'op-1', '--format', 'json', '--status', 'fail', '--filter-format', 'F', '--filter-base-url', 'B', '--filter-help', 'H', '--filter-no-cache', 'N']),
        tasks: await listRequests(['tasks', '--filter-output', 'O', '--format', 'ndjson']),
      }),
    );

  it('becomes --filter-<name>, its help says why, and every command still runs', async () => {
    const { subtasksHelp, tasksHelp, taskHelp, subtasks, tasks } = await clashes();
    for (const help of [subtasksHelp, tasksHelp, taskHelp]) {
      expect(help.stderr).toBe('');
      expect(help.code).toBe(0);
    }
    const help = oneLine(subtasksHelp.stdout);
    expect(help).toContain("--filter-format <value> only where the spec's query parameter format is this: a string (not --format: that is another option)");
    expect(help).toContain("--filter-status <value> only where the spec's query parameter status is this: a string (not --status: that is another option)");
    expect(help).toContain('--filter-base-url <value>');
    expect(help).toContain('--filter-help <value>');
    expect(help).toContain("--filter-no-cache <value> only where the spec's query parameter noCache is this: a string (not --no-cache: that reads as a negation)");
    expect(oneLine(tasksHelp.stdout)).toContain('--filter-output <value>');

    expect(subtasks.result.stderr).toBe('');
    expect(subtasks.result.code).toBe(0);
    expect(() => JSON.parse(subtasks.result.stdout)).not.toThrow(); // --format is still the output format
    expect(Object.fromEntries(subtasks.lists[0]!.query)).toMatchObject({ subOperationStatus: 'fail', format: 'F', baseUrl: 'B', help: 'H', noCache: 'N' });
    expect(tasks.result.code).toBe(0);
    expect(tasks.lists[0]!.query.get('output')).toBe('O');
  });
});

describe('flags named after the wire names; the older --manufacturer still works, out of --help', () => {
  it('packages --manufacturer-name (and --manufacturer) sends manufacturerName; both at once is refused', async () => {
    const help = oneLine((await runInProcess(['packages', '--help'])).stdout);
    expect(help).toContain('--manufacturer-name <name> only packages of this manufacturer');
    expect(help).not.toContain('--manufacturer <');
    for (const flag of ['--manufacturer-name', '--manufacturer']) {
      const { result, lists } = await listRequests(['packages', flag, 'Acme']);
      expect(result.stderr).toBe('');
      expect(lists[0]!.query.get('manufacturerName')).toBe('Acme');
    }
    const long = 'a'.repeat(specSchema('queryUpgradePackageList', 'manufacturerName').maxLength! + 1);
    const tooLong = await listRequests(['packages', '--manufacturer', long]);
    expect(tooLong.result.code).toBe(2);
    expect(tooLong.result.stderr).toContain(tableMessage('queryUpgradePackageList', 'manufacturerName', long));
    const both = await listRequests(['packages', '--manufacturer', 'A', '--manufacturer-name', 'B']);
    expect(both.result.code).toBe(2);
    expect(both.result.stderr).toContain("option '--manufacturer <name>' cannot be used with option '--manufacturer-name <name>'");
    expect(both.lists).toEqual([]);
  });

  it('create --manufacturer-name (and --manufacturer) is the targets.manufacturerName of the body', async () => {
    expect(oneLine((await runInProcess(['create', '--help'])).stdout)).not.toContain('--manufacturer <');
    const simulator = new CampaignSimulator({ seed: 1 });
    const bodies: unknown[] = [];
    const api = new SimulatorUpgradeApi({
      getTask: (operationId) => simulator.getTask(operationId),
      listTasks: (query) => simulator.listTasks(query),
      querySubTasks: (operationId, query) => simulator.querySubTasks(operationId, query),
      createTask: (kind, input) => {
        bodies.push(input);
        return simulator.createTask(kind, input);
      },
    } satisfies SimulatorLike);
    for (const flag of ['--manufacturer-name', '--manufacturer']) {
      const result = await runInProcess(['create', 'software', '--file-id', 'f', '--device-group', 'g', '--device-type', 'Meter', '--model', 'M1', flag, 'Acme'], { api });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    expect(bodies).toEqual([0, 1].map(() => ({ fileId: 'f', targets: { deviceGroups: ['g'], deviceType: 'Meter', model: 'M1', manufacturerName: 'Acme' } })));
    const missing = await runInProcess(['create', 'software', '--file-id', 'f', '--device-group', 'g', '--device-type', 'Meter'], { api });
    expect(missing.stderr).toBe('iodm-northbound: --device-group needs --model, --manufacturer-name\n');
  });
});

describe('withTableEdits (the helper of these tests)', () => {
  it('undoes an edit when the test throws, and keeps the objects a module may hold', async () => {
    const pageSize = operationConstraints.queryUpgradeTaskList.parameters.pageSize.schema;
    await expect(
      withTableEdits(
        ({ queryUpgradeTaskList }) => {
          queryUpgradeTaskList.parameters.pageSize!.schema.maximum = 5;
          queryUpgradeTaskList.parameters.extra = { in: 'query', required: false, schema: { type: 'string' } };
        },
        async () => {
          expect(pageSize.maximum).toBe(5);
          throw new Error('the test failed');
        },
      ),
    ).rejects.toThrow('the test failed');
    expect(operationConstraints).toEqual(generated);
    expect(operationConstraints.queryUpgradeTaskList.parameters.pageSize.schema).toBe(pageSize);
  });
});
