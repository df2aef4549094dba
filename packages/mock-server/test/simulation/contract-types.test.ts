// The simulation's views are written out in src/simulation/views.ts so that the mock's published
// types need no other package; this pins them to the contract's generated types. A field renamed,
// retyped or newly required in the spec breaks `npm run lint` (tsc) here; a field the spec makes
// optional does not (the simulation may always answer it). The runtime checks below make the same
// point on real answers of a running campaign.
import type * as Contract from '@iodm-northbound/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  OperatePolicy,
  OperateType,
  OperationInfo,
  OperationStaResult,
  SubOperationInfo,
  SubtaskStatus,
  SubTaskPage,
  TaskListPage,
  TaskStatus,
} from '../../src/simulation/index.js';
import type { pagedTaskInfo, pagedTaskPage } from '../../src/paged-task.js';
import { simulator } from './support.js';

/** The contract type as the simulation hands it out: its arrays are read-only (it never shares mutable state). */
type Readonly_<T> = T extends (infer Item)[] ? readonly Readonly_<Item>[] : T extends object ? { readonly [K in keyof T]: Readonly_<T[K]> } : T;

describe('the simulation answers in the contract types', () => {
  it("every view is assignable to its generated type, and its enums are subsets of the spec's", () => {
    expectTypeOf<OperationInfo>().toExtend<Readonly_<Contract.OperationInfo>>();
    expectTypeOf<OperationStaResult>().toExtend<Readonly_<Contract.OperationStaResult>>();
    expectTypeOf<SubOperationInfo>().toExtend<Readonly_<Contract.SubOperationInfo>>();
    expectTypeOf<SubTaskPage>().toExtend<Readonly_<Contract.QueryUpgradeSubTaskOutDTO>>();
    expectTypeOf<TaskListPage>().toExtend<Readonly_<Contract.QueryUpgradeTaskListOutDTO>>();
    // Assignability allows extra fields, so a field the spec renames would still pass above: no
    // view may have a field its contract type does not.
    expectTypeOf<Exclude<keyof OperationInfo, keyof NonNullable<Contract.OperationInfo>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OperationStaResult, keyof NonNullable<Contract.OperationStaResult>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof SubOperationInfo, keyof NonNullable<Contract.SubOperationInfo>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OperatePolicy, keyof NonNullable<Contract.OperatePolicy>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof NonNullable<OperationInfo['targets']>, keyof NonNullable<Contract.OperateDevices>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof SubTaskPage, keyof NonNullable<Contract.QueryUpgradeSubTaskOutDTO>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof TaskListPage, keyof NonNullable<Contract.QueryUpgradeTaskListOutDTO>>>().toEqualTypeOf<never>();
    // The simulation answers some of the spec's values: one the spec renames or drops fails here; one
    // it adds does not (whether a campaign ever produces it is the mock's choice), so an enum value
    // added under openapi/ needs no edit here.
    expectTypeOf<TaskStatus>().toExtend<Contract.OperationStatus>();
    expectTypeOf<OperateType>().toExtend<Contract.OperateType>();
    expectTypeOf<SubOperationInfo['status']>().toExtend<Contract.SubOperationStatus>();
    expectTypeOf<SubtaskStatus>().toExtend<Contract.SubOperationStatus>();
    // The deterministic paged-<N> task answers in them too (its statuses are written against them).
    expectTypeOf<ReturnType<typeof pagedTaskInfo>['status']>().toExtend<TaskStatus>();
    expectTypeOf<ReturnType<typeof pagedTaskInfo>['operateType']>().toExtend<OperateType>();
    expectTypeOf<ReturnType<typeof pagedTaskPage>['data'][number]['status']>().toExtend<SubtaskStatus>();
  });

  it('a running campaign answers with values of those types', () => {
    const { sim, clock } = simulator();
    const { operationId } = sim.createTask('software_upgrade', { fileId: 'sw-1', targets: { devices: ['d-1', 'd-2', 'd-3'] } });
    clock.advance(60_000);
    const task: Readonly_<Contract.OperationInfo> = sim.getTask(operationId)!;
    const page: Readonly_<Contract.QueryUpgradeSubTaskOutDTO> = sim.querySubTasks(operationId, { pageNo: 0, pageSize: 10, subOperationStatus: null })!;
    expect(task.operateType).toBe('software_upgrade');
    expect(page.data.map((subtask) => subtask.operateType)).toEqual(['software_upgrade', 'software_upgrade', 'software_upgrade']);
    expect(page.totalCount).toBe(3);
  });
});
