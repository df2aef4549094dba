// Version packages and upgrade tasks as the spec's examples describe them, with realistic ids.
import type { CategoryInfo, OperationInfo, QueryUpgradePackageListOutDTO, QueryUpgradeTaskListOutDTO } from '@iodm-northbound/types';

// The spec's two example packages (FirmwarePackage, SoftwarePackage): a fresh mock knows both.
export const fileId = '5bd7e1a2c3f40001a2b3c4d5';
export const softwareFileId = '5bd7e1a2c3f40001a2b3c4e6';
export const newTaskId = '5bf3a8c7e1d2f40001a3b4c5';
export const deviceIds = ['8f9c2d4e-1b3a-4c5d-9e7f-0a1b2c3d4e5f', '2a7d9b1c-6e4f-4a8b-b3c2-5d6e7f8a9b0c'];

export function upgradePackage(index: number): CategoryInfo {
  const hex = index.toString(16).padStart(8, '0');
  return {
    fileId: `5bd7e1a2c3f4${hex}`,
    name: `BC95_firmware_V1.1.${index}`,
    version: `V1.1.${index}`,
    fileType: 'firmwarePackage',
    deviceType: 'WaterMeter',
    model: 'BC95',
    manufacturerName: 'Huawei',
    protocolType: 'LWM2M',
    uploadTime: '20181122T093000Z',
  };
}

export function task(index: number): OperationInfo {
  const hex = index.toString(16).padStart(8, '0');
  return {
    operationId: `5bf3a8c7e1d2${hex}`,
    createTime: '20181126T080000Z',
    operateType: 'firmware_upgrade',
    targets: { devices: deviceIds },
    status: 'failed',
    staResult: { total: 2, wait: 0, processing: 0, success: 1, fail: 1, stop: 0, timeout: 0 },
  };
}

function pageOf<Item>(make: (index: number) => Item, pageNo: number, pageSize: number, totalCount: number) {
  const data: Item[] = [];
  for (let i = pageNo * pageSize; i < Math.min((pageNo + 1) * pageSize, totalCount); i++) data.push(make(i));
  return { data, pageNo, pageSize, totalCount };
}

export const packagePage = (pageNo: number, pageSize: number, totalCount: number): QueryUpgradePackageListOutDTO =>
  pageOf(upgradePackage, pageNo, pageSize, totalCount);
export const taskPage = (pageNo: number, pageSize: number, totalCount: number): QueryUpgradeTaskListOutDTO => pageOf(task, pageNo, pageSize, totalCount);

export const packageNotFound = { status: 404, body: { error_code: '123002', error_desc: 'Device or package file not found.' } } as const;
