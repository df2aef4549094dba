// The typed methods' query types are the generated query types (less what a method sets itself), and
// the keys the client does not check by name are sent as given: a query parameter added to the spec
// is typed and sent after `npm run generate` and a build, with no edit to the client. The type pins
// are checked by tsc (`npm run lint`), the requests by vitest.
import type { operations } from '@iodm-northbound/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { callOptionNames } from '../src/core/call-options.js';
import {
  createNorthboundClient,
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
import { appId, baseUrl, operationId, secret, tokenResponse } from './support/platform-fixtures.js';
import { isLogin, recordingFetch } from './support/recording-fetch.js';

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

const emptyPage = { data: [], pageNo: 0, pageSize: 100, totalCount: 0 };

function recordingClient() {
  const recorder = recordingFetch((request) => Response.json(isLogin(request) ? tokenResponse(1) : emptyPage));
  const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });
  const queries = () => recorder.requests.filter((request) => !isLogin(request)).map((request) => Object.fromEntries(request.url.searchParams));
  return { client, queries };
}

// A query parameter the spec does not declare today (the example of one it could add). The
// generated type does not have it yet, so the test widens the argument; after the spec adds it, no cast.
const deviceType = 'WaterMeter';
const withDeviceType = <Query>(query: Query) => ({ ...query, deviceType }) as Query;

describe('keys the client does not check by name are sent as given', () => {
  it('every subtask method sends a parameter the client has no name for, next to the checked ones', async () => {
    const { client, queries } = recordingClient();
    await client.querySubTasks(operationId, withDeviceType<SubTaskQuery>({ status: 'fail', pageNo: 0, pageSize: 10, timeoutMs: 5000 }));
    await client.listSubTasks(operationId, withDeviceType<SubTaskListOptions>({ status: 'fail' })).toArray();
    await client.queryUpgradeSubTask({ ...withDeviceType({}), subOperationStatus: 'fail' }, operationId);

    expect(queries()).toEqual([
      { deviceType, subOperationStatus: 'fail', pageNo: '0', pageSize: '10' },
      { deviceType, subOperationStatus: 'fail', pageNo: '0', pageSize: '100' },
      { deviceType, subOperationStatus: 'fail' },
    ]);
  });

  it('the task and package lists pass such a key through too, typed and SDK-shaped, one page and every page', async () => {
    const { client, queries } = recordingClient();
    const extra = { firmwareVersion: 'V1.1.0', retryCount: 2, includeStopped: true };
    await client.queryTasks({ ...extra, status: 'failed' } as TaskQuery);
    await client.listTasks({ ...extra } as TaskListOptions).toArray();
    await client.queryUpgradeTaskList({ ...extra } as never);
    await client.queryPackages({ ...extra, fileType: 'firmwarePackage' } as PackageQuery);
    await client.listPackages({ ...extra } as PackageListOptions).toArray();
    await client.queryUpgradePackageList({ ...extra } as never);

    const sent = { firmwareVersion: 'V1.1.0', retryCount: '2', includeStopped: 'true' };
    expect(queries()).toEqual([
      { ...sent, operationStatus: 'failed' },
      { ...sent, pageNo: '0', pageSize: '100' },
      sent,
      { ...sent, fileType: 'firmwarePackage' },
      { ...sent, pageNo: '0', pageSize: '100' },
      sent,
    ]);
  });

  it('the per-call settings, the friendly names and the paging a pager sets are not passed through', async () => {
    const { client, queries } = recordingClient();
    const signal = new AbortController().signal;
    await client.querySubTasks(operationId, { status: 'fail', subOperationStatus: 'stop', signal, maxRetries: 0, timeoutMs: 5000, totalTimeoutMs: 9000 } as SubTaskQuery);
    await client.listTasks({ status: 'failed', pageNo: 7 } as TaskListOptions).toArray();

    expect(queries()).toEqual([
      { subOperationStatus: 'fail' },
      { operationStatus: 'failed', pageNo: '0', pageSize: '100' },
    ]);
  });

  it('refuses, before sending, a passed-through value with no query-string form', async () => {
    const { client, queries } = recordingClient();
    const error = await client.querySubTasks(operationId, { deviceType: { name: deviceType } } as SubTaskQuery).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe('deviceType');
    expect(queries()).toEqual([]);
  });
});
