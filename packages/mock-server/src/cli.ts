#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { MockServerError, MockServerOptionsError } from './errors.js';
import { isLoopbackHost } from './loopback.js';
import { startMockServer } from './server.js';
import { parseThrottleOption } from './traffic/throttle.js'; // [traffic hook]
import type { MockApp, MockLogger } from './types.js';

const USAGE = `Usage: iodm-northbound-mock [--port <n>] [--host <address>] [--dynamic] [--proxy <upstream-url>] [--throttle <limit>/<window>] [--app <appId>:<secret>]... [--speed <n>] [--seed <n>] [--quiet]

  --port <n>         TCP port (default 4010; 0 picks a free one)
  --host <address>   address to bind (default 127.0.0.1; a non-loopback address exposes the mock)
  --dynamic          generate bodies from the schemas instead of serving the spec's examples
  --proxy <url>      validation proxy: forward to <url> and report every contract violation
  --upstream-timeout-ms <ms>  proxy mode: time limit of an upstream answer (default 30000; then 504)
  --throttle <l>/<w> flow control per app_key, e.g. 100/60s (the platform's default) or 300/10s
  --app <id>:<secret>  only this application logs in (repeatable); any other appId or a wrong
                     secret is refused with 400/100208 (inferred). Without --app any secret logs in
  --frozen-app <id>:<secret>  an application whose logins are refused with 400/100247 (frozen)
  --speed <n>        simulated campaigns: simulated seconds per real second (default 1)
  --seed <n>         simulated campaigns: the same seed gives the same rollout (default 1)
  --quiet            log violations and errors only, not every request
  --help             show this help`;

const DEFAULT_PORT = 4010;

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value)) throw new MockServerOptionsError('port', `must be an integer from 0 to 65535, got "${value}"`);
  return Number.parseInt(value, 10);
}

function parseMilliseconds(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new MockServerOptionsError('upstreamTimeoutMs', `must be a whole number of milliseconds, got "${value}"`);
  return Number(value);
}

/** A number as written (the simulator checks its range and says which option is wrong). */
function parseNumber(option: string, value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new MockServerOptionsError(option, `must be a number, got "${value}"`);
  return Number(value);
}

/** `--app <appId>:<secret>`: the appId is everything before the first colon. */
function parseApp(option: string, value: string, frozen: boolean): MockApp {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) throw new MockServerOptionsError(option, `must be <appId>:<secret>, got "${value.replace(/:.*/s, ':…')}"`);
  return { appId: value.slice(0, colon), secret: value.slice(colon + 1), ...(frozen && { frozen }) };
}

/** The registered applications of --app and --frozen-app, or undefined when neither was given. */
function parseApps(apps: readonly string[] | undefined, frozen: readonly string[] | undefined): MockApp[] | undefined {
  const all = [...(apps ?? []).map((value) => parseApp('app', value, false)), ...(frozen ?? []).map((value) => parseApp('frozen-app', value, true))];
  return all.length > 0 ? all : undefined;
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  dynamic: { type: 'boolean', default: false },
  proxy: { type: 'string' },
  'upstream-timeout-ms': { type: 'string' },
  throttle: { type: 'string' },
  app: { type: 'string', multiple: true },
  'frozen-app': { type: 'string', multiple: true },
  speed: { type: 'string' },
  seed: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** Where the CLI writes: the process's streams in the bin, collecting ones in tests. */
export interface MockCliOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * The whole CLI, in-process: reads `argv` (without node and the script), starts the mock and
 * serves until `stop` aborts (its reason, e.g. "SIGTERM", is printed), then closes it. Resolves
 * to the exit code.
 */
export async function runMockCli(argv: readonly string[], output: MockCliOutput, stop: AbortSignal): Promise<number> {
  const { stdout, stderr } = output;
  let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>>['values'];
  try {
    args = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }

  const logger: MockLogger = {
    info: (message) => {
      if (!args.quiet) stdout.write(`${message}\n`);
    },
    warn: (message) => stderr.write(`warning: ${message}\n`),
    error: (message) => stderr.write(`error: ${message}\n`),
  };

  let server: Awaited<ReturnType<typeof startMockServer>>;
  let apps: ReturnType<typeof parseApps>;
  try {
    apps = parseApps(args.app, args['frozen-app']);
    server = await startMockServer({
      port: parsePort(args.port),
      ...(args.host !== undefined && { host: args.host }),
      dynamic: args.dynamic,
      ...(args.proxy !== undefined && { proxy: args.proxy }),
      ...(args['upstream-timeout-ms'] !== undefined && { upstreamTimeoutMs: parseMilliseconds(args['upstream-timeout-ms']) }),
      ...(args.throttle !== undefined && { throttle: parseThrottleOption(args.throttle) }), // [traffic hook]
      ...(apps !== undefined && { apps }),
      simulation: {
        ...(args.speed !== undefined && { speed: parseNumber('simulation.speed', args.speed) }),
        ...(args.seed !== undefined && { seed: parseNumber('simulation.seed', args.seed) }),
      },
      logger,
    });
  } catch (error) {
    if (error instanceof MockServerError) {
      stderr.write(`${error.message}\n`);
      return error instanceof MockServerOptionsError ? 2 : 1;
    }
    throw error;
  }

  const mode = args.proxy ? `validation proxy to ${args.proxy}` : args.dynamic ? 'dynamic bodies' : "the spec's examples";
  // Which applications log in, never their secrets.
  const loggingIn = apps ? `; only ${apps.map(({ appId }) => appId).join(', ')} log in` : '';
  // Tests and scripts read this line to find the port.
  stdout.write(`Mock server listening on ${server.url} (${mode}${loggingIn})\n`);
  if (args.host !== undefined && !isLoopbackHost(args.host)) {
    stderr.write(`warning: bound to ${args.host}: the mock is reachable from other machines\n`);
  }

  if (!stop.aborted) await new Promise((resolve) => stop.addEventListener('abort', resolve, { once: true }));
  stdout.write(`${String(stop.reason)}: shutting down\n`);
  try {
    await server.close();
    return 0;
  } catch (error) {
    stderr.write(`error while closing: ${String(error)}\n`);
    return 1;
  }
}

/** The bin: the process's streams, stopped by SIGINT or SIGTERM. */
function main(): Promise<number> {
  const stop = new AbortController();
  const shutdown = (signal: NodeJS.Signals) => stop.abort(signal);
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return runMockCli(process.argv.slice(2), process, stop.signal).finally(() => {
    process.off('SIGINT', shutdown);
    process.off('SIGTERM', shutdown);
  });
}

/** Whether node was started on this file (following the npm bin symlink), not a test importing it. */
function isBinEntry(): boolean {
  const invokedPath = process.argv[1];
  if (invokedPath === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(invokedPath)).href;
  } catch {
    return false;
  }
}

if (isBinEntry()) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
