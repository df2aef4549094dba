// A scratch project that installs the packed packages the way another team would (npm install of
// the tarballs, resolved from the npm cache when it can), then type-checks, runs and tests
// against them. Every step returns the command's output rather than throwing, so a test can
// show it.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPackage, publishablePackages } from './pack.mjs';
import { CONSUMER_TYPES_NODE, CONSUMER_TYPESCRIPT } from './vitest-peer-range.mjs';

const fixture = fileURLToPath(new URL('../fixtures/consumer', import.meta.url));

/**
 * Runs a command; never throws for a non-zero exit.
 * @returns {Promise<{ code: number, output: string }>}
 */
export function runCommand(command, args, options) {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024, timeout: 600_000, ...options }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}${error && typeof error.code !== 'number' ? `\n${error.message}` : ''}` });
    });
  });
}

/** The environment of a nested npm: none of the workspace settings of the `npm test` that runs us. */
export function cleanNpmEnv(env = process.env) {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || keep.has(key.toLowerCase())));
}

/**
 * Packs every publishable package into `destination`.
 * @returns {Promise<Array<{ name: string, version: string, tarball: string, files: string[] }>>}
 */
export async function packAll(destination) {
  const packed = [];
  for (const { dir, manifest } of await publishablePackages()) {
    packed.push({ name: manifest.name, version: manifest.version, ...(await packPackage(dir, destination)) });
  }
  return packed;
}

/** Creates the scratch consumer: the fixture's files and a package.json naming the tarballs. */
export async function createConsumer(tarballs, vitestVersion) {
  const dir = await mkdtemp(join(tmpdir(), 'packed-consumer-'));
  await cp(fixture, dir, { recursive: true });
  const manifest = {
    name: 'northbound-consumer',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(tarballs.map(({ name, tarball }) => [name, `file:${tarball}`])),
    devDependencies: { vitest: vitestVersion, typescript: CONSUMER_TYPESCRIPT, '@types/node': CONSUMER_TYPES_NODE },
    allowScripts: { esbuild: true },
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const npm = (...args) => runCommand('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, env: cleanNpmEnv() });
  const node = (...args) => runCommand(process.execPath, args, { cwd: dir, env: { ...cleanNpmEnv(), NO_COLOR: '1', FORCE_COLOR: '0' } });
  return {
    dir,
    install: () => npm('install'),
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
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
