import type { Command } from 'commander';
import type { UpgradeApi } from '../api/upgrade-api.js';
import type { ConnectionFlags } from '../connection/connection-options.js';
import type { CliIo } from '../io.js';

export interface CommandContext {
  readonly io: CliIo;
  /** Opens the API for these flags, runs `work`, closes the API; returns work's exit code. */
  withApi(flags: ConnectionFlags, work: (api: UpgradeApi) => Promise<number>): Promise<number>;
  /** Records the exit code of the command that ran. */
  setExitCode(code: number): void;
}

/** One command of the CLI: adds itself to the program. */
export type CommandDefinition = (program: Command, context: CommandContext) => void;
