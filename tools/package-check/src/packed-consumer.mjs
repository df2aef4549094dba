// The packed-consumer project, following README "Use the packages from another project" as
// written: `npm run pack:all`'s tarballs in dist-packages/ (packAll(), after the build turbo
// ran), then, in a fresh project with fixtures/consumer/ (a program, a strict tsconfig, a vitest
// config with the exported global setup, a test that calls defineContractSuite()), each line of
// the section's project block run by `sh` as printed: the one `npm install` of all six tarballs,
// the dev tools, tsc, the program, the suite. Every step returns the command's output rather than
// throwing, so a test can show it.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanNpmEnv, createScratchProject, runCommand } from './harness.mjs';
import { PackageCheckError, repoRoot } from './pack.mjs';
import { packAll } from './pack-all.mjs';

const fixture = fileURLToPath(new URL('../fixtures/consumer', import.meta.url));
const SECTION = 'Use the packages from another project';

/**
 * The lines of the section's `sh` block that installs the tarballs, by step.
 * @returns {Promise<{ clone: string, installs: string[], typecheck: string, program: string, suite: string }>}
 */
export async function readmeConsumerSteps(readme = join(repoRoot, 'README.md')) {
  const section = (await readFile(readme, 'utf8')).split(new RegExp(`^## ${SECTION}$`, 'm'))[1]?.split(/^## /m)[0];
  const block = [...(section ?? '').matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map(([, body]) => body).find((body) => body.includes('dist-packages/*.tgz'));
  if (!block) throw new PackageCheckError(`README.md: no section "${SECTION}" with a sh block installing dist-packages/*.tgz`);
  const lines = block.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  const step = (prefix) => {
    const found = lines.find((line) => line.startsWith(prefix));
    if (!found) throw new PackageCheckError(`README.md "${SECTION}": no line starting "${prefix}"`);
    return found;
  };
  return {
    clone: step('export NORTHBOUND_CLONE='),
    installs: lines.filter((line) => line.startsWith('npm install')),
    typecheck: step('npx tsc'),
    program: step('node '),
    suite: step('npx vitest'),
  };
}

/** Creates the consumer from the README's install steps; `useVitest` swaps its vitest afterwards. */
export async function createConsumer() {
  const steps = await readmeConsumerSteps();
  const packed = await packAll();
  const project = await createScratchProject({ fixture, withTarballs: false });
  const { dir, npm } = project;
  // The reader's clone is this repository; the cache serves what it holds (no flag on the printed line).
  const env = { ...cleanNpmEnv(), NORTHBOUND_CLONE: repoRoot, npm_config_prefer_offline: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
  const sh = (line) => runCommand('sh', ['-c', line], { cwd: dir, env });
  return {
    ...project,
    /** The tarballs as `npm run pack:all` leaves them, by package name. */
    packed,
    steps,
    /** The README's install lines, one after another; stops at the first that fails. */
    install: async () => {
      let output = '';
      for (const line of steps.installs) {
        const result = await sh(line);
        output += `$ ${line}\n${result.output}`;
        if (result.code !== 0) return { code: result.code, output };
      }
      return { code: 0, output };
    },
    useVitest: (version) => npm('install', '--save-exact', '--save-dev', `vitest@${version}`),
    /** The README's tsc line (the fixture's tsconfig: strict, skipLibCheck off); emits build/. */
    typecheck: async () => {
      await rm(join(dir, 'build'), { recursive: true, force: true });
      return sh(steps.typecheck);
    },
    runProgram: () => sh(steps.program),
    runContractSuite: () => sh(steps.suite),
    runContractBin: () => project.node('node_modules/@iodm-northbound/contract-tests/dist/cli.js'),
    installedVitest: async () => JSON.parse(await readFile(join(dir, 'node_modules', 'vitest', 'package.json'), 'utf8')).version,
  };
}
