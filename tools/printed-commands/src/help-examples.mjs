// The examples the operator CLI prints under "Examples:" in its --help and each command's, read
// from the built bin as a reader sees them. A command whose description says it serves "until
// Ctrl-C" serves.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './run-printed.mjs';

const run = promisify(execFile);
const CLI_BIN = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

async function help(...command) {
  const { stdout } = await run(process.execPath, [CLI_BIN, ...command, '--help'], { env: { ...process.env, NO_COLOR: '1', COLUMNS: '200' } });
  return stdout;
}

/** @returns {Promise<Array<{ where: string, text: string, serves: boolean }>>} */
export async function helpExamples() {
  const programHelp = await help();
  const commandsSection = programHelp.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  const commands = [...commandsSection.matchAll(/^ {2}([a-z][\w-]*)\b/gm)].map(([, name]) => name).filter((name) => name !== 'help');
  const helps = [['', programHelp], ...(await Promise.all(commands.map(async (name) => [name, await help(name)])))];
  return helps.flatMap(([name, text]) => {
    const examples = text.split(/^Examples:$/m)[1]?.split(/^\S/m)[0] ?? '';
    const serves = /until Ctrl-C/.test(text.split(/^Options:$/m)[0]);
    return [...examples.matchAll(/^ {2}\$ (.+)$/gm)].map(([, example]) => ({ where: `iodm-northbound ${name ? `${name} ` : ''}--help`, text: example.trim(), serves }));
  });
}
