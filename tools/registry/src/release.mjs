// A release as the maintainers would cut it, on a staged copy of the workspace (the checkout is
// never touched): a changeset that bumps every publishable package, `changeset version`, then
// `changeset publish` to the given registry.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './tool-projects.mjs';

const run = promisify(execFile);
const changesetBin = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js');
const skipped = new Set(['node_modules', '.test-results', '.turbo', 'coverage']);

/** Copies what a release reads: the root manifest, .changeset/ and every package (built). */
export async function stageWorkspace() {
  const dir = await mkdtemp(join(tmpdir(), 'release-rehearsal-'));
  await cp(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  await cp(join(repoRoot, '.changeset'), join(dir, '.changeset'), { recursive: true });
  await mkdir(join(dir, 'packages'));
  const publishable = [];
  for (const entry of await readdir(join(repoRoot, 'packages'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const source = join(repoRoot, 'packages', entry.name);
    await cp(source, join(dir, 'packages', entry.name), { recursive: true, filter: (path) => !skipped.has(path.slice(source.length + 1).split('/')[0] ?? '') });
    const manifest = JSON.parse(await readFile(join(source, 'package.json'), 'utf8'));
    if (manifest.private !== true) publishable.push(manifest.name);
  }
  // `changeset publish` tags the release in git.
  const git = (...args) => run('git', args, { cwd: dir });
  await git('init', '-q');
  await git('-c', 'user.name=release', '-c', 'user.email=release@example.invalid', 'add', '-A');
  await git('-c', 'user.name=release', '-c', 'user.email=release@example.invalid', 'commit', '-qm', 'staged workspace');
  return { dir, publishable };
}

/** Writes a patch changeset for every publishable package and applies it. Returns the new versions. */
export async function versionPackages(dir, publishable) {
  const frontMatter = publishable.map((name) => `'${name}': patch`).join('\n');
  await writeFile(join(dir, '.changeset', 'release-rehearsal.md'), `---\n${frontMatter}\n---\n\nRelease rehearsal against a private registry.\n`);
  await run(process.execPath, [changesetBin, 'version'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  /** @type {Record<string, string>} */
  const versions = {};
  for (const entry of await readdir(join(dir, 'packages'))) {
    const manifest = JSON.parse(await readFile(join(dir, 'packages', entry, 'package.json'), 'utf8'));
    if (publishable.includes(manifest.name)) versions[manifest.name] = manifest.version;
  }
  return versions;
}

/** The repository the rehearsal's release workflow "runs in" (RELEASE_REPOSITORY_URL). */
export const REHEARSAL_REPOSITORY_URL = 'https://github.com/acme/iodm-northbound';

/**
 * `npm run release:publish` as .github/workflows/release.yml runs it, to `registryUrl` with
 * `token`: the .npmrc setup-node writes (the scope mapped to the registry, the token from
 * NODE_AUTH_TOKEN), the step's env (npm_config_registry, RELEASE_REPOSITORY_URL), then
 * set-repository-url.mjs and `changeset publish`. Provenance is left out: it needs GitHub's OIDC
 * token. Returns the output.
 */
export async function publishPackages(dir, registryUrl, token) {
  const userconfig = join(dir, '.npmrc-release');
  const host = registryUrl.replace(/^https?:/, '');
  await writeFile(userconfig, `@iodm-northbound:registry=${registryUrl}\n${host}:_authToken=\${NODE_AUTH_TOKEN}\n`);
  const env = {
    ...withoutNpmEnv(process.env),
    npm_config_userconfig: userconfig,
    npm_config_registry: registryUrl,
    NODE_AUTH_TOKEN: token,
    RELEASE_REPOSITORY_URL: REHEARSAL_REPOSITORY_URL,
  };
  const options = { cwd: dir, env, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 };
  // The staged copy has no tools/: set-repository-url.mjs runs from the checkout on the staged packages.
  const setUrl = await run(process.execPath, [join(repoRoot, 'tools', 'registry', 'src', 'set-repository-url.mjs'), join(dir, 'packages')], options);
  const { stdout, stderr } = await run(process.execPath, [changesetBin, 'publish'], options);
  return `${setUrl.stdout}${stdout}${stderr}`;
}

/** The environment without the settings of the `npm test` that may be running us. */
export function withoutNpmEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}
