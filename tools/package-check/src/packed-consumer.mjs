// The packed-consumer project: the scratch project of the pack harness with fixtures/consumer/
// (a program, a vitest config with the exported global setup, a test that calls
// defineContractSuite()) and the consumer's own vitest, TypeScript and @types/node. Every step
// returns the command's output rather than throwing, so a test can show it.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchProject } from './harness.mjs';
import { CONSUMER_TYPES_NODE, CONSUMER_TYPESCRIPT } from './vitest-peer-range.mjs';

const fixture = fileURLToPath(new URL('../fixtures/consumer', import.meta.url));

/** Creates the consumer with `vitestVersion` as its vitest (not installed yet: call install()). */
export async function createConsumer(vitestVersion) {
  const project = await createScratchProject({
    fixture,
    devDependencies: { vitest: vitestVersion, typescript: CONSUMER_TYPESCRIPT, '@types/node': CONSUMER_TYPES_NODE },
  });
  const { dir, node, npm } = project;
  return {
    ...project,
    useVitest: (version) => npm('install', '--save-exact', '--save-dev', `vitest@${version}`),
    /** tsc --strict with skipLibCheck off (fixtures/consumer/tsconfig.json); emits build/. */
    typecheck: async () => {
      await rm(join(dir, 'build'), { recursive: true, force: true });
      return node('node_modules/typescript/bin/tsc', '-p', 'tsconfig.json');
    },
    runProgram: () => node('build/program.js'),
    runContractSuite: () => node('node_modules/vitest/vitest.mjs', 'run'),
    runContractBin: () => node('node_modules/@iodm-northbound/contract-tests/dist/cli.js'),
    installedVitest: async () => JSON.parse(await readFile(join(dir, 'node_modules', 'vitest', 'package.json'), 'utf8')).version,
  };
}
