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

/**
 * Seconds a run may take (REDOCLY_TIME_LIMIT_S, default 120): a `pattern` with catastrophic
 * backtracking against an example hangs Redocly's lint for good, and the spec comes from pull requests.
 */
function timeLimitSeconds(env = process.env) {
  const seconds = Number(env.REDOCLY_TIME_LIMIT_S ?? 120);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 120;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const child = spawn(process.execPath, [redoclyCli, ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'pipe'] });
  const limit = timeLimitSeconds();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, limit * 1000);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
  });
  child.on('close', (code, signal) => {
    clearTimeout(timer);
    process.stderr.write(withoutNodeBanner(stderr));
    if (timedOut) {
      process.stderr.write(`redocly ${process.argv[2] ?? ''} did not finish within ${limit} s and was stopped (a pattern with catastrophic backtracking against an example, say).\n`);
      process.exitCode = 1;
      return;
    }
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
