// Shared build cache, shown end to end: a cache server on loopback, a fresh clone that builds
// and uploads, then a second fresh clone with an empty local cache that replays `turbo run build`
// from the server (FULL TURBO). Each clone gets the workspace's installed node_modules as hard
// links (what `npm ci` would put there, without the download).
//
//   node tools/remote-cache/src/replay.mjs
import { execFile } from 'node:child_process';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCacheServer } from './cache-server.mjs';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const TEAM = 'team_iodm_northbound';

/** A clone of the committed tree at `commit` plus the installed dependencies. */
export async function freshClone(parent, name, commit) {
  const dir = join(parent, name);
  await run('git', ['clone', '-q', '--no-hardlinks', repoRoot, dir]);
  await run('git', ['checkout', '-q', '--detach', commit], { cwd: dir });
  const installed = ['node_modules'];
  for (const group of ['packages', 'tools']) {
    for (const entry of await readdir(join(repoRoot, group), { withFileTypes: true })) {
      if (entry.isDirectory()) installed.push(join(group, entry.name, 'node_modules'));
    }
  }
  for (const path of installed) {
    // -al: hard links (fast, same files); workspace symlinks are relative, so they point into the clone.
    await run('cp', ['-al', join(repoRoot, path), join(dir, path)]).catch(() => undefined);
  }
  return dir;
}

/** `turbo run build` in `dir` against the remote cache; returns turbo's summary figures. */
export async function turboBuild(dir, cache) {
  const started = Date.now();
  const env = { ...process.env, TURBO_API: cache.url, TURBO_TOKEN: cache.token, TURBO_TEAM: TEAM, TURBO_TELEMETRY_DISABLED: '1', TURBO_UI: 'false', NO_COLOR: '1' };
  const { stdout, stderr } = await run(join(dir, 'node_modules', '.bin', 'turbo'), ['run', 'build', '--output-logs=hash-only'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024, timeout: 900_000 });
  const output = `${stdout}${stderr}`;
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  return {
    seconds: (Date.now() - started) / 1000,
    cached: Number(cached?.[1] ?? NaN),
    total: Number(cached?.[2] ?? NaN),
    fullTurbo: output.includes('FULL TURBO'),
    output,
  };
}

/** @param {(line: string) => void} [log] */
export async function replayFromRemoteCache(log = () => {}) {
  const cache = await startCacheServer();
  const parent = await mkdtemp(join(tmpdir(), 'turbo-replay-'));
  try {
    log(`cache server at ${cache.url} (team ${TEAM})`);
    // Both clones at one commit: a commit landing between them would change the hashes.
    const commit = (await run('git', ['rev-parse', 'HEAD'], { cwd: repoRoot })).stdout.trim();
    const first = await turboBuild(await freshClone(parent, 'first', commit), cache);
    log(`first clone: ${first.cached}/${first.total} cached, ${first.seconds.toFixed(1)} s`);
    const artifacts = (await readdir(join(cache.storage), { recursive: true })).filter((name) => !name.endsWith('/')).length;
    const secondDir = await freshClone(parent, 'second', commit);
    const localCacheBefore = await access(join(secondDir, '.turbo')).then(() => true, () => false);
    const second = await turboBuild(secondDir, cache);
    // The replayed outputs are on disk, as if built.
    const restored = await access(join(secondDir, 'packages', 'client', 'dist', 'index.js')).then(() => true, () => false);
    log(`second clone (empty local cache): ${second.cached}/${second.total} cached${second.fullTurbo ? ', FULL TURBO' : ''}, ${second.seconds.toFixed(1)} s`);
    return { first, second, artifacts, localCacheBefore, restored };
  } finally {
    await rm(parent, { recursive: true, force: true });
    await cache.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  replayFromRemoteCache((line) => console.log(line)).then(
    ({ second }) => {
      process.exitCode = second.fullTurbo ? 0 : 1;
    },
    (error) => {
      console.error(`remote-cache replay failed: ${error.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}
