// A team's project that gets our packages by name from the registry (the scope mapped to it in
// .npmrc, everything else from the usual registry or the npm cache), then runs our bins the way
// the READMEs say: npx -p <scoped package> <bin>.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withoutNpmEnv } from './release.mjs';

const run = promisify(execFile);

export async function createProject(registryUrl) {
  const dir = await mkdtemp(join(tmpdir(), 'install-by-name-'));
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'registry-consumer', private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(join(dir, '.npmrc'), `@iodm-northbound:registry=${registryUrl}\n`);
  const env = { ...withoutNpmEnv(process.env), NO_COLOR: '1' };
  const exec = (command, args) => run(command, args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024, timeout: 900_000 });
  const npm = (args) => exec('npm', args);
  return {
    dir,
    // The lock records where each package came from (some machines' npm config omits that).
    install: (specs) => npm(['install', '--save-exact', '--prefer-offline', '--no-audit', '--no-fund', '--no-omit-lockfile-registry-resolved', ...specs]),
    /** Where npm got a package from, per package-lock.json. */
    resolvedFrom: async (name) => JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')).packages[`node_modules/${name}`]?.resolved,
    /** Exactly the README's form: npx -p <scoped package> <bin>. */
    npx: (pkg, bin, args) => exec('npx', ['--yes', '-p', pkg, bin, ...args]),
    /** Starts the mock bin on a free port, asks it one thing, stops it. */
    mockRoundTrip: () => mockRoundTrip(dir, env),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

async function mockRoundTrip(cwd, env) {
  const child = spawn('npx', ['-p', '@iodm-northbound/mock-server', 'iodm-northbound-mock', '--port', '0', '--quiet'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the mock bin did not start:\n${output}`)), 120_000);
      const onData = (chunk) => {
        output += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`the mock bin exited with ${code}:\n${output}`)));
    });
    const response = await fetch(`${url}/iocm/app/sec/v1.1.0/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'appId=registry-consumer&secret=s3cret',
    });
    return { url, status: response.status, body: await response.json() };
  } finally {
    // npx runs the bin in a child of its own: stop the whole process group we started.
    if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}
