// Release rehearsal: Verdaccio on loopback, changeset version + changeset publish of every
// package to it, then a fresh project installs the client, the mock and the contract tests by
// name from it and runs their bins. Needs the packages built (npm run build).
//
//   node tools/registry/src/rehearse-release.mjs     # or: npm run rehearse -w @iodm-northbound/registry
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createProject } from './install-by-name.mjs';
import { publishPackages, stageWorkspace, versionPackages } from './release.mjs';
import { startVerdaccio } from './verdaccio.mjs';

export const INSTALLED_BY_NAME = ['@iodm-northbound/client', '@iodm-northbound/mock-server', '@iodm-northbound/contract-tests'];
/** The consumer's own vitest (the contract suite's peer). */
const CONSUMER_VITEST = '4.1.12';

/**
 * @param {(line: string) => void} log
 */
export async function rehearseRelease(log = () => {}) {
  const registry = await startVerdaccio();
  log(`Verdaccio at ${registry.url}`);
  const staged = await stageWorkspace();
  let project;
  try {
    const versions = await versionPackages(staged.dir, staged.publishable);
    log(`changeset version: ${Object.entries(versions).map(([name, version]) => `${name}@${version}`).join(', ')}`);
    const publishOutput = await publishPackages(staged.dir, registry.url, registry.token);
    /** @type {Record<string, string[]>} */
    const published = {};
    let publishedRepository;
    for (const name of staged.publishable) {
      const response = await fetch(new URL(name.replace('/', '%2f'), registry.url));
      const metadata = response.ok ? await response.json() : {};
      published[name] = Object.keys(metadata.versions ?? {});
      // The client's repository field as published (set-repository-url.mjs rewrites it before publish).
      if (name === '@iodm-northbound/client') publishedRepository = metadata.versions?.[versions[name]]?.repository;
    }
    log(`published: ${Object.entries(published).map(([name, list]) => `${name}@${list.join('|')}`).join(', ')}`);

    project = await createProject(registry.url);
    await project.install([...INSTALLED_BY_NAME.map((name) => `${name}@${versions[name]}`), `vitest@${CONSUMER_VITEST}`]);
    const resolved = Object.fromEntries(await Promise.all(INSTALLED_BY_NAME.map(async (name) => [name, await project.resolvedFrom(name)])));
    log(`installed by name from ${registry.url}`);
    const mock = await project.mockRoundTrip();
    log(`npx -p @iodm-northbound/mock-server iodm-northbound-mock: ${mock.url}, login answered ${mock.status}`);
    const help = await project.npx('@iodm-northbound/contract-tests', 'iodm-northbound-contract-tests', ['--help']);
    const contract = await project.npx('@iodm-northbound/contract-tests', 'iodm-northbound-contract-tests', []).then(
      ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
      (error) => ({ code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? error.message}` }),
    );
    log(`npx -p @iodm-northbound/contract-tests iodm-northbound-contract-tests: exit ${contract.code}, ${/Tests\s+(.*)/.exec(contract.output)?.[1] ?? 'no summary'}`);
    return { registryUrl: registry.url, versions, published, publishedRepository, publishOutput, resolved, mock, help: help.stdout, contract };
  } finally {
    await project?.dispose();
    await rm(staged.dir, { recursive: true, force: true });
    await registry.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  rehearseRelease((line) => console.log(line)).then(
    (result) => {
      console.log(`release rehearsal ${result.contract.code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
      process.exitCode = result.contract.code === 0 ? 0 : 1;
    },
    (error) => {
      console.error(`release rehearsal failed: ${error.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}
