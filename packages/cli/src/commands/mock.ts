import { InvalidArgumentError, Option } from 'commander';
import { EXIT } from '../errors.js';
import type { CommandDefinition } from '../program/command-context.js';
import { integerIn, positiveNumber } from '../program/parsers.js';

interface MockApp {
  appId: string;
  secret: string;
}

interface MockFlags {
  port: number;
  speed: number;
  seed: number;
  app?: MockApp[];
}

/** `--app <appId>:<secret>`, repeatable: the appId is everything before the first colon. */
function collectApp(value: string, previous: MockApp[] = []): MockApp[] {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) throw new InvalidArgumentError('expected <appId>:<secret>.');
  return [...previous, { appId: value.slice(0, colon), secret: value.slice(colon + 1) }];
}

export const mockCommand: CommandDefinition = (program, { io, setExitCode }) => {
  program
    .command('mock')
    .description('serve the campaign simulator on loopback (127.0.0.1) until Ctrl-C')
    .addOption(new Option('--port <port>', 'TCP port; 0 picks a free one').argParser(integerIn(0, 65_535)).default(4010))
    .addOption(new Option('--speed <n>', 'simulated seconds per real second').argParser(positiveNumber).default(1))
    .addOption(new Option('--seed <n>', 'the same seed gives the same rollout').argParser(integerIn(0, 4_294_967_295)).default(1))
    .addOption(
      new Option('--app <appId:secret>', 'only this application logs in (repeatable); another appId or a wrong secret gets 400/100208').argParser(collectApp),
    )
    .action(async (flags: MockFlags) => {
      // Loaded here: the mock (Prism) is heavy, and only this command and --mock need it.
      const { startMockServer } = await import('@iodm-northbound/mock-server');
      const server = await startMockServer({
        port: flags.port,
        host: '127.0.0.1',
        simulation: { speed: flags.speed, seed: flags.seed },
        ...(flags.app && { apps: flags.app }),
      });
      // The URL is the command's data (a script reads it); the rest is for people.
      io.stdout.write(`${server.url}\n`);
      io.stderr.write(
        `iodm-northbound: mock listening on ${server.url} (speed ${flags.speed}, seed ${flags.seed}); ` +
          `create tasks or query campaign-<N>; Ctrl-C stops it\n`,
      );
      await new Promise<void>((resolve) => {
        if (io.interrupted.aborted) resolve();
        else io.interrupted.addEventListener('abort', () => resolve(), { once: true });
      });
      await server.close();
      io.stderr.write('iodm-northbound: mock stopped\n');
      setExitCode(EXIT.interrupted);
    });
};
