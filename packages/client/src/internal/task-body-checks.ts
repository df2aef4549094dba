// Checks of a create-task body (`CreateUpgradeTaskInDTO`) before it is sent. The platform states
// the targeting rules in words only (the schema cannot hold them): either device groups, with
// deviceType, model and manufacturerName, or a device list; at most 256 groups.
import type { CreateUpgradeTaskInDTO, OperateDevices, OperatePolicy } from '@iodm-northbound/types';
import { ValidationError, type NorthboundOperation } from '../core/errors.js';
import { checkText } from './filter-checks.js';

const maxDeviceGroups = 256;
const platformTimestamp = /^\d{8}T\d{6}Z$/;
const int32Max = 2_147_483_647;
const targetFields = ['deviceGroups', 'deviceType', 'model', 'manufacturerName', 'devices'];
const policyFields = ['executeType', 'startTime', 'endTime', 'retryType', 'retryTimes'];
const groupFields = ['deviceType', 'model', 'manufacturerName'] as const;

function fail(parameter: string, message: string, operation: NorthboundOperation): never {
  throw new ValidationError(parameter, message, operation);
}

function checkObject(value: unknown, parameter: string, known: readonly string[], operation: NorthboundOperation): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(parameter, `${parameter} must be an object`, operation);
  // A misspelt field (the package list's URL template says `manufactureName`) would be dropped by the platform silently.
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) fail(`${parameter}.${name}`, `${parameter} has no field ${JSON.stringify(name)}; known: ${known.join(', ')}`, operation);
  }
  return value as Record<string, unknown>;
}

function checkIdList(value: unknown, parameter: string, max: number | undefined, operation: NorthboundOperation): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail(parameter, `${parameter} must be an array of strings`, operation);
  if (max !== undefined && value.length > max) fail(parameter, `${parameter} holds ${value.length} entries; at most ${max} are allowed`, operation);
  for (const [index, entry] of value.entries()) checkText(entry, `${parameter}[${index}]`, operation);
  return value as string[];
}

function checkTargets(value: unknown, operation: NorthboundOperation): OperateDevices {
  const targets = checkObject(value, 'targets', targetFields, operation);
  const groups = checkIdList(targets.deviceGroups, 'targets.deviceGroups', maxDeviceGroups, operation);
  const devices = checkIdList(targets.devices, 'targets.devices', undefined, operation);
  for (const name of groupFields) checkText(targets[name], `targets.${name}`, operation);
  const hasGroups = groups !== undefined && groups.length > 0;
  const hasDevices = devices !== undefined && devices.length > 0;
  if (hasGroups === hasDevices) {
    fail('targets', 'targets must give either deviceGroups or devices (a non-empty list), not both and not neither', operation);
  }
  if (hasGroups) {
    const missing = groupFields.filter((name) => targets[name] === undefined || targets[name] === null);
    if (missing.length > 0) fail(`targets.${missing[0]}`, `device groups need deviceType, model and manufacturerName; missing: ${missing.join(', ')}`, operation);
  }
  return targets as OperateDevices;
}

function checkPolicy(value: unknown, operation: NorthboundOperation): OperatePolicy | undefined {
  if (value === undefined || value === null) return value as undefined;
  const policy = checkObject(value, 'policy', policyFields, operation);
  checkText(policy.executeType, 'policy.executeType', operation);
  for (const name of ['startTime', 'endTime'] as const) {
    const time = policy[name];
    if (time !== undefined && time !== null && (typeof time !== 'string' || !platformTimestamp.test(time))) {
      fail(`policy.${name}`, `policy.${name} must be a platform timestamp yyyyMMdd'T'HHmmss'Z' (e.g. 20181126T080000Z)`, operation);
    }
  }
  if (policy.retryType !== undefined && policy.retryType !== null && typeof policy.retryType !== 'boolean') {
    fail('policy.retryType', 'policy.retryType must be a boolean', operation);
  }
  const times = policy.retryTimes;
  if (times !== undefined && times !== null && (typeof times !== 'number' || !Number.isInteger(times) || times < 0 || times > int32Max)) {
    fail('policy.retryTimes', `policy.retryTimes must be an integer from 0 to ${int32Max}`, operation);
  }
  return policy as OperatePolicy;
}

/**
 * The body as given (the SDK's `null`s kept: the contract accepts them), after every check.
 * `fileId` is required and non-empty; text fields are at most 256 characters.
 */
export function checkCreateTaskBody(value: unknown, parameter: string, operation: NorthboundOperation): CreateUpgradeTaskInDTO {
  const body = checkObject(value, parameter, ['fileId', 'targets', 'policy'], operation);
  if (body.fileId === undefined || body.fileId === null) fail('fileId', 'fileId is required: the package to upgrade to', operation);
  checkText(body.fileId, 'fileId', operation);
  if (body.targets === undefined || body.targets === null) fail('targets', 'targets is required: deviceGroups (with deviceType, model, manufacturerName) or devices', operation);
  checkTargets(body.targets, operation);
  checkPolicy(body.policy, operation);
  return body as unknown as CreateUpgradeTaskInDTO;
}

