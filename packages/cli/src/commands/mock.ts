import { Option } from 'commander';
import { NotWiredError } from '../errors.js';
import type { CommandDefinition } from '../program/command-context.js';
import { integerIn, positiveNumber } from '../program/parsers.js';

interface MockFlags {
  port: number;
  speed: number;
  seed: number;
}

export const mockCommand: CommandDefinition = (program) => {
  program
    .command('mock')
    .description('serve the campaign simulator on loopback (127.0.0.1)')
    .addOption(new Option('--port <port>', 'TCP port; 0 picks a free one').argParser(integerIn(0, 65_535)).default(4010))
    .addOption(new Option('--speed <n>', 'simulated seconds per real second').argParser(positiveNumber).default(1))
    .addOption(new Option('--seed <n>', 'the same seed gives the same rollout').argParser(integerIn(0, 4_294_967_295)).default(1))
    .action(async (_flags: MockFlags) => {
      // Arguments are checked; serving waits for startMockServer({ simulation }) (the lead's wiring).
      throw new NotWiredError('mock is not wired yet: it needs startMockServer({ simulation: { speed, seed } })');
    });
};
