// Checks of a create-task body (`CreateUpgradeTaskInDTO`) before it is sent: its fields, lengths,
// limits and formats from the spec's constraints table, and by hand the targeting rules the
// platform states in words only (the schema cannot hold them): either device groups, with
// deviceType, model and manufacturerName, or a device list.
import { checkValue, operationConstraints } from '@iodm-northbound/spec/constraints';
import type { CreateUpgradeTaskInDTO } from '@iodm-northbound/types';
import { ValidationError } from '../core/errors.js';

type CreateOperation = 'createFirmwareUpgradeTask' | 'createSoftwareUpgradeTask';

const groupFields = ['deviceType', 'model', 'manufacturerName'] as const;

function fail(parameter: string, message: string, operation: CreateOperation): never {
  throw new ValidationError(parameter, message, operation);
}

const isListed = (list: unknown): boolean => Array.isArray(list) && list.length > 0;

function checkTargeting(targets: Readonly<Record<string, unknown>>, operation: CreateOperation): void {
  const hasGroups = isListed(targets.deviceGroups);
  if (hasGroups === isListed(targets.devices)) {
    fail('targets', 'targets must give either deviceGroups or devices (a non-empty list), not both and not neither', operation);
  }
  if (hasGroups) {
    const missing = groupFields.filter((name) => targets[name] === undefined || targets[name] === null);
    if (missing.length > 0) fail(`targets.${missing[0]}`, `device groups need deviceType, model and manufacturerName; missing: ${missing.join(', ')}`, operation);
  }
}

/**
 * The body as given (the SDK's `null`s kept: the contract accepts them), after every check. A
 * field the schema does not name is refused: a misspelt one (the package list's URL template says
 * `manufactureName`) would be dropped by the platform without a word.
 */
export function checkCreateTaskBody(value: unknown, parameter: string, operation: CreateOperation): CreateUpgradeTaskInDTO {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(parameter, `${parameter} must be an object`, operation);
  const schema = operationConstraints[operation].body.schema;
  // An empty device id, group or filter field names nothing: refused, as the CLI and the mock refuse it.
  const violation = checkValue(schema, value, '', { closedObjects: true, nonEmptyStrings: true });
  if (violation !== undefined) fail(violation.path, violation.message, operation);
  checkTargeting((value as { targets: Record<string, unknown> }).targets, operation);
  return value as CreateUpgradeTaskInDTO;
}
