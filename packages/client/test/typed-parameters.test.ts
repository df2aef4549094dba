// The typed methods' query types are the generated query types (less what a method sets itself), and
// every key is checked against the operation's query parameters in the spec's constraints table: a
// query parameter added to the spec is typed, checked and sent after `npm run generate` and a build,
// with no edit to the client; a key that is no parameter is refused. The type pins are checked by tsc
// (`npm run lint`), the requests by vitest.
import { parametersIn } from '@iodm-northbound/spec/constraints';
import type { operations } from '@iodm-northbound/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { callOptionNames } from '../src/core/call-options.js';
import {
  ValidationError,
  type CallOptions,
  type PackageFilter,
  type PackageListOptions,
  type PackageQuery,
  type SubTaskFilter,
  type SubTaskListOptions,
  type SubTaskQuery,
  type TaskFilter,
  type TaskListOptions,
  type TaskQuery,
} from '../src/index.js';
import { operationId } from './support/platform-fixtures.js';
import { recordingClient } from './support/recording-client.js';

type QueryOf<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;
type SubTaskParameters = QueryOf<'queryUpgradeSubTask'>;
type TaskParameters = QueryOf<'queryUpgradeTaskList'>;
type PackageParameters = QueryOf<'queryUpgradePackageList'>;
type Paging = 'pageNo' | 'pageSize';

describe('the query types are the generated ones', () => {
  it('a filter holds every generated query parameter but the paging, with its generated type', () => {
    expectTypeOf<PackageFilter>().toEqualTypeOf<Omit<PackageParameters, Paging>>();
    expectTypeOf<Pick<TaskFilter, Exclude<keyof TaskParameters, Paging>>>().toEqualTypeOf<Omit<TaskParameters, Paging>>();
    expectTypeOf<Pick<SubTaskFilter, Exclude<keyof SubTaskParameters, Paging | 'subOperationStatus'>>>().toEqualTypeOf<
      Omit<SubTaskParameters, Paging | 'subOperationStatus'>
    >();
  });

  it('the status filter is `status` on both task lists (`operationStatus` the deprecated alias); the subtask wire name is not a typed key', () => {
    expectTypeOf<keyof TaskFilter>().toEqualTypeOf<Exclude<keyof TaskParameters, Paging> | 'status'>();
    expectTypeOf<TaskFilter['status']>().toEqualTypeOf<TaskParameters['operationStatus']>();
    expectTypeOf<keyof SubTaskFilter>().toEqualTypeOf<Exclude<keyof SubTaskParameters, Paging | 'subOperationStatus'> | 'status'>();
    expectTypeOf<SubTaskFilter['status']>().toEqualTypeOf<SubTaskParameters['subOperationStatus']>();
  });

  it('one page takes the filter, both paging parameters and the call options; a pager the filter, the page size and the call options', () => {
    expectTypeOf<keyof PackageQuery>().toEqualTypeOf<keyof PackageFilter | Paging | keyof CallOptions>();
    expectTypeOf<keyof PackageListOptions>().toEqualTypeOf<keyof PackageFilter | 'pageSize' | keyof CallOptions>();
    expectTypeOf<PackageQuery['pageNo']>().toEqualTypeOf<PackageParameters['pageNo']>();
    expectTypeOf<keyof TaskQuery>().toEqualTypeOf<keyof TaskFilter | Paging | keyof CallOptions>();
    expectTypeOf<keyof TaskListOptions>().toEqualTypeOf<keyof TaskFilter | 'pageSize' | keyof CallOptions>();
    expectTypeOf<keyof SubTaskQuery>().toEqualTypeOf<keyof SubTaskFilter | Paging | keyof CallOptions>();
    expectTypeOf<keyof SubTaskListOptions>().toEqualTypeOf<keyof SubTaskFilter | 'pageSize' | keyof CallOptions>();
    expectTypeOf<SubTaskQuery['pageSize']>().toEqualTypeOf<SubTaskParameters['pageSize']>();
  });

  it('the per-call settings the client keeps out of the query are every CallOptions key', () => {
    expectTypeOf<(typeof callOptionNames)[number]>().toEqualTypeOf<keyof CallOptions>();
  });
});

describe('every key is a query parameter of the operation, or refused', () => {
  it('a key that is no query parameter of the operation is refused before sending, naming the ones there are (from the spec)', async () => {
    const { client, queries } = recordingClient();
    const error = await client.querySubTasks(operationId, { deviceTyp: 'WaterMeter' } as SubTaskQuery).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe('deviceTyp');
    const known = Object.keys(parametersIn('queryUpgradeSubTask', 'query')).map((name) => (name === 'subOperationStatus' ? 'status' : name));
    expect((error as Error).message).toBe(`unknown query parameter deviceTyp for queryUpgradeSubTask; known: ${known.join(', ')}`);
    // Today's subtask query: a status filter and the paging.
    expect(known).toEqual(['status', 'pageNo', 'pageSize']);
    expect(() => client.listTasks({ firmwareVersion: 'V1.1.0' } as TaskListOptions)).toThrow(/^unknown query parameter firmwareVersion for queryUpgradeTaskList; known: operationType, status, /);
    await expect(client.queryUpgradePackageList({ manufactureName: 'Huawei' } as never)).rejects.toMatchObject({ name: 'ValidationError', parameter: 'manufactureName' });
    expect(queries()).toEqual([]);
  });

  it('the per-call settings, the friendly names and the paging a pager sets are not sent as given', async () => {
    const { client, queries } = recordingClient();
    const signal = new AbortController().signal;
    await client.querySubTasks(operationId, { status: 'fail', subOperationStatus: 'fail', signal, maxRetries: 0, timeoutMs: 5000, totalTimeoutMs: 9000 } as SubTaskQuery);
    await client.listTasks({ status: 'failed', pageNo: 7 } as TaskListOptions).toArray();

    expect(queries()).toEqual([
      { subOperationStatus: 'fail' },
      { operationStatus: 'failed', pageNo: '0', pageSize: '100' },
    ]);
  });

  it('a friendly name and its wire name with different values are refused', async () => {
    const { client, queries } = recordingClient();
    const error = await client.querySubTasks(operationId, { status: 'fail', subOperationStatus: 'stop' } as SubTaskQuery).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe('status');
    expect((error as Error).message).toBe('give status or its wire name subOperationStatus, not both with different values');
    expect(queries()).toEqual([]);
  });

  it('refuses, before sending, a value with no query-string form', async () => {
    const { client, queries } = recordingClient();
    const error = await client.queryTasks({ deviceType: { name: 'WaterMeter' } } as never).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe('deviceType');
    expect(queries()).toEqual([]);
  });

  it('an empty filter is refused (leave it out, or null, not to filter)', async () => {
    const { client, queries } = recordingClient();
    await expect(client.queryTasks({ deviceId: '' })).rejects.toMatchObject({ name: 'ValidationError', parameter: 'deviceId', message: 'deviceId is empty; leave it out instead' });
    await expect(client.queryUpgradePackageList({ model: '' })).rejects.toMatchObject({ name: 'ValidationError', parameter: 'model', message: 'model is empty; leave it out instead' });
    await client.queryTasks({ deviceId: null as never, model: undefined });
    expect(queries()).toEqual([{}]);
  });
});
