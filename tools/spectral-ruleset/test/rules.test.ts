// Each of our rules against its fixtures: good.yaml must not trip it, bad.yaml must trip it at
// exactly the listed places (and for the listed reason).
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeFinding, fixturesDir, lintFile } from './lint.ts';

type Expected = { path: string[]; message: string };

const subtasks = ['paths', '/iodm/northbound/v1.5.0/operations/{operationId}/subOperations', 'get'];
const task = ['paths', '/iodm/northbound/v1.5.0/operations/{operationId}', 'get'];
const login = ['paths', '/iocm/app/sec/v1.1.0/login', 'post'];
const json = ['content', 'application/json'];

const cases: Record<string, Expected[]> = {
  'error-response-schema': [
    { path: [...subtasks, 'responses', '400', ...json, 'schema'], message: 'must use the shared "ErrorResponse" schema' },
    // The finding sits where the offending schema is written: the other component.
    { path: ['components', 'schemas', 'OtherError'], message: 'must use the shared "ErrorResponse" schema' },
    { path: [...subtasks, 'responses', '500'], message: 'Error response has no body' },
  ],
  'response-media-types': [
    { path: [...subtasks, 'responses', '200', 'content', 'application/xml'], message: '"application/xml" is not one the platform uses' },
    { path: [...subtasks, 'responses', '400', 'content', 'application/problem+json'], message: '"application/problem+json" is not one the platform uses' },
  ],
  'request-media-types': [
    { path: [...login, 'requestBody', 'content', 'multipart/form-data'], message: '"multipart/form-data" is not one the platform uses' },
  ],
  'response-examples': [
    { path: [...subtasks, 'responses', '200', ...json], message: 'has no named example' },
    { path: [...subtasks, 'responses', '400', ...json], message: 'has no named example' },
    { path: [...subtasks, 'responses', '404', ...json, 'examples', 'Elsewhere'], message: 'has no inline "value"' },
  ],
  'documented-errors': [
    { path: [...subtasks, 'responses'], message: 'lacks its documented 404 response' },
    { path: [...subtasks, 'responses', '400', ...json, 'examples'], message: 'no named example for documented error_code 123029' },
    { path: [...subtasks, 'responses', '401'], message: 'documents no 401 response' },
    {
      path: [...subtasks, 'responses', '403', ...json, 'examples', 'InvalidAccessToken', 'value', 'error_desc'],
      message: 'must carry the documented error_desc "App_key or access_token is invalid."',
    },
    { path: [...subtasks, 'responses', '500', ...json, 'examples'], message: 'no named example for documented error_code 100001' },
    { path: [...subtasks, 'responses', '500', ...json, 'examples', 'Mystery'], message: 'error_code "999999", which the platform does not document' },
    { path: [...task, 'operationId'], message: '"queryTaskDetails" has no entry in the platform facts table' },
  ],
  'sdk-nulls': [
    { path: ['paths', '/iodm/northbound/v1.5.0/operations/firmwareUpgrade', 'post', 'requestBody', ...json, 'schema', 'properties', 'targets', 'properties', 'deviceType'], message: 'Optional field "deviceType" must be nullable' },
    { path: ['paths', '/iodm/northbound/v1.5.0/operations/firmwareUpgrade', 'post', 'requestBody', ...json, 'schema', 'properties', 'policy'], message: 'Optional field "policy" must be nullable' },
    { path: ['paths', '/iodm/northbound/v1.5.0/operations/firmwareUpgrade', 'post', 'requestBody', ...json, 'schema', 'properties', 'policy', 'properties', 'retryTimes'], message: 'Optional field "retryTimes" must be nullable' },
  ],
  'platform-timestamp': [
    { path: ['paths', '/iodm/northbound/v1.5.0/operations', 'get', 'parameters', '0', 'schema'], message: 'must be a string' },
    { path: ['paths', '/iodm/northbound/v1.5.0/operations', 'get', 'parameters', '0', 'schema'], message: 'must carry the platform pattern' },
    { path: ['components', 'schemas', 'Task', 'properties', 'createTime'], message: 'must carry the platform pattern' },
    { path: ['components', 'schemas', 'Task', 'properties', 'createTime'], message: 'must not declare a format' },
    { path: ['components', 'schemas', 'Task', 'properties', 'stopTime'], message: 'must carry the platform pattern' },
  ],
  'sdk-operation-id': [
    { path: [...subtasks, 'operationId'], message: '"QueryUpgradeSubTask" is not lowerCamelCase' },
    { path: [...login, 'operationId'], message: '"login" is not a platform SDK method name' },
    { path: [...task, 'operationId'], message: '"queryUpgradeTaskList" calls GET /iodm/northbound/v1.5.0/operations, not GET' },
  ],
  'operation-security': [
    { path: [...subtasks, 'security'], message: 'not [{"appKey":[]},{"accessToken":[]}]' },
    { path: task, message: 'not null' },
    { path: [...login, 'security'], message: 'must have security [], not [{"accessToken":[]}]' },
    { path: ['paths', '/iocm/app/dm/v1.4.0/devices', 'get'], message: 'No security rule covers /iocm/app/dm/v1.4.0/devices' },
  ],
  'security-schemes': [
    { path: ['components', 'securitySchemes', 'appKey', 'in'], message: '"in" property must be equal to constant' },
    { path: ['components', 'securitySchemes', 'accessToken'], message: 'must have required property "scheme"' },
    { path: ['components', 'securitySchemes', 'accessToken', 'type'], message: '"type" property must be equal to constant' },
  ],
};

const placeOf = (finding: { path: readonly (string | number)[] }) => finding.path.map(String).join(' > ');

describe.each(Object.entries(cases))('iodm-%s', (fixture, expected) => {
  const code = `iodm-${fixture}`;

  test('passes its good fixture', async () => {
    const findings = (await lintFile(path.join(fixturesDir, fixture, 'good.yaml'))).filter((f) => f.code === code);
    expect(findings.map(describeFinding)).toEqual([]);
  });

  test('trips on its bad fixture, at each broken place', async () => {
    const findings = (await lintFile(path.join(fixturesDir, fixture, 'bad.yaml'))).filter((f) => f.code === code);
    // Same places, same count: a missing or extra finding fails with both lists in the diff.
    expect(findings.map(placeOf).sort()).toEqual(expected.map((e) => e.path.join(' > ')).sort());
    for (const { path: at, message } of expected) {
      const messages = findings.filter((f) => placeOf(f) === at.join(' > ')).map((f) => f.message);
      expect(messages, `finding at ${at.join(' > ')}`).toContainEqual(expect.stringContaining(message));
    }
  });
});
