// Benchmark: `iodm-northbound subtasks <task> --format csv` of large tasks, as a child process
// (prints figures; not a test). Run after a build: `npm run bench -w @iodm-northbound/cli`.
//  - through the real client against the real mock on loopback (`paged-<N>`: N subtasks, 100/page)
//  - through bench/simulated-cli.mjs, the CLI over the simulator in-process (`campaign-<N>`: no HTTP, the CLI's own cost)
// Peak RSS is the child's VmHWM (Linux), read from /proc while it runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '../../mock-server/dist/index.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SIMULATED_CLI = fileURLToPath(new URL('./simulated-cli.mjs', import.meta.url));

function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function run(script, args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    let lines = 0;
    let peak = 0;
    child.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    });
    const poll = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid) ?? 0)), 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, seconds: (performance.now() - started) / 1000, bytes, lines, peakMb: peak });
    });
  });
}

const mock = await startMockServer();
const platform = { NORTHBOUND_BASE_URL: mock.url, NORTHBOUND_APP_ID: 'bench', NORTHBOUND_SECRET: 'bench-secret' }; // the client refuses secrets under 8 characters
const simulated = { SIM_SPEED: '1000000' };
console.log(`subtasks --format csv, Node ${process.version}`);
for (const [label, script, task, env] of [
  ['mock (HTTP, real client)', BIN, 'paged-10000', platform],
  ['mock (HTTP, real client)', BIN, 'paged-100000', platform],
  ['simulator (in-process)', SIMULATED_CLI, 'campaign-10000', simulated],
  ['simulator (in-process)', SIMULATED_CLI, 'campaign-100000', simulated],
]) {
  const result = await run(script, ['subtasks', task, '--format', 'csv'], env);
  // A figure of a run that failed measures nothing: say so and fail the bench.
  if (result.code !== 0) process.exitCode = 1;
  console.log(
    `  ${label.padEnd(26)} ${task.padEnd(16)} exit ${result.code}  ${result.lines - 1} rows  ${(result.bytes / 1e6).toFixed(1)} MB  ${result.seconds.toFixed(1)} s  peak RSS ${result.peakMb.toFixed(0)} MB`,
  );
}
await mock.close();
