// Platform answers as the reference documents them: error bodies `{error_code, error_desc}`,
// token responses, and subtask pages with realistic ids and platform timestamps.
import { type PlatformErrorCode, platformErrors as factsOf } from '@iodm-northbound/spec/facts';
import type { AuthOutDTO, QueryUpgradeSubTaskOutDTO, SubOperationInfo, SubOperationStatus } from '@iodm-northbound/types';

export const baseUrl = 'https://203.0.113.10:8743';
export const appId = '3RQ9UnhymV409MfKPuiin75XroQa';
export const secret = '9zsPMbVqUe6pQe4eaWHG8DaeR6oa';
export const operationId = '5bf3a8c7e1d2f40001a3b4c5';

export function tokenResponse(n: number, expiresIn = 3600): AuthOutDTO {
  return {
    scope: 'default',
    tokenType: 'bearer',
    expiresIn,
    accessToken: `6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a${String(n).padStart(2, '0')}`,
    refreshToken: `1d8f3e0b2b6a4c1f9e7d5c3b1a0f8e${String(n).padStart(2, '0')}`,
  };
}

export function subtask(index: number, status: SubOperationStatus = 'fail'): SubOperationInfo {
  const hex = index.toString(16).padStart(12, '0');
  return {
    subOperationId: `5c0b4f7e3a1d${hex}`,
    createTime: '20181126T080000Z',
    startTime: '20181126T080005Z',
    stopTime: '20181126T081210Z',
    operateType: 'firmware_upgrade',
    deviceId: `8f9c2d4e-1b3a-4c5d-9e7f-${hex}`,
    status,
    detailInfo: status === 'fail' ? 'Device did not respond to the upgrade command.' : 'ok',
    extendInfo: { targetVersion: 'V1.1.0', sourceVersion: 'V1.0.3' },
  };
}

/** Page `pageNo` of a task with `totalCount` subtasks. */
export function page(pageNo: number, pageSize: number, totalCount: number): QueryUpgradeSubTaskOutDTO {
  const first = pageNo * pageSize;
  const data: SubOperationInfo[] = [];
  for (let i = first; i < Math.min(first + pageSize, totalCount); i++) data.push(subtask(i));
  return { data, pageNo, pageSize, totalCount };
}

/** The platform's answer with a documented code: its status and wording from the platform facts. */
function documented<Code extends PlatformErrorCode>(code: Code, wording?: string) {
  const { status, ...fact } = factsOf[code] as { status: number; desc?: string };
  return { status, body: { error_code: code, error_desc: wording ?? fact.desc ?? '' } };
}

export const platformErrors = {
  badRequest: documented('120015'),
  pageOutOfRange: documented('123029'),
  invalidToken: documented('1010005'),
  throttled: documented('1010009'),
  taskNotFound: documented('123009'),
  serverError: documented('100001'),
  // No wording is documented for these two.
  applicationFrozen: documented('100247', 'The application is frozen.'),
  requiredParameterEmpty: documented('102202', 'Required Parameter is empty.'),
} as const;

export function errorResponse(error: { status: number; body: object }, headers: Record<string, string> = {}): Response {
  return Response.json(error.body, { status: error.status, headers });
}
