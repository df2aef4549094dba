// `npm run spec:diff -- --base <git ref>`: prints the Markdown report, exits with the verdict.
import { runCommand } from './command.js';

process.exitCode = await runCommand(process.argv.slice(2), process.cwd(), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
