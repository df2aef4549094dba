// Another team's first day, as README "Use the packages from another project" says it: the six
// packages packed into dist-packages/ (npm run pack:all), installed together into an empty project
// with the section's own lines, a program compiled against them with its tsc line (--strict,
// skipLibCheck off) and run against the mock, and the exported contract suite (and its bin) run
// with the consumer's own vitest, at both ends of @iodm-northbound/contract-tests' vitest peer range.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer } from '../../src/packed-consumer.mjs';
import { vitestVersionsToTest } from '../../src/vitest-peer-range.mjs';

type Consumer = Awaited<ReturnType<typeof createConsumer>>;
const versions = vitestVersionsToTest();

// One scratch project for both ends: installed once from the tarballs, then vitest is swapped.
let consumer: Consumer;

beforeAll(async () => {
  consumer = await createConsumer();
  const install = await consumer.install();
  if (install.code !== 0) throw new Error(`the README's install lines failed:\n${install.output}`);
}, 600_000);

afterAll(async () => {
  await consumer?.dispose();
});

describe('the packed packages', () => {
  it('are all six publishable packages, each installed once, from its tarball in dist-packages/', async () => {
    expect(consumer.packed.map(({ name }) => name).sort()).toEqual([
      '@iodm-northbound/cli',
      '@iodm-northbound/client',
      '@iodm-northbound/contract-tests',
      '@iodm-northbound/mock-server',
      '@iodm-northbound/spec',
      '@iodm-northbound/types',
    ]);
    const installed = Object.fromEntries((await consumer.installedFrom()).map(({ path, from }) => [path, from]));
    expect(installed).toEqual(Object.fromEntries(consumer.packed.map(({ name, tarball }) => [`node_modules/${name}`, tarball])));
  });
});

describe.each(versions)('packed packages in a fresh project with vitest %s', (vitestVersion) => {
  beforeAll(async () => {
    if ((await consumer.installedVitest()) === vitestVersion) return;
    const swap = await consumer.useVitest(vitestVersion);
    if (swap.code !== 0) throw new Error(`npm install vitest@${vitestVersion} failed:\n${swap.output}`);
  }, 600_000);

  it('installs one vitest: the consumer’s', async () => {
    expect(await consumer.installedVitest()).toBe(vitestVersion);
  });

  it('compiles a program and a test file with tsc --strict, skipLibCheck off', async () => {
    const { code, output } = await consumer.typecheck();
    // Every error line, so a failure shows all of them.
    expect(output.split('\n').filter((line) => /error TS\d+/.test(line))).toEqual([]);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  }, 300_000);

  it('runs the program against the mock through the client', async () => {
    const { code, output } = await consumer.runProgram();
    expect(code, output).toBe(0);
    expect(JSON.parse(output.trim().split('\n').at(-1) ?? '')).toEqual({ subtasks: 23, refused: 'ValidationError' });
  }, 120_000);

  it('runs the exported contract suite from its own vitest setup', async () => {
    const { code, output } = await consumer.runContractSuite();
    expect(code, output).toBe(0);
    const report = JSON.parse(await readFile(join(consumer.dir, 'vitest-report.json'), 'utf8'));
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThan(40);
  }, 300_000);

  it('runs the contract-tests bin against the mock', async () => {
    const { code, output } = await consumer.runContractBin();
    expect(code, output).toBe(0);
    expect(output.split('\n')[0]).toMatch(/^Contract target: the mock .* app id \S+, task id paged-23/);
    expect(output).toMatch(/Mock started at http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/Tests\s+\d+ passed/);
  }, 300_000);
});
