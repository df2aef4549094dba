// Packs every publishable workspace package (packages/*, not private) exactly as `npm publish`
// would, and checks the tarball: the metadata other teams rely on, publint (every message, down
// to suggestions) and @arethetypeswrong/cli (profile esm-only: the packages are ESM-only, so
// CommonJS `require` and node10 resolution are out of scope). Any finding fails.
//
//   node tools/package-check/src/check-packages.mjs     # or: npm run check:packages
//
// Exit codes: 0 clean, 1 findings, 2 could not run (a pack or a tool failed).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packedPackages } from './harness.mjs';
import { TESTED_NODE_ENGINES } from './node-lines.mjs';
import { PackageCheckError, packPackage, publishablePackages, repoRoot } from './pack.mjs';
import { sourceMapFindings } from './source-maps.mjs';

export { PackageCheckError, repoRoot };

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const attwCli = join(require.resolve('@arethetypeswrong/cli/package.json'), '..', 'dist', 'index.js');

/** Resolution modes the esm-only profile leaves out; attw's JSON lists them anyway. */
const ignoredResolutions = new Set(['node10', 'node16-cjs']);
/** Export targets that are data, not modules: attw cannot resolve them and has nothing to check. */
const dataFile = /\.(ya?ml|txt|md|html|css)$/;

/**
 * Checks every non-private package directly under `packagesDir`. The workspace's own packages
 * come from the pack harness (tarballs shared with the packed-consumer tests); any other folder
 * (a test's fixture) is packed into a temp dir.
 * @returns {Promise<Array<{ name: string, version: string, dir: string, files: string[], findings: string[], excludedEntrypoints: string[] }>>}
 */
export async function checkPackages(packagesDir = join(repoRoot, 'packages')) {
  const manifests = await publishablePackages(packagesDir);
  const versions = new Map(manifests.map(({ manifest }) => [manifest.name, manifest.version]));
  if (resolve(packagesDir) === join(repoRoot, 'packages')) {
    const results = [];
    for (const { dir, manifest, tarball, files } of await packedPackages()) results.push(await checkPackage(dir, manifest, { tarball, files }, versions));
    return results;
  }
  const packDir = await mkdtemp(join(tmpdir(), 'check-packages-'));
  try {
    const results = [];
    for (const { dir, manifest } of manifests) results.push(await checkPackage(dir, manifest, await packPackage(dir, packDir), versions));
    return results;
  } finally {
    await rm(packDir, { recursive: true, force: true });
  }
}

async function checkPackage(dir, manifest, { tarball, files }, versions) {
  const findings = [];
  const filename = basename(tarball);

  findings.push(...checkMetadata(manifest, files, versions));
  findings.push(...(await sourceMapFindings(tarball, files)));
  findings.push(...(await bareBinFindings(dir, manifest)));

  const { messages, pkg } = await publint({ pack: { tarball: (await readFile(tarball)).buffer }, level: 'suggestion', strict: true });
  for (const message of messages) findings.push(`publint ${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`);

  const excludedEntrypoints = Object.entries(typeof manifest.exports === 'object' ? manifest.exports : {})
    .filter(([, target]) => typeof target === 'string' && dataFile.test(target))
    .map(([subpath]) => subpath);
  const attwArgs = [attwCli, tarball, '--profile', 'esm-only', '--format', 'json', '--no-definitely-typed'];
  if (excludedEntrypoints.length > 0) attwArgs.push('--exclude-entrypoints', ...excludedEntrypoints);
  let attwOutput;
  let attwExitCode = 0;
  try {
    attwOutput = (await run(process.execPath, attwArgs, { maxBuffer: 32 * 1024 * 1024 })).stdout;
  } catch (error) {
    // attw exits 1 when it finds problems; its JSON is still on stdout.
    if (!error.stdout) throw new PackageCheckError(`attw failed on ${filename}: ${error.stderr || error.message}`);
    attwOutput = error.stdout;
    attwExitCode = error.code;
  }
  const analysis = JSON.parse(attwOutput).analysis ?? {};
  // attw has nothing to say about a package without types, which is itself the problem.
  if (analysis.types === false) findings.push('attw: the package ships no type declarations');
  const problems = (analysis.problems ?? []).filter((problem) => !ignoredResolutions.has(problem.resolutionKind));
  for (const problem of problems) {
    findings.push(`attw: ${problem.kind} at ${problem.entrypoint ?? '(package)'}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ''}`);
  }
  if (attwExitCode !== 0 && problems.length === 0) findings.push(`attw exited ${attwExitCode}: run \`npx attw --pack ${dir} --profile esm-only\``);
  return { name: manifest.name, version: manifest.version, dir, files, findings, excludedEntrypoints };
}

/**
 * A README that tells people to run `npx <bin>` sends them to whatever unscoped package of that
 * name the registry has; `npx -p <this package> <bin>` runs ours.
 */
async function bareBinFindings(dir, manifest) {
  const bins = Object.keys(typeof manifest.bin === 'object' ? manifest.bin : {});
  if (bins.length === 0) return [];
  const readme = await readFile(join(dir, 'README.md'), 'utf8').catch(() => '');
  return bins
    .filter((bin) => new RegExp(`npx\\s+(--yes\\s+)?${bin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(readme))
    .map((bin) => `README runs the bin by its bare name (npx ${bin}): use npx -p ${manifest.name} ${bin}`);
}

/** What a consumer of an ESM-only TypeScript package needs, beyond what publint checks. */
function checkMetadata(manifest, files, versions) {
  const findings = [];
  const require = (condition, problem) => {
    if (!condition) findings.push(`metadata: ${problem}`);
  };
  require(files.some((file) => /^readme(\.md)?$/i.test(file)), 'no README in the tarball');
  require(typeof manifest.description === 'string' && manifest.description.length > 0, 'no "description"');
  require(typeof manifest.license === 'string' && manifest.license.length > 0, 'no "license"');
  require(manifest.repository?.url && manifest.repository?.directory, '"repository" needs "url" and "directory"');
  require(Array.isArray(manifest.files) && manifest.files.length > 0, 'no "files" list: the tarball would carry everything');
  require(manifest.type === 'module', '"type" is not "module"');
  // npm publishes a scoped package as restricted (paid, private) unless told otherwise.
  if (manifest.name?.startsWith('@')) require(manifest.publishConfig?.access === 'public', 'scoped, but no "publishConfig": { "access": "public" }');
  require(manifest.engines?.node === TESTED_NODE_ENGINES, `"engines.node" is ${JSON.stringify(manifest.engines?.node)}, but CI tests ${TESTED_NODE_ENGINES}`);
  require(manifest.exports && typeof manifest.exports === 'object', 'no "exports" map');
  if (manifest.exports && typeof manifest.exports === 'object') {
    require('./package.json' in manifest.exports, '"exports" does not expose "./package.json"');
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') {
        require(!/\.[cm]?js$/.test(target), `"exports" ${subpath} is JavaScript without a "types" condition`);
      } else {
        require(typeof target?.types === 'string' && files.includes(target.types.replace(/^\.\//, '')), `"exports" ${subpath} has no "types" file in the tarball`);
      }
    }
  }
  // A test framework a package plugs into must be the consumer's copy, never a nested second one.
  for (const framework of ['vitest']) {
    require(!(framework in (manifest.dependencies ?? {})), `${framework} is a dependency: make it a peerDependency with the range the package is tested with`);
  }
  for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
    if (!versions.has(dependency)) continue;
    require(range === versions.get(dependency), `depends on ${dependency}@${range}, but the workspace has ${versions.get(dependency)}`);
  }
  return findings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const results = await checkPackages();
    for (const { name, version, files, findings, excludedEntrypoints } of results) {
      const note = excludedEntrypoints.length > 0 ? ` (attw skips data entrypoints ${excludedEntrypoints.join(', ')})` : '';
      console.log(`${findings.length === 0 ? 'ok  ' : 'FAIL'} ${name}@${version}: ${files.length} files${note}`);
      for (const finding of findings) console.log(`       - ${finding}`);
    }
    const failed = results.filter((result) => result.findings.length > 0).length;
    console.log(`${results.length} packages checked with publint and attw (esm-only), ${failed} with findings`);
    process.exitCode = failed > 0 ? 1 : 0;
  } catch (error) {
    console.error(`check-packages: ${error instanceof PackageCheckError ? error.message : error.stack}`);
    process.exitCode = 2;
  }
}
