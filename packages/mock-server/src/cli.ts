#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { MockServerError, MockServerOptionsError } from './errors.js';
import { isLoopbackHost } from './loopback.js';
import { startMockServer } from './server.js';
import { parseThrottleOption } from './traffic/throttle.js'; // [traffic hook]
import type { MockLogger } from './types.js';

const USAGE = `Usage: iodm-northbound-mock [--port <n>] [--host <address>] [--dynamic] [--proxy <upstream-url>] [--throttle <limit>/<window>] [--speed <n>] [--seed <n>] [--quiet]

  --port <n>         TCP port (default 4010; 0 picks a free one)
  --host <address>   address to bind (default 127.0.0.1; a non-loopback address exposes the mock)
  --dynamic          generate bodies from the schemas instead of serving the spec's examples
  --proxy <url>      validation proxy: forward to <url> and report every contract violation
  --upstream-timeout-ms <ms>  proxy mode: time limit of an upstream answer (default 30000; then 504)
  --throttle <l>/<w> flow control per app_key, e.g. 100/60s (the platform's default) or 300/10s
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

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  dynamic: { type: 'boolean', default: false },
  proxy: { type: 'string' },
  'upstream-timeout-ms': { type: 'string' },
  throttle: { type: 'string' },
  speed: { type: 'string' },
  seed: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>>['values'];
  try {
    args = parseArgs({ options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const logger: MockLogger = {
    info: (message) => {
      if (!args.quiet) process.stdout.write(`${message}\n`);
    },
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    error: (message) => process.stderr.write(`error: ${message}\n`),
  };

  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer({
      port: parsePort(args.port),
      ...(args.host !== undefined && { host: args.host }),
      dynamic: args.dynamic,
      ...(args.proxy !== undefined && { proxy: args.proxy }),
      ...(args['upstream-timeout-ms'] !== undefined && { upstreamTimeoutMs: parseMilliseconds(args['upstream-timeout-ms']) }),
      ...(args.throttle !== undefined && { throttle: parseThrottleOption(args.throttle) }), // [traffic hook]
      simulation: {
        ...(args.speed !== undefined && { speed: parseNumber('simulation.speed', args.speed) }),
        ...(args.seed !== undefined && { seed: parseNumber('simulation.seed', args.seed) }),
      },
      logger,
    });
  } catch (error) {
    if (error instanceof MockServerError) {
      process.stderr.write(`${error.message}\n`);
      return error instanceof MockServerOptionsError ? 2 : 1;
    }
    throw error;
  }

  const mode = args.proxy ? `validation proxy to ${args.proxy}` : args.dynamic ? 'dynamic bodies' : "the spec's examples";
  // Tests and scripts read this line to find the port.
  process.stdout.write(`Mock server listening on ${server.url} (${mode})\n`);
  if (args.host !== undefined && !isLoopbackHost(args.host)) {
    process.stderr.write(`warning: bound to ${args.host}: the mock is reachable from other machines\n`);
  }

  return new Promise<number>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      process.stdout.write(`${signal}: shutting down\n`);
      server.close().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`error while closing: ${String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
