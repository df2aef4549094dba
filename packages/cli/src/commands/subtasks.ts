import type { SubtaskStatus } from '../api/upgrade-api.js';
import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import { SUBTASK_COLUMNS } from '../output/columns.js';
import { openSink } from '../output/sink.js';
import { tableOutput } from '../output/table.js';
import { writeRecords, type Format } from '../output/write-records.js';
import type { CommandDefinition } from '../program/command-context.js';
import { csvRawOption, formatOption, outputOption, wideOption } from '../program/shared-options.js';
import { addSpecFilters, pageSizeOption, specArgument, specOption } from '../program/spec-options.js';

interface SubtasksFlags extends ConnectionFlags {
  status?: SubtaskStatus;
  pageSize: number;
  format: Format;
  output?: string;
  csvRaw?: boolean;
  wide?: boolean;
}

const OPERATION = 'queryUpgradeSubTask';

export const subtasksCommand: CommandDefinition = (program, context) => {
  const command = program
    .command('subtasks')
    .description('list the subtasks of an upgrade task (one per device), streamed page by page')
    .addArgument(specArgument('operationId', 'the task', 'queryUpgradeSubTask'))
    // `--status` is the friendly name of subOperationStatus, as the client's `status`.
    .addOption(specOption('--status <status>', 'only subtasks in this status', OPERATION, 'subOperationStatus'))
    .addOption(pageSizeOption(OPERATION))
    .addOption(formatOption())
    .addOption(outputOption())
    .addOption(csvRawOption())
    .addOption(wideOption());
  // Last, so that a parameter whose flag another option has is seen to be taken.
  const filtersOf = addSpecFilters(addConnectionOptions(command), OPERATION, ['subOperationStatus']);
  command.action(async (operationId: string, flags: SubtasksFlags) => {
    const code = await context.withApi(flags, async (api) => {
      const sink = await openSink(context.raw.stdout, flags.output);
      const count = await writeRecords(api.listSubTasks(operationId, { status: flags.status, pageSize: flags.pageSize, filters: filtersOf(flags) }, context.io.interrupted), SUBTASK_COLUMNS, flags.format, sink.stream, { csvRaw: flags.csvRaw === true, table: tableOutput(context.raw.stdout, context.io.env, flags) });
      await sink.finish();
      if (flags.output !== undefined) context.io.stderr.write(`iodm-northbound: wrote ${count} subtask(s) to ${flags.output}\n`);
      return 0;
    });
    context.setExitCode(code);
  });
};
