// Issue 18's three spec edits, made on the constraints table in memory (as `npm run generate`
// would write them after a change under openapi/): the subtask pageSize maximum 100 → 200, a
// subtask status `cancelled`, an optional `deviceType` query parameter (maxLength 64). The client
// follows them with no edit of its own; before the edits, the same calls are refused. (The release
// rehearsal, tools/spec-change-rehearsal, makes the edits under openapi/ in a scratch clone.)
import { operationConstraints, type ParameterConstraint } from '@iodm-northbound/spec/constraints';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError, type SubTaskQuery } from '../src/index.js';
import { operationId } from './support/platform-fixtures.js';
import { recordingClient } from './support/recording-client.js';

const parameters = operationConstraints.queryUpgradeSubTask.parameters as Record<string, ParameterConstraint>;

/** The subtask query's parameters as the changed spec would give them; undone after each test. */
function editTheSpec(): void {
  const pageSize = parameters.pageSize!.schema as { maximum: number };
  pageSize.maximum = 200;
  const status = parameters.subOperationStatus!.schema as { enum: string[] };
  status.enum = [...status.enum, 'cancelled'];
  parameters.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: 64 } };
}

// The changed spec's calls: untyped, as the unchanged generated types do not have them yet.
const query = (value: object) => value as SubTaskQuery;

describe("the subtask query after issue 18's spec edits", () => {
  let saved: Record<string, ParameterConstraint>;
  beforeEach(() => {
    saved = structuredClone(parameters);
  });
  afterEach(() => {
    for (const name of Object.keys(parameters)) if (!Object.hasOwn(saved, name)) delete parameters[name];
    Object.assign(parameters, saved);
  });

  it('before the edits, each of the calls below is refused before sending', async () => {
    const { client, calls } = recordingClient();
    for (const value of [{ pageSize: 150 }, { status: 'cancelled' }, { deviceType: 'WaterMeter' }]) {
      await expect(client.querySubTasks(operationId, query(value))).rejects.toBeInstanceOf(ValidationError);
    }
    await client.listSubTasks(operationId).toArray();
    expect(calls().map((request) => request.url.searchParams.get('pageSize'))).toEqual(['100']);
  });

  it('150 is sent and 201 refused before sending; the pager asks for 200 per page', async () => {
    editTheSpec();
    const { client, queries } = recordingClient();
    await client.querySubTasks(operationId, { pageSize: 150 });
    await expect(client.querySubTasks(operationId, { pageSize: 201 })).rejects.toThrow(new ValidationError('pageSize', 'pageSize must be an integer from 1 to 200, got 201', 'queryUpgradeSubTask'));
    await client.listSubTasks(operationId).toArray();
    expect(queries()).toEqual([{ pageSize: '150' }, { pageNo: '0', pageSize: '200' }]);
  });

  it('the status cancelled and the deviceType filter are taken and sent, by the typed and the Python SDK call', async () => {
    editTheSpec();
    const { client, queries } = recordingClient();
    await client.querySubTasks(operationId, query({ status: 'cancelled', deviceType: 'WaterMeter' }));
    await client.queryUpgradeSubTask({ subOperationStatus: 'cancelled', deviceType: 'WaterMeter' } as never, operationId);
    await expect(client.querySubTasks(operationId, query({ deviceType: 'x'.repeat(65) }))).rejects.toMatchObject({ name: 'ValidationError', parameter: 'deviceType' });
    const sent = { subOperationStatus: 'cancelled', deviceType: 'WaterMeter' };
    expect(queries()).toEqual([sent, sent]);
  });
});
