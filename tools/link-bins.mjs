// Links the bins of the workspace packages (iodm-northbound, iodm-northbound-mock,
// iodm-northbound-contract-tests) into node_modules/.bin and makes them executable, as npm does
// on install. `npm ci` links a bin only when its file exists, and dist/ is built after it; tsc
// writes each build's file anew without the executable bit. So `npm run build` and `npm start`
// run this after building: then `npx -p @iodm-northbound/cli iodm-northbound …` works in a fresh
// clone as it does where the package is installed.
import { chmod, mkdir, readdir, readFile, readlink, rename, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const binDir = join(repoRoot, 'node_modules', '.bin');

/** Every bin of the workspace packages under packages/: its name, package and file in the package. */
async function workspaceBins() {
  const bins = [];
  for (const entry of await readdir(join(repoRoot, 'packages'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const manifest = await readFile(join(repoRoot, 'packages', entry.name, 'package.json'), 'utf8').then(JSON.parse, () => undefined);
    for (const [name, file] of Object.entries(manifest?.bin ?? {})) bins.push({ name, packageName: manifest.name, file });
  }
  return bins.sort((a, b) => a.name.localeCompare(b.name));
}

/** Links (or re-links) each bin and sets its file's mode to 755; returns the bin names. */
export async function linkWorkspaceBins() {
  await mkdir(binDir, { recursive: true });
  const bins = await workspaceBins();
  for (const { name, packageName, file } of bins) {
    const target = join('..', packageName, file);
    await chmod(join(repoRoot, 'node_modules', packageName, file), 0o755);
    if ((await readlink(join(binDir, name)).catch(() => undefined)) === target) continue;
    // A new link beside it, renamed over the old one: two callers at once (test files run in
    // parallel) never meet a missing link or an EEXIST.
    const partial = join(binDir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}`);
    await symlink(target, partial);
    await rename(partial, join(binDir, name));
  }
  return bins.map(({ name }) => name);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`linked in node_modules/.bin: ${(await linkWorkspaceBins()).join(', ')}`);
}
