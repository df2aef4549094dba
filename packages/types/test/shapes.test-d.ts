// Type-level pins of the shapes other teams rely on. A spec change that alters them fails here.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AuthOutDTO,
  ErrorResponse,
  OperateType,
  QueryUpgradeSubTaskOutDTO,
  SubOperationInfo,
  SubOperationStatus,
  operations,
  paths,
} from '../src/index.js';
import { operateTypeValues, subOperationStatusValues } from '../src/index.js';

describe('enums', () => {
  it('subtask status is the platform union, spelled `fail` not `failed`', () => {
    expectTypeOf<SubOperationStatus>().toEqualTypeOf<'wait' | 'processing' | 'fail' | 'success' | 'stop'>();
    expectTypeOf(subOperationStatusValues).toEqualTypeOf<readonly SubOperationStatus[]>();
  });
  it('operate type is firmware or software upgrade', () => {
    expectTypeOf<OperateType>().toEqualTypeOf<'firmware_upgrade' | 'software_upgrade'>();
    expectTypeOf(operateTypeValues).toEqualTypeOf<readonly OperateType[]>();
  });
});

describe('QueryUpgradeSubTaskOutDTO', () => {
  it('has all four page fields required', () => {
    expectTypeOf<QueryUpgradeSubTaskOutDTO>().toEqualTypeOf<{
      data: SubOperationInfo[];
      pageNo: number;
      pageSize: number;
      totalCount: number;
    }>();
  });
});

describe('SubOperationInfo', () => {
  it('requires ids, type, status and creation time; the rest is optional', () => {
    expectTypeOf<SubOperationInfo>().toEqualTypeOf<{
      subOperationId: string;
      createTime: string;
      startTime?: string;
      stopTime?: string;
      operateType: OperateType;
      deviceId: string;
      status: SubOperationStatus;
      detailInfo?: string;
      extendInfo?: { [key: string]: unknown };
    }>();
  });
});

describe('error body', () => {
  it('is exactly the platform pair of strings', () => {
    expectTypeOf<ErrorResponse>().toEqualTypeOf<{ error_code: string; error_desc: string }>();
  });
  it('is what every error status of the subtask query carries', () => {
    type Responses = operations['queryUpgradeSubTask']['responses'];
    expectTypeOf<Responses[400]['content']['application/json']>().toEqualTypeOf<ErrorResponse>();
    expectTypeOf<Responses[403]['content']['application/json']>().toEqualTypeOf<ErrorResponse>();
    expectTypeOf<Responses[404]['content']['application/json']>().toEqualTypeOf<ErrorResponse>();
    expectTypeOf<Responses[500]['content']['application/json']>().toEqualTypeOf<ErrorResponse>();
  });
});

describe('subtask query request', () => {
  it('takes the operationId in the path and three optional query parameters', () => {
    type Params = paths['/iodm/northbound/v1.5.0/operations/{operationId}/subOperations']['get']['parameters'];
    expectTypeOf<Params['path']>().toEqualTypeOf<{ operationId: string }>();
    expectTypeOf<NonNullable<Params['query']>>().toEqualTypeOf<{
      subOperationStatus?: SubOperationStatus;
      pageNo?: number;
      pageSize?: number;
    }>();
  });
});

describe('token response', () => {
  it('has the fixed scope and token type', () => {
    expectTypeOf<AuthOutDTO>().toEqualTypeOf<{
      scope: 'default';
      tokenType: 'bearer';
      expiresIn: number;
      accessToken: string;
      refreshToken: string;
    }>();
  });
});
