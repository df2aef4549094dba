// Runs the Redocly CLI with the given arguments, minus its boxed "Node.js 20 support is ending"
// banner (printed on stderr on every Node 20 run): CI still tests Node 20, and a warning printed
// on every `npm test` hides the ones that matter. Everything else, and the exit code, passes through.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const redoclyCli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const banner = /\n?[ \t]*╔═+╗\n(?:[ \t]*║.*║\n)*?[ \t]*║[^\n]*Node\.js 20 support is ending[^\n]*║\n(?:[ \t]*║.*║\n)*?[ \t]*╚═+╝\n\n?/;

/** The stderr of a Redocly run without the Node 20 banner. */
export function withoutNodeBanner(stderr) {
  return stderr.replace(banner, '');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const child = spawn(process.execPath, [redoclyCli, ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
  });
  child.on('close', (code, signal) => {
    process.stderr.write(withoutNodeBanner(stderr));
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
