// `npm run pack:all`: the six publishable packages packed as `npm publish` would (the pack
// harness), copied into dist-packages/ at the repository root, and the one install line another
// project runs. All six are installed together: a tarball's dependencies on the others (the
// client's on @iodm-northbound/types, …) are then met by the tarballs, never fetched from a
// registry where nothing is published yet.
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packedPackages } from './harness.mjs';
import { repoRoot } from './pack.mjs';

export const distPackages = join(repoRoot, 'dist-packages');

/**
 * Packs the six packages into `folder`, leaving no older tarball there; returns each package's
 * name and tarball there. Safe to run twice at once (the Node lines of .ci/other-node-lines): a
 * tarball already there with the same content is kept, a new one is written beside it and renamed
 * into place, so a concurrent install never reads a half-written or deleted file.
 * @returns {Promise<Array<{ name: string, tarball: string }>>}
 */
export async function packAll(folder = distPackages) {
  await mkdir(folder, { recursive: true });
  const copied = [];
  for (const { name, tarball } of await packedPackages()) {
    const target = join(folder, basename(tarball));
    if (!(await sameContent(tarball, target))) {
      const partial = `${target}.${process.pid}.partial`;
      await cp(tarball, partial);
      await rename(partial, target);
    }
    copied.push({ name, tarball: target });
  }
  const kept = new Set(copied.map(({ tarball }) => tarball));
  for (const file of await readdir(folder)) {
    if (file.endsWith('.tgz') && !kept.has(join(folder, file))) await rm(join(folder, file), { force: true });
  }
  return copied;
}

async function sameContent(a, b) {
  const [left, right] = await Promise.all([readFile(a), readFile(b).catch(() => undefined)]);
  return right !== undefined && left.equals(right);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packed = await packAll();
  console.log(`${packed.length} packages in ${distPackages}:\n${packed.map(({ tarball }) => `  ${basename(tarball)}`).join('\n')}\n`);
  console.log('Install them in another project, all together (README "Use the packages from another project"):\n');
  console.log(`  npm install ${distPackages}/*.tgz\n`);
}
