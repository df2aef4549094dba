import Table from 'cli-table3';
import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import type { TaskInfo } from '../api/upgrade-api.js';
import { inert, inertJson } from '../output/inert.js';
import type { CommandDefinition } from '../program/command-context.js';
import { formatOption } from '../program/shared-options.js';
import { specArgument } from '../program/spec-options.js';

interface TaskFlags extends ConnectionFlags {
  format: 'table' | 'json';
}

export const taskCommand: CommandDefinition = (program, context) => {
  const command = program
    .command('task')
    .description('show one upgrade task: status, times, counts per status')
    .addArgument(specArgument('operationId', 'the task, as returned when it was created', 'queryUpgradeTask'))
    .addOption(formatOption(['table', 'json']));
  addConnectionOptions(command).action(async (operationId: string, flags: TaskFlags) => {
    const code = await context.withApi(flags, async (api) => {
      const task = await api.getTask(operationId, context.io.interrupted);
      context.io.stdout.write(flags.format === 'json' ? `${inertJson(task, 2)}\n` : `${renderTask(task)}\n`);
      return 0;
    });
    context.setExitCode(code);
  });
};

function renderTask(task: TaskInfo): string {
  const table = new Table({ style: { head: [], border: [], compact: true } });
  const counts = task.staResult;
  const rows: [string, string | undefined][] = [
    ['operationId', task.operationId],
    ['operateType', task.operateType],
    ['status', task.status],
    ['createTime', task.createTime],
    ['startTime', task.startTime],
    ['stopTime', task.stopTime],
    ['subtasks', `${counts.total}: success ${counts.success}, fail ${counts.fail} (timeout ${counts.timeout}), stop ${counts.stop}, processing ${counts.processing}, wait ${counts.wait}`],
  ];
  for (const [name, value] of rows) if (value !== undefined) table.push({ [name]: inert(value) });
  return table.toString();
}
