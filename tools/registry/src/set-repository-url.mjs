// `npm run release:publish` runs this before `changeset publish`: the published packages'
// `repository.url` becomes the repository the release workflow runs in (RELEASE_REPOSITORY_URL,
// e.g. https://github.com/acme/iodm-northbound). npm provenance requires it to match the
// repository that built the package; the checkout carries a placeholder (example.invalid) until
// the organisation's repository is known. Without the variable nothing changes.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './tool-projects.mjs';

/** Sets `repository.url` of every publishable package under packages/; returns the names changed. */
export async function setRepositoryUrl(repositoryUrl, packagesDir = join(repoRoot, 'packages')) {
  const url = `git+${repositoryUrl.replace(/\/+$/, '').replace(/\.git$/, '')}.git`;
  const changed = [];
  for (const entry of await readdir(packagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(packagesDir, entry.name, 'package.json');
    const manifest = JSON.parse(await readFile(path, 'utf8'));
    if (manifest.private === true) continue;
    manifest.repository = { ...manifest.repository, type: 'git', url };
    await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
    changed.push(manifest.name);
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repositoryUrl = process.env.RELEASE_REPOSITORY_URL;
  if (!repositoryUrl) console.log('RELEASE_REPOSITORY_URL is not set: repository.url stays as it is');
  // A packages folder other than the checkout's: the release rehearsal's staged copy.
  else console.log(`repository.url = git+${repositoryUrl}.git in ${(await setRepositoryUrl(repositoryUrl, process.argv[2])).join(', ')}`);
}
