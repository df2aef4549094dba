// The facts table loads, and its loader refuses a table of the wrong shape with every problem
// listed (the Spectral rules read the table without checking it again).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { factsPath, parsePlatformFacts, platformFacts } from '@iodm-northbound/spec/platform-facts';

const text = readFileSync(factsPath, 'utf8');
/** The real table, changed by `change`, as YAML again. */
const changed = (change: (facts: any) => void) => {
  const facts = parse(text);
  change(facts);
  return stringify(facts);
};

describe('the platform facts table', () => {
  it('loads, with the operations of the contract among the SDK methods', () => {
    expect(parsePlatformFacts(text)).toEqual(platformFacts);
    expect(Object.keys(platformFacts.operations).sort()).toEqual([
      'createFirmwareUpgradeTask', 'createSoftwareUpgradeTask', 'deleteUpgradePackage', 'getAuthToken', 'queryUpgradePackage',
      'queryUpgradePackageList', 'queryUpgradeSubTask', 'queryUpgradeTask', 'queryUpgradeTaskList', 'refreshAuthToken',
    ]);
    for (const operationId of Object.keys(platformFacts.operations)) expect(platformFacts.sdkMethods).toHaveProperty(operationId);
  });

  it('states the timestamp once: the *Time fields are the timestamp row', () => {
    const { properties } = platformFacts.schemas.SubOperationInfo!;
    for (const field of ['createTime', 'startTime', 'stopTime']) expect(properties[field]).toEqual(platformFacts.timestamp);
  });

  it.each<[string, (facts: any) => void, string]>([
    ['a missing part', (f) => delete f.securitySchemes, 'securitySchemes must be a mapping'],
    ['an empty security list', (f) => (f.security = []), 'security must be a non-empty list'],
    ['a call without a method', (f) => (f.sdkMethods.getAuthToken = '/iocm/app/sec/v1.1.0/login'), 'sdkMethods.getAuthToken: "/iocm/app/sec/v1.1.0/login" is not'],
    ['a method name that is not lowerCamelCase', (f) => (f.sdkMethods.GetThing = 'GET /x'), 'sdkMethods.GetThing: not a lowerCamelCase'],
    ['a security group without a leading slash', (f) => (f.security[0].pathPrefix = 'iodm/'), 'security[0]: pathPrefix must start with /'],
    ['a security group without a source', (f) => delete f.security[1].source, 'security[1]: no source'],
    ['an operation that is no SDK method', (f) => (f.operations.login = f.operations.getAuthToken), 'operations.login: not one of sdkMethods'],
    ['an error code as a number', (f) => (f.operations.getAuthToken.errors[0].code = 102202), 'operations.getAuthToken.errors[0]: code must be a string of digits'],
    ['a 2xx error status', (f) => (f.operations.getAuthToken.errors[1].status = 200), 'operations.getAuthToken.errors[1]: status must be a 4xx or 5xx'],
    ['an error without a source', (f) => delete f.operations.refreshAuthToken.errors[2].source, 'operations.refreshAuthToken.errors[2]: no source'],
    ['a field without a source', (f) => delete f.schemas.ErrorResponse.properties.error_desc.source, 'schemas.ErrorResponse.error_desc: no source'],
    ['a timestamp without a pattern', (f) => delete f.timestamp.pattern, 'timestamp.pattern must be'],
  ])('refuses %s', (_label, change, problem) => {
    expect(() => parsePlatformFacts(changed(change))).toThrow(problem);
  });
});
