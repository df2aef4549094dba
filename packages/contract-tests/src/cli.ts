#!/usr/bin/env node
// Runs the contract suite with vitest, against the mock (default) or the server given by
// --base-url / NORTHBOUND_BASE_URL. The secret is read from NORTHBOUND_SECRET only, never from
// the command line, where other users of the machine could read it.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { preflight } from './preflight.js';
import { CONTRACT_ENV, MOCK_PAGED_TASK_ID, SUITE_PAGE_SIZE, TARGET_CHECKED } from './target.js';

const USAGE = `Usage: iodm-northbound-contract-tests [--base-url <url>] [--app-id <id>] [--task-id <operationId>] [--without-scenarios] [--allow-writes]

Without --base-url the suite starts the mock on a free loopback port and runs against it.

  --base-url <url>       verify this server instead (env ${CONTRACT_ENV.baseUrl})
  --app-id <id>          the application to log in as (env ${CONTRACT_ENV.appId}); its secret comes from ${CONTRACT_ENV.secret}
  --task-id <id>         an upgrade task with more than ${SUITE_PAGE_SIZE} subtasks, for the paging checks (env ${CONTRACT_ENV.pagedTaskId};
                         default ${MOCK_PAGED_TASK_ID}, the mock's); checked before the run, exit 2 when it cannot page
  --without-scenarios    the server does not honour "Prefer: example=..." (env ${CONTRACT_ENV.scenarios}=off)
  --allow-writes         also create upgrade tasks and delete a package on the server (env ${CONTRACT_ENV.allowWrites}=1);
                         without it, those tests are skipped against a provider and the run says so
  --help                 show this help`;

const OPTIONS = {
  'base-url': { type: 'string' },
  'app-id': { type: 'string' },
  'task-id': { type: 'string' },
  'without-scenarios': { type: 'boolean', default: false },
  'allow-writes': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** The parsed flags, or undefined after printing the usage for bad ones. */
function parseFlags() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return undefined;
  }
}

async function main(): Promise<number> {
  const values = parseFlags();
  if (values === undefined) return 2;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The global setup runs in this process and reads the target from the environment.
  if (values['base-url'] !== undefined) process.env[CONTRACT_ENV.baseUrl] = values['base-url'];
  if (values['app-id'] !== undefined) process.env[CONTRACT_ENV.appId] = values['app-id'];
  if (values['task-id'] !== undefined) process.env[CONTRACT_ENV.pagedTaskId] = values['task-id'];
  if (values['without-scenarios']) process.env[CONTRACT_ENV.scenarios] = 'off';
  if (values['allow-writes']) process.env[CONTRACT_ENV.allowWrites] = '1';
  const stopWith = await preflight(process.env, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
  if (stopWith !== undefined) return stopWith;
  (globalThis as Record<symbol, unknown>)[TARGET_CHECKED] = true;

  const packageRoot = fileURLToPath(new URL('..', import.meta.url));
  // Loaded only now: vitest's node API takes seconds to import, and a bad flag, an empty
  // variable or an unreachable provider should answer at once.
  const { startVitest } = await import('vitest/node');
  const vitest = await startVitest('test', [], {
    root: packageRoot,
    config: false,
    watch: false,
    include: ['dist/run/contract.suite.js'],
    // vitest's default exclude has **/node_modules/**, which is where an installed copy lives.
    exclude: [],
    globalSetup: [fileURLToPath(new URL('./global-setup.js', import.meta.url))],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  });
  if (vitest.state.getFiles().length === 0) {
    process.stderr.write(`The suite was not found under ${packageRoot}dist/run: is the package built?\n`);
    return 1;
  }
  return process.exitCode === 1 || vitest.state.getCountOfFailedTests() > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
