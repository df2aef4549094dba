// Runs the CLI on arguments and returns the exit code; the bin only wires the process to it.
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import type { UpgradeApi } from './api/upgrade-api.js';
import { openApi } from './connection/open-api.js';
import { describeError, EXIT, exitCodeFor } from './errors.js';
import type { CliIo } from './io.js';
import { inertStream } from './output/inert.js';
import { buildProgram } from './program/build-program.js';
import type { CommandContext } from './program/command-context.js';
import { rejectSecretFlags } from './program/secret-flag-guard.js';

// The package's own package.json: ../ of both src/main.ts and dist/main.js.
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Commander exit codes that are not usage errors. */
const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.version']);

/** What a caller of runCli may hand in instead of the CLI's own wiring. */
export interface CliOptions {
  /**
   * The platform every command runs against, in place of the one the connection flags name (the
   * CLI's tests inject a simulated platform this way). The caller owns it: runCli does not close it.
   */
  readonly api?: UpgradeApi;
}

export async function runCli(argv: readonly string[], given: CliIo, options: CliOptions = {}): Promise<number> {
  const io: CliIo = { ...given, stdout: inertStream(given.stdout), stderr: inertStream(given.stderr) };
  try {
    return await run(argv, io, given, options);
  } finally {
    // Everything written reaches the given streams before the exit code does (ends only the wrappers).
    await Promise.all([io.stdout, io.stderr].map((stream) => new Promise<void>((resolve) => stream.end(() => resolve()))));
  }
}

async function run(argv: readonly string[], io: CliIo, given: CliIo, options: CliOptions): Promise<number> {
  let exitCode: number = EXIT.ok;
  const context: CommandContext = {
    io,
    raw: { stdout: given.stdout, stderr: given.stderr },
    setExitCode: (code) => {
      exitCode = code;
    },
    async withApi(flags, work) {
      if (options.api) return work(options.api);
      const api: UpgradeApi = await openApi(flags, io);
      try {
        return await work(api);
      } finally {
        await api.close?.();
      }
    },
  };
  try {
    rejectSecretFlags(argv);
    await buildProgram(context, VERSION).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return COMMANDER_OK.has(error.code) ? EXIT.ok : EXIT.usage;
    if (io.interrupted.aborted) {
      io.stderr.write('iodm-northbound: interrupted\n');
      return EXIT.interrupted;
    }
    io.stderr.write(`iodm-northbound: ${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}
