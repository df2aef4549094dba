// The examples the operator CLI prints under "Examples:" in its --help and each command's, read
// from its help text as a reader sees it (runCli in process: the bin adds nothing to --help). A command whose description says it serves "until
// Ctrl-C" serves.
import { Writable } from 'node:stream';
import { runCli } from '@iodm-northbound/cli';

/** A command's --help, as the bin prints it (the CLI in this process, its streams captured). */
async function help(...command) {
  let stdout = '';
  const capture = new Writable({
    write(chunk, _encoding, done) {
      stdout += chunk;
      done();
    },
  });
  const io = { stdout: capture, stderr: new Writable({ write: (_chunk, _encoding, done) => done() }), env: { NO_COLOR: '1', COLUMNS: '200' }, interrupted: new AbortController().signal };
  const code = await runCli([...command, '--help'], io);
  if (code !== 0) throw new Error(`iodm-northbound ${command.join(' ')} --help exited ${code}`);
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
