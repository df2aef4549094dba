import { spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type MockServer, type MockServerOptions, startMockServer } from '@iodm-northbound/mock-server';
import { CampaignSimulator } from '@iodm-northbound/mock-server/simulation';
import { afterAll, beforeAll } from 'vitest';
import { SimulatorUpgradeApi } from '../src/api/simulator-api.js';
import type { UpgradeApi } from '../src/api/upgrade-api.js';
import type { CliIo } from '../src/io.js';
import { runCli } from '../src/main.js';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

type StreamName = 'stdout' | 'stderr';

/** The CLI's process, in memory (like gh's iostreams.Test()): captured output, an env, a Ctrl-C to press. */
export interface TestIo {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in what the CLI wrote to `stream` so far or later. */
  written(stream: StreamName, pattern: RegExp): Promise<RegExpExecArray>;
  /** What Ctrl-C does to the bin. */
  interrupt(): void;
}

export function testIo(env: Record<string, string> = {}): TestIo {
  const text: Record<StreamName, string> = { stdout: '', stderr: '' };
  const writes = new EventEmitter();
  const capture = (name: StreamName) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        text[name] += chunk.toString();
        writes.emit('write');
        done();
      },
    });
  const interruption = new AbortController();
  return {
    io: { stdout: capture('stdout'), stderr: capture('stderr'), env, interrupted: interruption.signal },
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    async written(stream, pattern) {
      for (;;) {
        const match = pattern.exec(text[stream]);
        if (match) return match;
        await once(writes, 'write');
      }
    },
    interrupt: () => interruption.abort(new Error('interrupted')),
  };
}

/** Runs the CLI in this process, as the bin would with this environment; `api` stands in for the platform. */
export async function runInProcess(args: readonly string[], options: { env?: Record<string, string>; api?: UpgradeApi } = {}): Promise<RunResult> {
  const streams = testIo(options.env);
  const code = await runCli(args, streams.io, options.api ? { api: options.api } : {});
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}

/**
 * The UpgradeApi over the mock-server's real campaign simulator, in this process (controllable;
 * `--mock` itself goes through HTTP). `precreate` creates that many 20-device tasks at start.
 */
export function simulatedApi({ speed = 1, seed = 1, precreate = 0 } = {}): SimulatorUpgradeApi {
  const simulator = new CampaignSimulator({ speed, seed });
  for (let n = 0; n < precreate; n++) {
    const type = n % 2 === 0 ? 'firmware_upgrade' : 'software_upgrade';
    simulator.createTask(type, { fileId: `fw-${n}`, targets: { devices: Array.from({ length: 20 }, (_, i) => `dev-${n}-${i}`) } });
  }
  return new SimulatorUpgradeApi(simulator);
}

/** Runs the built bin as a user would; a clean environment except what is given. */
export function runBin(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs); // hang guard only
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

interface TestApp {
  readonly appId: string;
  readonly secret: string;
}

/** An application the mock lets log in unless it is started with its own `apps`. */
const TEST_APP: TestApp = { appId: 'cli-test-app', secret: 'cli-test-secret' };

/** The CLI's connection environment for a platform at `url`, logging in as `app`. */
export function cliEnvFor(url: string, app: TestApp = TEST_APP): Record<string, string> {
  return { NORTHBOUND_BASE_URL: url, NORTHBOUND_APP_ID: app.appId, NORTHBOUND_SECRET: app.secret };
}

/**
 * The real (Prism-based) mock on 127.0.0.1:0 for this file's tests, started with `options`; the
 * environment returned, filled in before they run, points the CLI at it as `app`.
 */
export function useRealMockEnv(options: MockServerOptions = {}, app: TestApp = TEST_APP): Record<string, string> {
  const env: Record<string, string> = {};
  let mock: MockServer | undefined;
  beforeAll(async () => {
    mock = await startMockServer(options);
    Object.assign(env, cliEnvFor(mock.url, app));
  });
  afterAll(async () => {
    await mock?.close();
  });
  return env;
}

