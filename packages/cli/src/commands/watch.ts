import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import { EXIT } from '../errors.js';
import { canDrawProgress } from '../io.js';
import type { CommandDefinition } from '../program/command-context.js';
import { duration } from '../program/parsers.js';
import { renderFailureSummary, summarizeFailures } from '../watch/failure-summary.js';
import { barRenderer, plainRenderer } from '../watch/progress-renderer.js';
import { watchTask } from '../watch/watch-task.js';

interface WatchFlags extends ConnectionFlags {
  interval: number;
}

export const watchCommand: CommandDefinition = (program, context) => {
  const command = program
    .command('watch')
    .description('follow a task until it ends (progress on stderr), then print the failures grouped by cause; exit 0 only if every subtask succeeded')
    .argument('<operationId>', 'the task')
    .option('--interval <duration>', 'time between polls (e.g. 5s, 500ms, 1m)', duration, 5000);
  addConnectionOptions(command).action(async (operationId: string, flags: WatchFlags) => {
    const code = await context.withApi(flags, async (api) => {
      const { io } = context;
      // The bar draws with its own control sequences (raw stderr); its text is made inert where it is built.
      const renderer = canDrawProgress(io) ? barRenderer(context.raw.stderr) : plainRenderer(io.stderr);
      let task: Awaited<ReturnType<typeof watchTask>>;
      try {
        task = await watchTask(api, operationId, { intervalMs: flags.interval, renderer, signal: io.interrupted });
      } finally {
        renderer.stop();
      }
      const groups = await summarizeFailures(api, operationId, io.interrupted);
      io.stdout.write(renderFailureSummary(operationId, groups));
      const allSucceeded = task.status === 'success' && task.staResult.success === task.staResult.total;
      return allSucceeded ? EXIT.ok : EXIT.failed;
    });
    context.setExitCode(code);
  });
};
