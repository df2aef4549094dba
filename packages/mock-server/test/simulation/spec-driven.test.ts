// The simulator's query checks follow the spec's constraints table, not a copy of it: the edits
// issue 18 makes under openapi/ (a larger pageSize maximum, a new status value, a new optional
// query parameter) are made here on the table the spec package's build generates, in memory.
import { operationConstraints, pagingOf, type ValueConstraint } from '@iodm-northbound/spec/constraints';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulationInputError } from '../../src/simulation/index.js';
import { simulator } from './support.js';

type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
const subtaskQuery = operationConstraints.queryUpgradeSubTask as unknown as Writable<{ parameters: Record<string, { in: string; required: boolean; schema: ValueConstraint }> }>;
const original = structuredClone(subtaskQuery.parameters);

function refusal(action: () => unknown): SimulationInputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulationInputError);
    return error as SimulationInputError;
  }
  throw new Error('no error');
}

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
});

describe('after the spec changes the subtask query (issue 18), with no edit to the mock', () => {
  beforeEach(() => {
    const { pageSize, subOperationStatus } = subtaskQuery.parameters;
    pageSize!.schema.maximum = 200;
    subOperationStatus!.schema.enum = [...(subOperationStatus!.schema.enum ?? []), 'cancelled'];
    subtaskQuery.parameters.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: 64 } };
  });
  afterEach(() => {
    subtaskQuery.parameters = structuredClone(original);
  });

  it('takes pageSize 150 and refuses 201 as a paging error', () => {
    const { sim } = simulator();
    expect(sim.querySubTasks('campaign-300', { pageSize: '150' })!.data).toHaveLength(150);
    expect(refusal(() => sim.querySubTasks('campaign-300', { pageSize: 201 })).parameter).toBe('pageSize');
  });

  it('takes the new status value as a filter (no simulated subtask has it)', () => {
    const { sim } = simulator();
    expect(sim.querySubTasks('campaign-300', { subOperationStatus: 'cancelled' })).toMatchObject({ totalCount: 0, data: [] });
  });

  it('takes the new parameter, and checks it against its own limit', () => {
    const { sim } = simulator();
    const query = (deviceType: string) => ({ deviceType }) as Parameters<typeof sim.querySubTasks>[1];
    expect(sim.querySubTasks('campaign-300', query('Meter'))!.totalCount).toBe(300);
    expect(refusal(() => sim.querySubTasks('campaign-300', query('x'.repeat(65)))).parameter).toBe('deviceType');
  });
});
