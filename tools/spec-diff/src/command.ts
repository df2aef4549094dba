// The command's logic: arguments in, report on stdout, reason on stderr, exit code out. cli.ts
// only calls it, so tests can run the same code in process.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SpecDiffInputError } from './errors.js';
import { runSpecDiff } from './gate.js';
import { exitCodes } from './verdict.js';

const usage = `Usage: npm run spec:diff -- --base <git ref> [--spec openapi/openapi.yaml]
       [--changelog openapi/CHANGELOG.md] [--output report.md]

Compares the OpenAPI spec at <git ref> with the working tree and prints a Markdown report.
Exit codes: 0 pass, 1 breaking change without a major info.version bump,
2 spec changed without its record: a new line under ## [Unreleased], or a higher info.version
with its dated changelog entry and an empty [Unreleased], 3 could not run (bad arguments, unknown
ref, invalid spec).`;

export interface CommandOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const optionSpec = {
  base: { type: 'string' },
  spec: { type: 'string' },
  changelog: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseOptions(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: optionSpec, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new SpecDiffInputError('USAGE', `${(error as Error).message}\n\n${usage}`);
  }
}

async function main(argv: string[], cwd: string, output: CommandOutput): Promise<number> {
  const values = parseOptions(argv);
  if (values.help) {
    output.stdout(`${usage}\n`);
    return exitCodes.pass;
  }
  if (values.base === undefined || values.base.trim() === '')
    throw new SpecDiffInputError('USAGE', `--base <git ref> is required.\n\n${usage}`);
  const result = await runSpecDiff({
    cwd,
    base: values.base,
    ...(values.spec === undefined ? {} : { specPath: values.spec }),
    ...(values.changelog === undefined ? {} : { changelogPath: values.changelog }),
  });
  output.stdout(`${result.markdown}\n`);
  if (values.output !== undefined) await writeFile(resolve(invocationDirectory(cwd), values.output), `${result.markdown}\n`);
  return result.exitCode;
}

/** `npm run spec:diff` runs from the root; a relative --output is relative to where the user typed it. */
function invocationDirectory(cwd: string): string {
  const viaNpmScript = process.env.npm_lifecycle_event === 'spec:diff' && process.env.INIT_CWD !== undefined;
  return viaNpmScript ? (process.env.INIT_CWD as string) : cwd;
}

/** Runs the command; never throws: a failure to run is exit 3 with its reason on stderr. */
export async function runCommand(argv: string[], cwd: string, output: CommandOutput): Promise<number> {
  try {
    return await main(argv, cwd, output);
  } catch (error) {
    if (error instanceof SpecDiffInputError) output.stderr(`spec:diff: ${error.message}\n`);
    else output.stderr(`spec:diff: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return exitCodes.couldNotRun;
  }
}
