// Packs workspace packages exactly as `npm publish` would and lists what went into each tarball.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export class PackageCheckError extends Error {
  name = 'PackageCheckError';
}

/**
 * The non-private packages directly under `packagesDir`, in dependency order (a package after
 * the workspace packages it depends on).
 * @returns {Promise<Array<{ dir: string, manifest: Record<string, any> }>>}
 */
export async function publishablePackages(packagesDir = join(repoRoot, 'packages')) {
  const found = [];
  for (const entry of (await readdir(packagesDir, { withFileTypes: true })).filter((dirent) => dirent.isDirectory())) {
    const dir = join(packagesDir, entry.name);
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').then(JSON.parse, () => undefined);
    if (manifest && manifest.private !== true) found.push({ dir, manifest });
  }
  const names = new Set(found.map(({ manifest }) => manifest.name));
  const ordered = [];
  const visit = (pkg, seen = new Set()) => {
    if (ordered.includes(pkg) || seen.has(pkg)) return;
    seen.add(pkg);
    for (const dependency of Object.keys(pkg.manifest.dependencies ?? {})) {
      const inWorkspace = names.has(dependency) && found.find(({ manifest }) => manifest.name === dependency);
      if (inWorkspace) visit(inWorkspace, seen);
    }
    ordered.push(pkg);
  };
  for (const pkg of found.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name))) visit(pkg);
  return ordered;
}

/**
 * `npm pack` of one package directory into `destination`.
 * @returns {Promise<{ tarball: string, files: string[] }>}
 */
export async function packPackage(dir, destination) {
  let packed;
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: dir, maxBuffer: 32 * 1024 * 1024 });
    [packed] = JSON.parse(stdout);
  } catch (error) {
    throw new PackageCheckError(`npm pack failed in ${dir}: ${error.stderr || error.message}`);
  }
  return { tarball: join(destination, packed.filename), files: packed.files.map((file) => file.path) };
}
