// Type-level pins of the rest of the Device Upgrade group: packages, creating tasks, one task and
// the task list. A spec change that alters a shape other teams rely on fails here.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CategoryInfo,
  CreateUpgradeTaskInDTO,
  CreateUpgradeTaskOutDTO,
  ErrorResponse,
  FileType,
  OperateDevices,
  OperatePolicy,
  OperateType,
  OperationInfo,
  OperationStaResult,
  OperationStatus,
  PlatformTimestamp,
  QueryUpgradePackageListOutDTO,
  QueryUpgradeTaskListOutDTO,
  operations,
  paths,
} from '../src/index.js';
import { fileTypeValues, operationStatusValues } from '../src/index.js';

const base = '/iodm/northbound/v1.5.0';

describe('enums', () => {
  it('task status spells `failed`, unlike the subtask status', () => {
    expectTypeOf<OperationStatus>().toEqualTypeOf<'wait' | 'processing' | 'failed' | 'success' | 'stop'>();
    expectTypeOf<'fail'>().not.toExtend<OperationStatus>();
    expectTypeOf(operationStatusValues).toEqualTypeOf<readonly OperationStatus[]>();
  });
  it('package type is firmware or software package', () => {
    expectTypeOf<FileType>().toEqualTypeOf<'firmwarePackage' | 'softwarePackage'>();
    expectTypeOf(fileTypeValues).toEqualTypeOf<readonly FileType[]>();
  });
});

describe('version packages', () => {
  it('a package requires its id, name, version and type; the rest is optional', () => {
    expectTypeOf<CategoryInfo>().toEqualTypeOf<{
      fileId: string;
      name: string;
      version: string;
      fileType: FileType;
      deviceType?: string;
      model?: string;
      manufacturerName?: string;
      protocolType?: string;
      description?: string;
      date?: string;
      uploadTime?: string;
    }>();
  });
  it('the package list is a page of packages', () => {
    expectTypeOf<QueryUpgradePackageListOutDTO>().toEqualTypeOf<{
      data: CategoryInfo[];
      pageNo: number;
      pageSize: number;
      totalCount: number;
    }>();
  });
  it('filters by manufacturerName (not the URL template spelling manufactureName)', () => {
    type Query = NonNullable<paths[`${typeof base}/category`]['get']['parameters']['query']>;
    expectTypeOf<Query>().toEqualTypeOf<{
      fileType?: FileType;
      deviceType?: string;
      model?: string;
      manufacturerName?: string;
      version?: string;
      pageNo?: number;
      pageSize?: number;
    }>();
  });
  it('one package and its delete take the fileId in the path; the delete answers no body', () => {
    type Item = paths[`${typeof base}/category/{fileId}`];
    expectTypeOf<Item['get']['parameters']['path']>().toEqualTypeOf<{ fileId: string }>();
    expectTypeOf<Item['get']['responses'][200]['content']['application/json']>().toEqualTypeOf<CategoryInfo>();
    expectTypeOf<Item['delete']['parameters']['path']>().toEqualTypeOf<{ fileId: string }>();
    expectTypeOf<Item['delete']['responses'][200]['content']>().toEqualTypeOf<undefined>();
    expectTypeOf<Item['delete']['responses'][404]['content']['application/json']>().toEqualTypeOf<ErrorResponse>();
  });
});

describe('creating a task', () => {
  it('targets devices or device groups, every field nullable as the Python SDK sends it', () => {
    expectTypeOf<OperateDevices>().toEqualTypeOf<{
      deviceGroups?: string[] | null;
      deviceType?: string | null;
      model?: string | null;
      manufacturerName?: string | null;
      devices?: string[] | null;
    }>();
  });
  it('the policy, and each of its fields, may be null', () => {
    expectTypeOf<OperatePolicy>().toEqualTypeOf<{
      executeType?: string | null;
      startTime?: string | null;
      endTime?: string | null;
      retryType?: boolean | null;
      retryTimes?: number | null;
    } | null>();
  });
  it('takes fileId and targets, and an optional (nullable) policy', () => {
    expectTypeOf<CreateUpgradeTaskInDTO>().toEqualTypeOf<{ fileId: string; targets: OperateDevices; policy?: OperatePolicy }>();
    expectTypeOf<{ fileId: string; targets: OperateDevices; policy: null }>().toExtend<CreateUpgradeTaskInDTO>();
  });
  it('firmware and software calls share the body and answer the new operationId', () => {
    expectTypeOf<CreateUpgradeTaskOutDTO>().toEqualTypeOf<{ operationId: string }>();
    type Firmware = operations['createFirmwareUpgradeTask'];
    type Software = operations['createSoftwareUpgradeTask'];
    expectTypeOf<Firmware['requestBody']['content']['application/json']>().toEqualTypeOf<CreateUpgradeTaskInDTO>();
    expectTypeOf<Software['requestBody']['content']['application/json']>().toEqualTypeOf<CreateUpgradeTaskInDTO>();
    expectTypeOf<Firmware['responses'][200]['content']['application/json']>().toEqualTypeOf<CreateUpgradeTaskOutDTO>();
    expectTypeOf<Software['responses'][200]['content']['application/json']>().toEqualTypeOf<CreateUpgradeTaskOutDTO>();
    expectTypeOf<Firmware['responses'][404]['content']['application/json']>().toEqualTypeOf<ErrorResponse>();
  });
});

describe('tasks', () => {
  it('the subtask counters spell `fail`', () => {
    expectTypeOf<OperationStaResult>().toEqualTypeOf<{
      total?: number;
      wait?: number;
      processing?: number;
      success?: number;
      fail?: number;
      stop?: number;
      timeout?: number;
    }>();
  });
  it('a task requires its id, creation time, type and status', () => {
    expectTypeOf<OperationInfo>().toEqualTypeOf<{
      operationId: string;
      createTime: PlatformTimestamp;
      startTime?: PlatformTimestamp;
      stopTime?: PlatformTimestamp;
      operateType: OperateType;
      targets?: OperateDevices;
      policy?: OperatePolicy;
      status: OperationStatus;
      staResult?: OperationStaResult;
      extendPara?: { [key: string]: string };
    }>();
  });
  it('one task is an OperationInfo; the task list is a page of them', () => {
    type One = operations['queryUpgradeTask'];
    expectTypeOf<One['parameters']['path']>().toEqualTypeOf<{ operationId: string }>();
    expectTypeOf<One['responses'][200]['content']['application/json']>().toEqualTypeOf<OperationInfo>();
    expectTypeOf<One['responses'][404]['content']['application/json']>().toEqualTypeOf<ErrorResponse>();
    expectTypeOf<QueryUpgradeTaskListOutDTO>().toEqualTypeOf<{
      data: OperationInfo[];
      pageNo: number;
      pageSize: number;
      totalCount: number;
    }>();
  });
  it('the task list filters by type, status (`failed`), device and page', () => {
    type Query = NonNullable<operations['queryUpgradeTaskList']['parameters']['query']>;
    expectTypeOf<Query>().toEqualTypeOf<{
      operationType?: OperateType;
      operationStatus?: OperationStatus;
      deviceType?: string;
      model?: string;
      manufacturerName?: string;
      deviceId?: string;
      pageNo?: number;
      pageSize?: number;
    }>();
  });
});
