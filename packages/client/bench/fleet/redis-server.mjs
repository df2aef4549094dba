// A real redis-server (Debian's package) for the tests: on 127.0.0.1, a free port, persistence
// off, stopped afterwards. Redis cannot listen on port 0, so a free port is found by binding a
// socket to port 0 and closing it; a port taken meanwhile (EADDRINUSE) means another try.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

const binary = process.env.REDIS_SERVER ?? 'redis-server';
const attempts = 5;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function assertInstalled() {
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`redis-server is not installed (needed by the coordinator tests): apt-get install redis-server`);
  }
}

/** Resolves once redis logs that it accepts connections; rejects with what it printed if it exits first. */
async function launch(port) {
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'notice'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        child.off('exit', onExit);
        resolve(child);
      }
    };
    const onExit = () => reject(Object.assign(new Error(`redis-server exited: ${output.trim().split('\n').slice(-3).join(' | ')}`), { addressInUse: /already in use|EADDRINUSE/i.test(output) }));
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** @returns {Promise<{ url: string, port: number, stop(): Promise<void>, restart(): Promise<void> }>} */
export async function startRedisServer() {
  assertInstalled();
  let child;
  let port = 0;
  for (let attempt = 1; !child; attempt++) {
    port = await freePort();
    try {
      child = await launch(port);
    } catch (error) {
      if (!error.addressInUse || attempt >= attempts) throw error;
    }
  }
  // A test that fails before stop() must still not leave a server behind.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child) await stopChild(child);
      process.off('exit', killOnExit);
    },
    async restart() {
      if (child) await stopChild(child);
      child = await launch(port);
      process.once('exit', killOnExit);
    },
  };
}
