import { Option } from 'commander';
import type { OperateType, TaskStatus } from '../api/upgrade-api.js';
import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import { TASK_COLUMNS } from '../output/columns.js';
import { openSink } from '../output/sink.js';
import { tableOutput } from '../output/table.js';
import { writeRecords, type Format } from '../output/write-records.js';
import type { CommandDefinition } from '../program/command-context.js';
import { choice } from '../program/parsers.js';
import { csvRawOption, formatOption, OPERATE_TYPES, outputOption, wideOption, TASK_STATUSES } from '../program/shared-options.js';

interface TasksFlags extends ConnectionFlags {
  status?: TaskStatus;
  type?: OperateType;
  deviceId?: string;
  format: Format;
  output?: string;
  csvRaw?: boolean;
  wide?: boolean;
}

export const tasksCommand: CommandDefinition = (program, context) => {
  const command = program
    .command('tasks')
    .description('list upgrade tasks with their counts per status')
    .addOption(new Option('--status <status>', `only tasks in this status: ${TASK_STATUSES.join(', ')}`).argParser(choice(TASK_STATUSES, { fail: "tasks spell it 'failed'" })))
    .addOption(new Option('--type <type>', `only tasks of this type: ${OPERATE_TYPES.join(', ')}`).argParser(choice(OPERATE_TYPES)))
    .option('--device-id <deviceId>', 'only tasks that upgrade this device')
    .addOption(formatOption())
    .addOption(outputOption())
    .addOption(csvRawOption())
    .addOption(wideOption());
  addConnectionOptions(command).action(async (flags: TasksFlags) => {
    const code = await context.withApi(flags, async (api) => {
      const sink = await openSink(context.raw.stdout, flags.output);
      await writeRecords(api.listTasks({ status: flags.status, type: flags.type, deviceId: flags.deviceId }, context.io.interrupted), TASK_COLUMNS, flags.format, sink.stream, { csvRaw: flags.csvRaw === true, table: tableOutput(context.raw.stdout, context.io.env, flags) });
      await sink.finish();
      return 0;
    });
    context.setExitCode(code);
  });
};
