import { Option } from 'commander';
import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import { EXIT } from '../errors.js';
import { canDrawProgress } from '../io.js';
import { colourEnabled } from '../output/colour.js';
import type { CommandDefinition } from '../program/command-context.js';
import { duration } from '../program/parsers.js';
import { pageSizeOption, specArgument } from '../program/spec-options.js';
import { renderFailureSummary, summarizeFailures } from '../watch/failure-summary.js';
import { barRenderer, plainRenderer } from '../watch/progress-renderer.js';
import { watchTask } from '../watch/watch-task.js';

interface WatchFlags extends ConnectionFlags {
  interval: number;
  timeout?: number;
  pageSize: number;
}

export const watchCommand: CommandDefinition = (program, context) => {
  const command = program
    .command('watch')
    .description('follow a task until it ends (progress on stderr), then print the failures grouped by cause; exit 0 only if every subtask succeeded')
    .addArgument(specArgument('operationId', 'the task', ['queryUpgradeTask', 'queryUpgradeSubTask']))
    .addOption(new Option('--interval <duration>', 'time between polls, with a unit: 5s, 500ms, 1m').argParser(duration).default(5000, '5s'))
    .addOption(new Option('--timeout <duration>', `stop waiting after this long (e.g. 30m), exit ${EXIT.watchTimedOut}; the task goes on`).argParser(duration))
    // The walk of the failures once the task has ended.
    .addOption(pageSizeOption('queryUpgradeSubTask'));
  addConnectionOptions(command).action(async (operationId: string, flags: WatchFlags) => {
    const code = await context.withApi(flags, async (api) => {
      const { io } = context;
      // The bar draws with its own control sequences (raw stderr); its text is made inert where it is built.
      const renderer = canDrawProgress(io) ? barRenderer(context.raw.stderr, colourEnabled(context.raw.stderr, io.env)) : plainRenderer(io.stderr);
      let task: Awaited<ReturnType<typeof watchTask>>;
      try {
        task = await watchTask(api, operationId, { intervalMs: flags.interval, timeoutMs: flags.timeout, renderer, signal: io.interrupted });
      } finally {
        renderer.stop();
      }
      const groups = await summarizeFailures(api, operationId, io.interrupted, { pageSize: flags.pageSize });
      io.stdout.write(renderFailureSummary(operationId, groups));
      const allSucceeded = task.status === 'success' && task.staResult.success === task.staResult.total;
      return allSucceeded ? EXIT.ok : EXIT.failed;
    });
    context.setExitCode(code);
  });
};
