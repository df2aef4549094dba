// The simulator's query checks follow the spec's constraints table, not a copy of it: the edits
// issue 18 makes under openapi/ (a larger pageSize maximum, a new status value, a new optional
// query parameter) are made here on the table the spec package's build generates, in memory, for
// the time of one test (withTableEdits).
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { type EditableTable, withTableEdits } from '../table-edits.js';
import { refusalError as refusal, simulator } from './support.js';

/** Issue 18's edits of the subtask query. */
function issue18(table: EditableTable): void {
  const parameters = table.queryUpgradeSubTask!.parameters;
  parameters.pageSize!.schema.maximum = 200;
  parameters.subOperationStatus!.schema.enum = [...(parameters.subOperationStatus!.schema.enum ?? []), 'cancelled'];
  parameters.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: 64 } };
}

/** The subtask query with a parameter the simulator's input type does not know (a new one of the spec). */
const withDeviceType = (deviceType: string) => ({ deviceType }) as { subOperationStatus?: string };

describe('the simulator checks a query as the spec says today', () => {
  it('takes pageSize up to the spec maximum and refuses one more, in the table words', () => {
    const { sim } = simulator();
    const { maximum } = pagingOf('queryUpgradeSubTask').pageSize;
    expect(sim.querySubTasks('campaign-300', { pageSize: maximum })!.data).toHaveLength(maximum);
    const error = refusal(() => sim.querySubTasks('campaign-300', { pageSize: String(maximum + 1) }));
    expect(error.parameter).toBe('pageSize');
    expect(error.message).toBe(`pageSize: must be an integer from 1 to ${maximum}, got ${maximum + 1}`);
  });

  it('answers the default page size of the spec when none is asked for', () => {
    const { sim } = simulator();
    expect(sim.querySubTasks('campaign-300')!.pageSize).toBe(pagingOf('queryUpgradeSubTask').pageSize.default);
  });

  it('does not know deviceType on the subtask query: the unchanged spec has no such parameter, so any value passes unread', () => {
    const { sim } = simulator();
    expect(sim.querySubTasks('campaign-300', withDeviceType('x'.repeat(65)))!.totalCount).toBe(300);
    expect(sim.querySubTasks('campaign-300', withDeviceType(''))!.totalCount).toBe(300);
  });
});

describe('after the spec changes the subtask query (issue 18), with no edit to the mock', () => {
  it('takes pageSize 150 and refuses 201 as a paging error', async () => {
    await withTableEdits(issue18, () => {
      const { sim } = simulator();
      expect(sim.querySubTasks('campaign-300', { pageSize: '150' })!.data).toHaveLength(150);
      const error = refusal(() => sim.querySubTasks('campaign-300', { pageSize: 201 }));
      expect(error.message).toBe('pageSize: must be an integer from 1 to 200, got 201');
      expect(error.outOfRange).toBe(true);
    });
  });

  it('takes the new status value as a filter (no simulated subtask has it)', async () => {
    await withTableEdits(issue18, () => {
      const { sim } = simulator();
      expect(sim.querySubTasks('campaign-300', { subOperationStatus: 'cancelled' })).toMatchObject({ totalCount: 0, data: [] });
    });
  });

  it('reads the new parameter and holds it to its own limit: 64 characters pass, 65 and the empty value do not', async () => {
    await withTableEdits(issue18, () => {
      const { sim } = simulator();
      expect(sim.querySubTasks('campaign-300', withDeviceType('x'.repeat(64)))!.totalCount).toBe(300);
      const tooLong = refusal(() => sim.querySubTasks('campaign-300', withDeviceType('x'.repeat(65))));
      expect([tooLong.parameter, tooLong.message]).toEqual(['deviceType', 'deviceType: must be a string of at most 64 characters, got 65 characters']);
      expect(refusal(() => sim.querySubTasks('campaign-300', withDeviceType(''))).message).toBe('deviceType: is empty; leave it out instead');
    });
  });
});

describe('the task list after the spec changes its paging', () => {
  it('lists the created tasks when pageNo starts at 1 (the filters are checked with the spec paging defaults, no page number of its own)', async () => {
    const firstPageIsOne = (table: EditableTable) => {
      const pageNo = table.queryUpgradeTaskList!.parameters.pageNo!.schema;
      pageNo.minimum = 1;
      pageNo.default = 1;
    };
    await withTableEdits(firstPageIsOne, () => {
      const { sim } = simulator();
      sim.createTask('firmware_upgrade', { fileId: 'fw-1', targets: { devices: ['d-1'] } });
      expect(sim.listTasks()).toMatchObject({ pageNo: 1, totalCount: 1 });
      expect(sim.matchingTasks({ operationType: 'firmware_upgrade' })).toHaveLength(1);
    });
  });
});
