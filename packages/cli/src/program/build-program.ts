// The commander program: one row per command. Commander's own messages (unknown command,
// missing argument, bad option value) come out as one line on stderr, and exit 2.
import { Command } from 'commander';
import { createCommand } from '../commands/create.js';
import { mockCommand } from '../commands/mock.js';
import { packagesCommand } from '../commands/packages.js';
import { subtasksCommand } from '../commands/subtasks.js';
import { taskCommand } from '../commands/task.js';
import { tasksCommand } from '../commands/tasks.js';
import { watchCommand } from '../commands/watch.js';
import type { CommandContext, CommandDefinition } from './command-context.js';
import { examplesHelp, exitCodesHelp } from './help-text.js';

const COMMANDS: readonly CommandDefinition[] = [tasksCommand, taskCommand, subtasksCommand, watchCommand, createCommand, packagesCommand, mockCommand];

export function buildProgram(context: CommandContext, version: string): Command {
  const program = new Command('iodm-northbound')
    .description('Operate OceanConnect device upgrade tasks: list, watch, export subtasks.\nConnection: --base-url or NORTHBOUND_BASE_URL, NORTHBOUND_APP_ID, secret from NORTHBOUND_SECRET or --secret-file.')
    .version(version)
    .exitOverride()
    // A command's options belong to it: `packages --format csv` lists, `packages show <id> --format json` shows.
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
      outputError: (text, write) => write(`iodm-northbound: ${withoutOptionValue(text.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim())}\n`),
    });
  for (const define of COMMANDS) define(program, context);
  for (const command of [program, ...program.commands]) {
    const examples = examplesHelp(command === program ? '' : command.name());
    if (examples !== undefined) command.addHelpText('after', examples);
  }
  program.addHelpText('afterAll', exitCodesHelp()); // every command's help ends with them
  return program;
}

/** An unknown option is named without the value it was given (`--token=S3CRET` → `--token`, `-tS3CRET` → `-t`). */
function withoutOptionValue(message: string): string {
  return message.replace(/unknown option '([^']*)'/, (_whole, flag: string) => `unknown option '${flag.startsWith('--') ? flag.split('=')[0] : flag.slice(0, 2)}'`);
}
