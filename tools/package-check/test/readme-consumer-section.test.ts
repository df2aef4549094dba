// README "Use the packages from another project" is what the packed-consumer test (release tier)
// runs: here, without installing anything, that it has every step that test needs and that its
// dev tools are the ones the packages are tested with.
import { describe, expect, it } from 'vitest';
import { readmeConsumerSteps } from '../src/packed-consumer.mjs';
import { CONSUMER_TYPES_NODE, CONSUMER_TYPESCRIPT, vitestVersionsToTest } from '../src/vitest-peer-range.mjs';

const steps = await readmeConsumerSteps();

describe('README "Use the packages from another project"', () => {
  it('installs all six tarballs in one npm install, from the folder pack:all fills', () => {
    expect(steps.installs[0]).toBe('npm install "$NORTHBOUND_CLONE"/dist-packages/*.tgz');
  });

  it('pins the dev tools the packed-consumer test uses: its TypeScript, @types/node, and a tested vitest', () => {
    const devTools = steps.installs.find((line) => line.includes('--save-dev')) ?? '';
    expect(devTools).toContain(`typescript@${CONSUMER_TYPESCRIPT}`);
    expect(devTools).toContain(`@types/node@${CONSUMER_TYPES_NODE}`);
    expect(vitestVersionsToTest('20.19.0')).toContain(/vitest@(\S+)/.exec(devTools)?.[1]);
  });

  it('type-checks with the fixture\'s tsconfig, runs the program it compiles, runs the suite', () => {
    expect(steps.typecheck).toMatch(/^npx tsc -p tsconfig\.json(\s|$)/);
    expect(steps.program).toMatch(/^node build\/program\.js(\s|$)/);
    expect(steps.suite).toMatch(/^npx vitest run(\s|$)/);
  });
});
