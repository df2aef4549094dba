// Runs a fleet of worker processes (worker.mjs) against one appId and gathers what happened:
// each call's outcome from the workers, and the mock's counts (logins, 1010005, 1010009).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerPath = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/**
 * @param {object} fleet { workers, calls, baseUrl, appId, secret, operationId, redisUrl?, rateLimit?, lockTtlMs?, pauseMs? }
 * @param {object} [hooks] { onStarted(children), whileRunning() } - for fault injection
 */
export async function runFleet(fleet, hooks = {}) {
  const { workers, ...config } = fleet;
  const children = Array.from({ length: workers }, () => spawnWorker({ ...config, mode: 'queries' }));
  try {
    await Promise.all(children.map((child) => child.ready));
    await hooks.onStarted?.(children);
    const startedAt = Date.now();
    const done = children.map((child) => child.done);
    for (const child of children) child.process.send('go');
    const running = hooks.whileRunning?.();
    const reports = await Promise.all(done);
    await running;
    const calls = reports.flat();
    return { calls, startedAt, endedAt: Date.now() };
  } finally {
    for (const child of children) child.kill();
  }
}

/** A worker process; `ready` once it runs, `done` with its calls' outcomes. */
export function spawnWorker(config) {
  const child = fork(workerPath, [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages = [];
  const waiters = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  child.on('message', (message) => {
    messages.push(message);
    wake();
  });
  child.on('exit', wake);
  const next = (event) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.find((message) => message.event === event);
        if (found) return resolve(found);
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`worker exited (${child.exitCode ?? child.signalCode}) before "${event}"`));
        waiters.push(check);
      };
      check();
    });
  const done = next('done').then((message) => message.results);
  done.catch(() => {}); // a worker killed on purpose never reports; whoever awaits `done` still sees why
  return {
    process: child,
    ready: next('ready'),
    done,
    next,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * Successful calls per window of `windowMs`, counted from the first call's start, over the
 * windows that ended before the last call started (the tail window is partial). A sliding
 * window lets `limit` calls through at once, so this is what a fleet sustains.
 */
export function callsPerWindow(calls, windowMs) {
  const ok = calls.filter((call) => call.ok);
  if (ok.length === 0) return { perWindow: 0, windows: 0 };
  const first = Math.min(...calls.map((call) => call.startedAt));
  const last = Math.max(...ok.map((call) => call.startedAt));
  const windows = Math.floor((last - first) / windowMs);
  if (windows === 0) return { perWindow: ok.length, windows: 0 };
  const inFullWindows = ok.filter((call) => call.endedAt < first + windows * windowMs).length;
  return { perWindow: inFullWindows / windows, windows };
}

/** Failed calls by error class name. */
export function failuresByKind(calls) {
  const kinds = {};
  for (const call of calls) if (!call.ok) kinds[call.error] = (kinds[call.error] ?? 0) + 1;
  return kinds;
}
