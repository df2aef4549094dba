import type { OperateType, TaskStatus } from '../api/upgrade-api.js';
import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import { TASK_COLUMNS } from '../output/columns.js';
import { openSink } from '../output/sink.js';
import { tableOutput } from '../output/table.js';
import { writeRecords, type Format } from '../output/write-records.js';
import type { CommandDefinition } from '../program/command-context.js';
import { csvRawOption, formatOption, outputOption, wideOption } from '../program/shared-options.js';
import { addSpecFilters, pageSizeOption, specOption } from '../program/spec-options.js';

interface TasksFlags extends ConnectionFlags {
  status?: TaskStatus;
  type?: OperateType;
  deviceId?: string;
  pageSize: number;
  format: Format;
  output?: string;
  csvRaw?: boolean;
  wide?: boolean;
}

const OPERATION = 'queryUpgradeTaskList';

export const tasksCommand: CommandDefinition = (program, context) => {
  const command = program
    .command('tasks')
    .description('list upgrade tasks with their counts per status')
    // --status and --type are the friendly names of operationStatus and operationType.
    .addOption(specOption('--status <status>', 'only tasks in this status', OPERATION, 'operationStatus'))
    .addOption(specOption('--type <type>', 'only tasks of this type', OPERATION, 'operationType'))
    .addOption(specOption('--device-id <deviceId>', 'only tasks that upgrade this device', OPERATION, 'deviceId'))
    .addOption(pageSizeOption(OPERATION))
    .addOption(formatOption())
    .addOption(outputOption())
    .addOption(csvRawOption())
    .addOption(wideOption());
  // Last, so that a parameter whose flag another option has is seen to be taken.
  const filtersOf = addSpecFilters(addConnectionOptions(command), OPERATION, ['operationStatus', 'operationType', 'deviceId']);
  command.action(async (flags: TasksFlags) => {
    const code = await context.withApi(flags, async (api) => {
      const sink = await openSink(context.raw.stdout, flags.output);
      await writeRecords(api.listTasks({ status: flags.status, type: flags.type, deviceId: flags.deviceId, pageSize: flags.pageSize, filters: filtersOf(flags) }, context.io.interrupted), TASK_COLUMNS, flags.format, sink.stream, { csvRaw: flags.csvRaw === true, table: tableOutput(context.raw.stdout, context.io.env, flags) });
      await sink.finish();
      return 0;
    });
    context.setExitCode(code);
  });
};
