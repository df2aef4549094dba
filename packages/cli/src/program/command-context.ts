import type { Command } from 'commander';
import type { UpgradeApi } from '../api/upgrade-api.js';
import type { ConnectionFlags } from '../connection/connection-options.js';
import type { CliIo } from '../io.js';

export interface CommandContext {
  /** The CLI's streams, made inert: every platform or device value written through them is shown, not obeyed. */
  readonly io: CliIo;
  /**
   * The streams as given, only for bytes the CLI encodes itself: the machine formats (JSON escapes
   * every control character, CSV is guarded) and the progress bar's own control sequences.
   */
  readonly raw: Pick<CliIo, 'stdout' | 'stderr'>;
  /** Opens the API for these flags, runs `work`, closes the API; returns work's exit code. */
  withApi(flags: ConnectionFlags, work: (api: UpgradeApi) => Promise<number>): Promise<number>;
  /** Records the exit code of the command that ran. */
  setExitCode(code: number): void;
}

/** One command of the CLI: adds itself to the program. */
export type CommandDefinition = (program: Command, context: CommandContext) => void;
