// The client's input checks and paging defaults come from the spec's constraints table
// (`@iodm-northbound/spec/constraints`), not from values written again in the client: each test
// reads its limits and values from the table, so it fails if a check used a value of its own. The
// literal-value tests elsewhere (pageSize 101, 257 groups) pin today's platform behaviour.
import { describeConstraint, operationConstraints, pagingOf, parametersIn, type ValueConstraint } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { createNorthboundClient, type NorthboundClient, ValidationError } from '../src/index.js';
import { appId, baseUrl, operationId, secret, tokenResponse } from './support/platform-fixtures.js';
import { recordingClient } from './support/recording-client.js';
import { isLogin, recordingFetch } from './support/recording-fetch.js';
import { deviceIds, fileId } from './support/upgrade-fixtures.js';

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

/** The largest value a schema allows: the last enum value, the maximum, the longest text. */
function largestValid(schema: ValueConstraint): string | number | boolean {
  if (schema.enum !== undefined) return schema.enum.at(-1) as string;
  if (schema.type === 'integer' || schema.type === 'number') return schema.maximum ?? schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  return 'x'.repeat(schema.maxLength ?? 8);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type ListOperation = 'queryUpgradeSubTask' | 'queryUpgradeTaskList' | 'queryUpgradePackageList';
/** The one-page, every-page and Python-SDK-shaped methods of each list, and the friendly names of their typed methods. */
const lists: Record<ListOperation, { friendly: Record<string, string>; onePage: (client: NorthboundClient, query: object) => Promise<unknown>; pager: (client: NorthboundClient, options: object) => { toArray(): Promise<unknown> }; sdk: (client: NorthboundClient, dto: object) => Promise<unknown> }> = {
  queryUpgradeSubTask: {
    friendly: { subOperationStatus: 'status' },
    onePage: (client, query) => client.querySubTasks(operationId, query),
    pager: (client, options) => client.listSubTasks(operationId, options),
    sdk: (client, dto) => client.queryUpgradeSubTask(dto as never, operationId),
  },
  queryUpgradeTaskList: {
    friendly: { operationStatus: 'status' },
    onePage: (client, query) => client.queryTasks(query),
    pager: (client, options) => client.listTasks(options),
    sdk: (client, dto) => client.queryUpgradeTaskList(dto as never),
  },
  queryUpgradePackageList: {
    friendly: {},
    onePage: (client, query) => client.queryPackages(query),
    pager: (client, options) => client.listPackages(options),
    sdk: (client, dto) => client.queryUpgradePackageList(dto as never),
  },
};
const listOperations = Object.keys(lists) as ListOperation[];

describe.each(listOperations)('%s: the query is checked against the spec', (operation) => {
  const parameters = parametersIn(operation, 'query');
  const { friendly, onePage, pager, sdk } = lists[operation];
  const byWireName = Object.fromEntries(Object.entries(parameters).map(([name, { schema }]) => [name, largestValid(schema)]));
  const typed = Object.fromEntries(Object.entries(byWireName).map(([name, value]) => [friendly[name] ?? name, value]));
  const sent = Object.fromEntries(Object.entries(byWireName).map(([name, value]) => [name, String(value)]));

  it('every query parameter of the spec is accepted at its largest value and sent, by each method', async () => {
    const { client, queries } = recordingClient();
    await onePage(client, typed);
    const { pageNo: _, ...pagerOptions } = typed;
    await pager(client, pagerOptions).toArray();
    // The Python SDK's numbers may come as text.
    await sdk(client, Object.fromEntries(Object.entries(byWireName).map(([name, value]) => [name, typeof value === 'number' ? String(value) : value])));
    expect(queries()).toEqual([sent, { ...sent, pageNo: '0' }, sent]);
  });

  it.each(Object.keys(parameters))('%s beyond its constraint is refused with the words of the spec', async (name) => {
    const { schema } = parameters[name]!;
    const beyond = schema.enum !== undefined ? 'not-a-value' : schema.type === 'string' ? 'x'.repeat((schema.maxLength ?? 0) + 1) : (schema.maximum ?? 0) + 1;
    const { client, calls } = recordingClient();
    const key = friendly[name] ?? name;
    const error = await refusal(onePage(client, { [key]: beyond }));
    expect(error.parameter).toBe(key);
    const got = typeof beyond === 'string' ? (schema.enum !== undefined ? `, got ${JSON.stringify(beyond)}` : `, got ${beyond.length} characters`) : `, got ${beyond}`;
    expect(error.message).toMatch(new RegExp(`^${key} must be ${escapeRegExp(describeConstraint(schema))}${escapeRegExp(got)}( \\(.*\\))?$`));
    expect(calls()).toEqual([]);
  });

  it("the pager's default page is the spec's largest pageSize", async () => {
    const { maximum } = pagingOf(operation).pageSize;
    const { client, queries } = recordingClient();
    await pager(client, {}).toArray();
    expect(queries()).toEqual([{ pageNo: '0', pageSize: String(maximum) }]);
  });
});

describe('the one-page queries refuse a page larger than the largest the spec allows', () => {
  it.each(listOperations)('%s', async (operation) => {
    const { maximum } = pagingOf(operation).pageSize;
    const item = operation === 'queryUpgradePackageList' ? { fileId } : operation === 'queryUpgradeTaskList' ? { operationId } : { subOperationId: 's' };
    const recorder = recordingFetch((request) =>
      Response.json(isLogin(request) ? tokenResponse(1) : { data: Array.from({ length: maximum + 1 }, () => item), pageNo: 0, pageSize: maximum + 1, totalCount: maximum + 1 }),
    );
    const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });
    await expect(lists[operation].onePage(client, {})).rejects.toThrow(`${operation}: the server answered ${maximum + 1} items to a page of pageSize ${maximum}; refused`);
  });
});

describe('the create-task body is checked against the spec', () => {
  const body = operationConstraints.createFirmwareUpgradeTask.body.schema;
  const targets = body.properties.targets.properties;
  const policy = body.properties.policy.properties;
  const group = { deviceType: 'WaterMeter', model: 'BC95', manufacturerName: 'Huawei' };

  it('the most device groups the spec allows are accepted, one more is refused with its words', async () => {
    const { maxItems } = targets.deviceGroups;
    const groups = (n: number) => Array.from({ length: n }, (_, i) => `group-${i}`);
    const { client, calls } = recordingClient();
    await client.createFirmwareTask({ fileId, targets: { deviceGroups: groups(maxItems), ...group } });
    const error = await refusal(client.createFirmwareTask({ fileId, targets: { deviceGroups: groups(maxItems + 1), ...group } }));
    expect(error.parameter).toBe('targets.deviceGroups');
    expect(error.message).toBe(`targets.deviceGroups holds ${maxItems + 1} entries; at most ${maxItems} are allowed`);
    expect(calls()).toHaveLength(1);
  });

  it('every text field of the body at its longest is accepted, one character more refused', async () => {
    const texts: Array<[string, number, (text: string) => object]> = [
      ['targets.deviceType', targets.deviceType.maxLength, (text) => ({ fileId, targets: { deviceGroups: ['g'], ...group, deviceType: text } })],
      ['targets.devices[0]', targets.devices.items.maxLength, (text) => ({ fileId, targets: { devices: [text] } })],
      ['targets.deviceGroups[0]', targets.deviceGroups.items.maxLength, (text) => ({ fileId, targets: { deviceGroups: [text], ...group } })],
      ['policy.executeType', policy.executeType.maxLength, (text) => ({ fileId, targets: { devices: deviceIds }, policy: { executeType: text } })],
    ];
    const { client, calls } = recordingClient();
    for (const [path, maxLength, bodyWith] of texts) {
      await client.createSoftwareTask(bodyWith('x'.repeat(maxLength)) as never);
      const error = await refusal(client.createSoftwareTask(bodyWith('x'.repeat(maxLength + 1)) as never));
      expect(error.parameter).toBe(path);
      expect(error.message).toBe(`${path} must be a string of at most ${maxLength} characters, got ${maxLength + 1} characters`);
    }
    expect(calls()).toHaveLength(texts.length);
  });

  it("a time not in the spec's pattern and a retryTimes beyond its maximum are refused with the spec's words", async () => {
    const { client, calls } = recordingClient();
    const startTime = await refusal(client.createFirmwareTask({ fileId, targets: { devices: deviceIds }, policy: { startTime: '2018-11-26T08:00:00Z' } }));
    expect(startTime.message).toBe(`policy.startTime must be ${describeConstraint(policy.startTime)}, got 20 characters`);
    expect(startTime.message).toContain(policy.startTime.pattern);
    const retryTimes = await refusal(client.createFirmwareTask({ fileId, targets: { devices: deviceIds }, policy: { retryTimes: policy.retryTimes.maximum + 1 } }));
    expect(retryTimes.parameter).toBe('policy.retryTimes');
    expect(retryTimes.message).toBe(`policy.retryTimes must be ${describeConstraint(policy.retryTimes)}, got ${policy.retryTimes.maximum + 1}`);
    expect(calls()).toEqual([]);
  });

  it('a field the spec does not name is refused, naming the ones it does', async () => {
    const { client } = recordingClient();
    const error = await refusal(client.createFirmwareTask({ fileId, targets: { devices: deviceIds }, policy: { retryCount: 2 } } as never));
    expect(error.parameter).toBe('policy.retryCount');
    expect(error.message).toBe(`policy.retryCount is not a field of policy; known: ${Object.keys(policy).join(', ')}`);
  });
});

// The tests above build their expected words from the table and the checker under test; these pin
// today's words, one refusal of each kind, so a change of wording shows up here.
describe("today's refusals, word for word", () => {
  it.each<[string, (client: NorthboundClient) => Promise<unknown>, string, string]>([
    ['an integer beyond its bound', (client) => client.querySubTasks(operationId, { pageSize: 101 }), 'pageSize', 'pageSize must be an integer from 1 to 100, got 101'],
    [
      'an enum value, near miss',
      (client) => client.querySubTasks(operationId, { status: 'failed' as never }),
      'status',
      'status must be one of wait, processing, fail, success, stop, got "failed" (did you mean "fail"?)',
    ],
    ['a text too long', (client) => client.queryTasks({ model: 'x'.repeat(257) }), 'model', 'model must be a string of at most 256 characters, got 257 characters'],
    [
      'an unknown query key',
      (client) => client.queryTasks({ colour: 'red' } as never),
      'colour',
      'unknown query parameter colour for queryUpgradeTaskList; known: operationType, status, deviceType, model, manufacturerName, deviceId, pageNo, pageSize',
    ],
    ['an empty filter', (client) => client.queryPackages({ version: '' }), 'version', 'version is empty; leave it out instead'],
    [
      'too many device groups in the body',
      (client) => client.createFirmwareTask({ fileId, targets: { deviceGroups: Array.from({ length: 257 }, (_, i) => `g-${i}`), deviceType: 'WaterMeter', model: 'BC95', manufacturerName: 'Huawei' } }),
      'targets.deviceGroups',
      'targets.deviceGroups holds 257 entries; at most 256 are allowed',
    ],
    [
      'a body field the spec does not name',
      (client) => client.createFirmwareTask({ fileId, targets: { devices: deviceIds }, policy: { retryCount: 2 } } as never),
      'policy.retryCount',
      'policy.retryCount is not a field of policy; known: executeType, startTime, endTime, retryType, retryTimes',
    ],
    [
      'a body time not in the platform format',
      (client) => client.createFirmwareTask({ fileId, targets: { devices: deviceIds }, policy: { startTime: '2018-11-26T08:00:00Z' } }),
      'policy.startTime',
      'policy.startTime must be a string of exactly 16 characters matching ^\\d{8}T\\d{6}Z$, got 20 characters',
    ],
  ])('%s', async (_, call, parameter, message) => {
    const { client, calls } = recordingClient();
    const error = await refusal(call(client));
    expect(error.parameter).toBe(parameter);
    expect(error.message).toBe(message);
    expect(calls()).toEqual([]);
  });
});

// The Python SDK's query may hold numbers as text: only an integer as the platform writes it is read
// as one (the mock, through Prism, refuses ?pageSize=10.0 too).
describe("the Python SDK's numbers as text are read strictly", () => {
  it.each(['10.0', '010', '+5', '-0', '1e1', ' 10', '0x10'])('pageSize %j is refused, not read as a number', async (text) => {
    const { client, calls } = recordingClient();
    const error = await refusal(client.queryUpgradeSubTask({ pageSize: text } as never, operationId));
    expect(error.parameter).toBe('pageSize');
    expect(error.message).toBe(`pageSize must be an integer from 1 to 100, got ${JSON.stringify(text)}`);
    expect(calls()).toEqual([]);
  });

  it('digits as the platform writes them are read and sent as the number', async () => {
    const { client, queries } = recordingClient();
    await client.queryUpgradeTaskList({ pageNo: '0', pageSize: '10' });
    expect(queries()).toEqual([{ pageNo: '0', pageSize: '10' }]);
  });
});
