// The lint gate itself: the real spec, linted with the full ruleset the CLI uses, has no findings,
// and the ruleset really runs spectral:oas and OWASP (minus the rules we switched off on purpose).
import { describe, expect, test } from 'vitest';
import { describeFinding, lintFile, loadRuleset, specFile } from './lint.ts';

describe('openapi/openapi.yaml', () => {
  test('has no findings at any severity', async () => {
    expect((await lintFile(specFile)).map(describeFinding)).toEqual([]);
  });
});

describe('the ruleset', () => {
  test('switches off exactly the rules that contradict the platform', async () => {
    const off = Object.values((await loadRuleset()).rules).filter((rule) => !rule.enabled).map((rule) => rule.name);
    expect(off.sort()).toEqual([
      'oas3-unused-component',
      'openapi-tags-alphabetical',
      'owasp:api4:2023-rate-limit',
      'owasp:api4:2023-rate-limit-responses-429',
      'owasp:api8:2023-define-error-responses-401',
    ]);
  });

  test('runs every other spectral:oas, OWASP and iodm rule', async () => {
    const names = Object.values((await loadRuleset()).rules).filter((rule) => rule.enabled).map((rule) => rule.name);
    for (const expected of ['oas3-schema', 'oas3-valid-media-example', 'owasp:api4:2023-string-limit', 'owasp:api2:2023-write-restricted']) {
      expect(names).toContain(expected);
    }
    expect(names.filter((name) => name.startsWith('iodm-')).sort()).toEqual([
      'iodm-documented-errors',
      'iodm-error-response-schema',
      'iodm-operation-security',
      'iodm-platform-timestamp',
      'iodm-request-media-types',
      'iodm-response-examples',
      'iodm-response-media-types',
      'iodm-sdk-nulls',
      'iodm-sdk-operation-id',
      'iodm-security-schemes',
    ]);
  });
});
