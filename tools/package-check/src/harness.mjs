// The one pack harness: every publishable package packed as `npm publish` would, once per content
// (tarballs are reused by every test file and run until what the packages ship changes), and a
// scratch project outside the workspace that installs exactly those tarballs, the way another
// team would, resolving everything else from the npm cache first.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { packPackage, publishablePackages, repoRoot } from './pack.mjs';

/** Tarballs live here, one folder per content key; in the checkout, so parallel checkouts never share. */
const packCache = join(repoRoot, 'node_modules', '.cache', 'iodm-northbound-packed');
/** A superseded tarball folder is removed once no run could still be installing from it. */
const STALE_AFTER_MS = 60 * 60 * 1000;
/** Files npm always packs from a package's root besides "files" (README, LICENSE, CHANGELOG). */
const alwaysPacked = /^(readme|license|licence|changelog)(\..*)?$/i;

/**
 * Runs a command; never throws for a non-zero exit, so a test can show the output.
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

async function filesUnder(path) {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** A hash of everything the packages would ship (manifest, README, LICENSE, every "files" entry: dist, src). */
async function contentKey(packages) {
  const hash = createHash('sha256');
  for (const { dir, manifest } of packages) {
    const roots = (await readdir(dir)).filter((name) => name === 'package.json' || alwaysPacked.test(name));
    roots.push(...(manifest.files ?? []).filter((entry) => !entry.startsWith('!')));
    const files = (await Promise.all(roots.map((root) => filesUnder(join(dir, root))))).flat();
    for (const file of [...new Set(files)].sort()) {
      hash.update(`${manifest.name}\0${relative(dir, file)}\0`);
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** @type {Map<string, Promise<PackedPackage[]>>} */
const packedThisProcess = new Map();

/**
 * @typedef {{ name: string, version: string, dir: string, manifest: Record<string, any>, tarball: string, files: string[] }} PackedPackage
 */

/**
 * Every publishable workspace package (packages/*, not private), packed into one folder. Packs
 * only when no folder holds tarballs of exactly this content yet: several test files, or a
 * second run with nothing rebuilt, reuse the same tarballs.
 * @returns {Promise<PackedPackage[]>}
 */
export async function packedPackages() {
  const packages = await publishablePackages(join(repoRoot, 'packages'));
  const key = await contentKey(packages);
  if (!packedThisProcess.has(key)) packedThisProcess.set(key, packOnce(packages, key));
  return packedThisProcess.get(key);
}

async function packOnce(packages, key) {
  const folder = join(packCache, key);
  const index = join(folder, 'packed.json');
  const fromIndex = async () => {
    const packed = JSON.parse(await readFile(index, 'utf8'));
    return packages.map(({ dir, manifest }) => {
      const entry = packed.find((item) => item.name === manifest.name);
      return { name: manifest.name, version: manifest.version, dir, manifest, tarball: join(folder, entry.filename), files: entry.files };
    });
  };
  const reused = await fromIndex().catch(() => undefined);
  if (reused) return reused;

  await mkdir(packCache, { recursive: true });
  await removeStaleFolders(key);
  // Packed aside, then renamed into place: a concurrent test file sees all six tarballs or none.
  const partial = await mkdtemp(join(packCache, `${key}.partial-`));
  try {
    const packed = [];
    for (const { dir, manifest } of packages) {
      const { tarball, files } = await packPackage(dir, partial);
      packed.push({ name: manifest.name, filename: relative(partial, tarball), files });
    }
    await writeFile(join(partial, 'packed.json'), `${JSON.stringify(packed, null, 2)}\n`);
    await rename(partial, folder).catch(async (error) => {
      // Another process packed the same content first: use its folder.
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return fromIndex();
}

async function removeStaleFolders(currentKey) {
  for (const name of await readdir(packCache)) {
    if (name.startsWith(currentKey)) continue;
    const { mtimeMs } = await stat(join(packCache, name)).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > STALE_AFTER_MS) await rm(join(packCache, name), { recursive: true, force: true });
  }
}

/**
 * A scratch project outside the workspace with every packed package installed from its tarball.
 * The tarballs are named by exact path, as dependencies and as overrides, so no
 * `@iodm-northbound/*` package can come from a registry; everything else comes from the npm cache
 * when it is there (`--prefer-offline`).
 * @param {{ devDependencies?: Record<string, string>, fixture?: string, withTarballs?: boolean }} [options] `fixture`: a folder copied in first; `withTarballs: false`: the manifest names no tarball, the caller installs them (as the README says)
 */
export async function createScratchProject({ devDependencies = {}, fixture, withTarballs = true } = {}) {
  const packed = await packedPackages();
  const dir = await mkdtemp(join(tmpdir(), 'packed-consumer-'));
  if (fixture) await cp(fixture, dir, { recursive: true });
  const tarballs = Object.fromEntries(packed.map(({ name, tarball }) => [name, `file:${tarball}`]));
  const manifest = withTarballs
    ? { name: 'northbound-consumer', private: true, type: 'module', dependencies: tarballs, devDependencies, overrides: tarballs, allowScripts: { esbuild: true } }
    : { name: 'northbound-consumer', private: true, type: 'module', devDependencies, allowScripts: { esbuild: true } };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const npm = (...args) => runCommand('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, env: cleanNpmEnv() });
  return {
    dir,
    packed,
    npm,
    /** Runs a script of the project with this Node, colours off. */
    node: (...args) => runCommand(process.execPath, args, { cwd: dir, env: { ...cleanNpmEnv(), NO_COLOR: '1', FORCE_COLOR: '0' } }),
    install: () => npm('install'),
    /**
     * Where each installed `@iodm-northbound/*` package came from, per package-lock.json (every
     * copy, nested ones too): the absolute path of a tarball, or the registry URL.
     */
    installedFrom: async () => {
      const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8'));
      return Object.entries(lock.packages)
        .filter(([path]) => /(^|\/)node_modules\/@iodm-northbound\//.test(path))
        .map(([path, { resolved }]) => ({ path, from: resolved?.startsWith('file:') ? resolve(dir, resolved.slice('file:'.length)) : resolved }));
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
