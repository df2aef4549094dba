// turborepo-remote-cache (its own project in ./server, with its own lock) on 127.0.0.1, on a port
// the OS picks, storing artifacts in a temp dir that is removed on close. HOST is set: the server
// binds every interface unless told.
import { execFile, spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const serverDir = fileURLToPath(new URL('../server', import.meta.url));
const cli = join(serverDir, 'node_modules', 'turborepo-remote-cache', 'dist', 'cli.js');

const exists = (path) => access(path).then(() => true, () => false);

/** The server's lock needs Node >= 22: this Node if new enough, else .ci/node-versions' node-24 (installed on first use). */
async function serverNode() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const nodeVersionsDir = fileURLToPath(new URL('../../../.ci/node-versions', import.meta.url));
  const binary = join(nodeVersionsDir, 'node_modules', 'node-24', 'bin', 'node');
  if (!(await exists(binary))) await promisify(execFile)('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: nodeVersionsDir, timeout: 900_000 });
  return binary;
}

/** Installs ./server from its lock under the Node that runs it, so npm's engine check (an inherited engine-strict too) sees that Node. */
async function ensureInstalled(node) {
  if (await exists(cli)) return;
  const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
  await promisify(execFile)('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: serverDir, env, timeout: 900_000 });
}

/** @returns {Promise<{ url: string, token: string, storage: string, close: () => Promise<void> }>} */
export async function startCacheServer() {
  const node = await serverNode();
  await ensureInstalled(node);
  const storage = await mkdtemp(join(tmpdir(), 'turbo-remote-cache-'));
  const token = `token-${process.pid}-${Date.now()}`;
  const env = { ...process.env, HOST: '127.0.0.1', PORT: '0', TURBO_TOKEN: token, STORAGE_PROVIDER: 'local', STORAGE_PATH: storage, STORAGE_PATH_USE_TMP_FOLDER: 'false', LOG_LEVEL: 'info', NODE_ENV: 'production' };
  const child = spawn(node, [cli], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(storage, { recursive: true, force: true });
  };
  try {
    const url = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the cache server did not start:\n${output}`)), 60_000);
      const onData = (chunk) => {
        output += chunk;
        const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`the cache server exited with ${code}:\n${output}`)));
    });
    return { url, token, storage, close };
  } catch (error) {
    await close();
    throw error;
  }
}
