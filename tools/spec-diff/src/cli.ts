// `npm run spec:diff -- --base <git ref>`: prints the Markdown report, exits with the verdict.
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
2 spec changed without a version bump or changelog entry, 3 could not run (bad arguments, unknown ref, invalid spec).`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        spec: { type: 'string' },
        changelog: { type: 'string' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SpecDiffInputError('USAGE', `${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return exitCodes.pass;
  }
  if (values.base === undefined || values.base.trim() === '')
    throw new SpecDiffInputError('USAGE', `--base <git ref> is required.\n\n${usage}`);
  const result = await runSpecDiff({
    cwd: process.cwd(),
    base: values.base,
    ...(values.spec === undefined ? {} : { specPath: values.spec }),
    ...(values.changelog === undefined ? {} : { changelogPath: values.changelog }),
  });
  process.stdout.write(`${result.markdown}\n`);
  if (values.output !== undefined) await writeFile(resolve(invocationDirectory(), values.output), `${result.markdown}\n`);
  return result.exitCode;
}

/** `npm run spec:diff` runs from the root; a relative --output is relative to where the user typed it. */
function invocationDirectory(): string {
  const viaNpmScript = process.env.npm_lifecycle_event === 'spec:diff' && process.env.INIT_CWD !== undefined;
  return viaNpmScript ? (process.env.INIT_CWD as string) : process.cwd();
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof SpecDiffInputError) {
    process.stderr.write(`spec:diff: ${error.message}\n`);
    process.exitCode = exitCodes.couldNotRun;
  } else {
    process.stderr.write(`spec:diff: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = exitCodes.couldNotRun;
  }
}
