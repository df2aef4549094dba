// `npm run pack:all`: the six publishable packages packed as `npm publish` would (the pack
// harness), copied into dist-packages/ at the repository root, and the one install line another
// project runs. All six are installed together: a tarball's dependencies on the others (the
// client's on @iodm-northbound/types, …) are then met by the tarballs, never fetched from a
// registry where nothing is published yet.
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packedPackages } from './harness.mjs';
import { repoRoot } from './pack.mjs';

export const distPackages = join(repoRoot, 'dist-packages');

/** Packs the six packages into `folder` (emptied first of older tarballs); returns their paths. */
export async function packAll(folder = distPackages) {
  await mkdir(folder, { recursive: true });
  for (const name of await readdir(folder)) if (name.endsWith('.tgz')) await rm(join(folder, name));
  const tarballs = [];
  for (const { tarball } of await packedPackages()) {
    await cp(tarball, join(folder, basename(tarball)));
    tarballs.push(join(folder, basename(tarball)));
  }
  return tarballs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tarballs = await packAll();
  console.log(`${tarballs.length} packages in ${distPackages}:\n${tarballs.map((path) => `  ${basename(path)}`).join('\n')}\n`);
  console.log('Install them in another project, all together (README "Use the packages from another project"):\n');
  console.log(`  npm install ${distPackages}/*.tgz\n`);
}
