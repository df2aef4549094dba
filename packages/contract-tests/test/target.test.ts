// The target from the environment: writes (create a task, delete a package) are opt-in against a
// provider, always on against the mock; the printed area report says what ran and what did not.
import { describe, expect, it } from 'vitest';
import { ContractTargetError, contractTargetFromEnv, type ContractTarget } from '../src/index.js';
import { areaReport } from '../src/suite/index.js';

// A provider target needs its own credentials (the spec's examples are refused with a base URL).
const provider = {
  NORTHBOUND_BASE_URL: 'https://203.0.113.10:8743',
  NORTHBOUND_APP_ID: 'app-1',
  NORTHBOUND_SECRET: 's3cret',
  NORTHBOUND_TASK_ID: 'task-1',
};

describe('contractTargetFromEnv: writes', () => {
  it('are on against the mock', () => {
    expect(contractTargetFromEnv({}).writes).toBe(true);
  });

  it('are off against a provider unless NORTHBOUND_ALLOW_WRITES=1', () => {
    expect(contractTargetFromEnv(provider).writes).toBe(false);
    expect(contractTargetFromEnv({ ...provider, NORTHBOUND_ALLOW_WRITES: '0' }).writes).toBe(false);
    expect(contractTargetFromEnv({ ...provider, NORTHBOUND_ALLOW_WRITES: '1' }).writes).toBe(true);
  });

  it('refuses a value that is neither 1 nor 0, rather than guessing', () => {
    expect(() => contractTargetFromEnv({ ...provider, NORTHBOUND_ALLOW_WRITES: 'yes' })).toThrow(ContractTargetError);
  });

  it('refuses NORTHBOUND_ALLOW_WRITES set but empty, like every other variable (no silent 0)', () => {
    for (const env of [provider, {}]) {
      expect(() => contractTargetFromEnv({ ...env, NORTHBOUND_ALLOW_WRITES: ' ' })).toThrow(
        new ContractTargetError('NORTHBOUND_ALLOW_WRITES is set but empty: give it a value or unset it'),
      );
    }
  });
});

describe('areaReport', () => {
  const target = (changes: Partial<ContractTarget>): ContractTarget => ({
    ...contractTargetFromEnv(provider),
    baseUrl: provider.NORTHBOUND_BASE_URL,
    kind: 'provider',
    ...changes,
  });

  it('names the skipped areas and how to run them', () => {
    const report = areaReport(target({ scenarios: false, writes: false }));
    expect(report).toMatch(/SKIPPED {2}every response by scenario/);
    expect(report).toMatch(/SKIPPED {2}writes: .*NORTHBOUND_ALLOW_WRITES=1/);
    expect(report).not.toMatch(/RAN {6}writes/);
  });

  it('says RAN for every area when everything runs', () => {
    const report = areaReport(target({ scenarios: true, writes: true }));
    expect(report).not.toMatch(/SKIPPED/);
    expect(report).toMatch(/RAN {6}writes: .*\(NORTHBOUND_ALLOW_WRITES=1\)/);
  });
});
