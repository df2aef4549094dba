// Requests per second of stock Prism's CLI, this mock and bare node:http (the ceiling) on the same
// spec and requests, each server in a child process of its own on 127.0.0.1:0, loaded by
// autocannon (10 connections, a bounded count and time). Figures only, no pass/fail. After a build:
//   node bench/throughput.mjs [requests per server] [--cpu-prof <dir>] [--baseline <dist dir>]
// --cpu-prof profiles the mock; --baseline also measures another build of it (e.g. an earlier
// commit's, built with tsc into a folder of its own).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { specPath } from '@iodm-northbound/spec';
import autocannon from 'autocannon';

const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { 'cpu-prof': { type: 'string' }, baseline: { type: 'string' } } });
const amount = Number(positionals[0] ?? 10_000);
const ROUNDS = 5;
/** A bound on each round, whatever the count. */
const MAX_SECONDS = 60;
const CONNECTIONS = 10;
const headers = { app_key: '3RQ9UnhymV409MfKPuiin75XroQa', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' };
const base = '/iodm/northbound/v1.5.0';
// Reads of the spec's example task, its subtasks and the package list: 200 from every server.
const requests = [
  `${base}/operations/5bf3a8c7e1d2f40001a3b4c5/subOperations?pageNo=0&pageSize=10`,
  `${base}/operations/5bf3a8c7e1d2f40001a3b4c5`,
  `${base}/category?pageNo=0&pageSize=10`,
].map((path) => ({ method: 'GET', path, headers }));

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const prismCli = fileURLToPath(import.meta.resolve('@stoplight/prism-cli/dist/index.js'));

/** Starts a server child and resolves with its URL, read from the line matching `listening`. */
function startChild(args, listening) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const url = new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      if (seen === undefined) return; // drained: Prism logs every request
      seen += text;
      const match = listening.exec(seen);
      if (match) {
        seen = undefined;
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before listening`)));
  });
  return { child, url };
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** autocannon's result, and the seconds from the start to the last answer (its own clock ticks once a second). */
function load(url, count) {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    let lastAnswer = began;
    const instance = autocannon({ url, connections: CONNECTIONS, amount: count, requests, timeout: 10 }, (error, result) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve({ result, seconds: (lastAnswer - began) / 1000 });
    });
    instance.on('response', () => {
      lastAnswer = performance.now();
    });
    // Bounded in time as well as count: a server that slows to a crawl still ends the run.
    const timer = setTimeout(() => instance.stop(), MAX_SECONDS * 1000);
  });
}

// CPU time of a server process (Linux /proc, clock ticks of 10 ms): the machine's other load does
// not change it, unlike requests/s. Undefined where /proc is not there.
const CLOCK_TICK_MS = 10;
function cpuMs(pid) {
  try {
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return undefined;
  }
}

/** Starts a server child (added to `servers` at once, so it is stopped whatever fails next) and warms it up. */
async function startServer(servers, label, args, listening) {
  const { child, url } = startChild(args, listening);
  const server = { label, child, origin: undefined, ok: 0, seconds: 0, p99: 0, cpuMs: 0 };
  servers.push(server);
  server.origin = await url;
  await load(server.origin, Math.min(2_000, amount)); // warm-up: JIT, lazily compiled validators
}

async function measureRound(server, count) {
  const cpuBefore = cpuMs(server.child.pid);
  const { result, seconds } = await load(server.origin, count);
  const cpuAfter = cpuMs(server.child.pid);
  server.cpuMs = cpuBefore === undefined || cpuAfter === undefined ? Number.NaN : server.cpuMs + cpuAfter - cpuBefore;
  const ok = result['2xx'];
  const { non2xx, errors, timeouts } = result;
  if (non2xx + errors + timeouts > 0) throw new Error(`${server.label}: ${ok} answered 2xx, ${non2xx} other statuses, ${errors} errors, ${timeouts} timeouts`);
  server.ok += ok;
  server.seconds += seconds;
  server.p99 = Math.max(server.p99, result.latency.p99);
}

const perSecond = (server) => server.ok / server.seconds;
/** Server CPU ms per 1 000 answers. */
const cpuPerThousand = (server) => (server.cpuMs / server.ok) * 1000;

// Prism's CLI watches its spec file and restarts on another port when it changes (a rebuild of the
// spec package mid-run would): it is given a copy of its own.
const specCopyDir = await mkdtemp(join(tmpdir(), 'mock-bench-'));
const specCopy = join(specCopyDir, 'openapi.json');
await copyFile(specPath, specCopy);
const profile = flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', flags['cpu-prof']] : [];
const launches = [
  ['bare node:http', [here('servers/bare-http.mjs')], /listening (\S+)/],
  ['stock Prism CLI', [prismCli, 'mock', '-h', '127.0.0.1', '-p', '0', specCopy], /Prism is listening on (http:\/\/\S+)/],
  ['this mock', [...profile, here('servers/mock.mjs')], /listening (\S+)/],
  ...(flags.baseline ? [['baseline build', [here('servers/mock.mjs'), flags.baseline], /listening (\S+)/]] : []),
];
const servers = [];
try {
  for (const launch of launches) await startServer(servers, ...launch);
  console.log(`${amount} requests per server in ${ROUNDS} rounds taken in turn, ${CONNECTIONS} connections, ${requests.length} GETs in turn (Node ${process.version})`);
  // Servers take turns, round after round, so a change in the machine's load is shared among them.
  for (let round = 0; round < ROUNDS; round++) for (const server of servers) await measureRound(server, Math.ceil(amount / ROUNDS));
} finally {
  await Promise.all(servers.map((server) => stopChild(server.child)));
  await rm(specCopyDir, { recursive: true, force: true });
}
for (const server of servers) {
  const cpu = cpuPerThousand(server);
  console.log(
    `${server.label.padEnd(16)} ${perSecond(server).toFixed(0).padStart(7)} req/s  ${Number.isNaN(cpu) ? '' : `${cpu.toFixed(0).padStart(5)} CPU ms per 1000  `}(${server.ok} requests in ${server.seconds.toFixed(2)} s, worst round's p99 ${server.p99} ms)`,
  );
}
const [bare, prism, mock, baseline] = servers.map(perSecond);
console.log(`this mock / stock Prism: ${(mock / prism).toFixed(2)}x; bare node:http / this mock: ${(bare / mock).toFixed(2)}x`);
if (baseline !== undefined) console.log(`baseline build / stock Prism: ${(baseline / prism).toFixed(2)}x; this mock / baseline build: ${(mock / baseline).toFixed(2)}x`);
const [bareCpu, prismCpu, mockCpu, baselineCpu] = servers.map(cpuPerThousand);
if (!Number.isNaN(mockCpu)) {
  // The same comparison by CPU time per request, which a busy machine changes far less than req/s.
  console.log(`by CPU per request: stock Prism / this mock: ${(prismCpu / mockCpu).toFixed(2)}x; this mock / bare node:http: ${(mockCpu / bareCpu).toFixed(2)}x`);
  if (baselineCpu !== undefined) console.log(`by CPU per request: baseline build / this mock: ${(baselineCpu / mockCpu).toFixed(2)}x`);
}
