// Runs the CLI on arguments and returns the exit code; the bin only wires the process to it.
import { CommanderError } from 'commander';
import type { UpgradeApi } from './api/upgrade-api.js';
import { openApi } from './connection/open-api.js';
import { describeError, EXIT, exitCodeFor } from './errors.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program/build-program.js';
import type { CommandContext } from './program/command-context.js';
import { rejectSecretFlags } from './program/secret-flag-guard.js';

export const VERSION = '0.1.0';

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

export async function runCli(argv: readonly string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  let exitCode: number = EXIT.ok;
  const context: CommandContext = {
    io,
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
