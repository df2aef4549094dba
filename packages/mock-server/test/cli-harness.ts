// The mock's CLI run in-process, as the bin runs it but with collecting streams and an
// AbortController in place of SIGINT/SIGTERM.
import { runMockCli } from '../src/cli.js';

/** Collects what the CLI writes; `until` waits for a line without polling. */
class CollectedStream {
  text = '';
  private readonly waiting = new Set<() => void>();

  write(chunk: string): boolean {
    this.text += chunk;
    for (const check of this.waiting) check();
    return true;
  }

  /** Resolves with the first match of `pattern` once written, or rejects if `done` settles first. */
  until(pattern: RegExp, done: Promise<number>): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(this.text);
        if (!match) return;
        this.waiting.delete(check);
        resolve(match);
      };
      this.waiting.add(check);
      check();
      done.then(
        (code) => {
          this.waiting.delete(check);
          reject(new Error(`CLI exited ${code} before printing ${pattern}: ${this.text}`));
        },
        reject,
      );
    });
  }
}

/** The CLIs not yet exited, with their exit codes. */
const running = new Map<AbortController, Promise<number>>();

interface CliRun {
  stdout: CollectedStream;
  stderr: CollectedStream;
  /** The exit code the bin would set. */
  exitCode: Promise<number>;
  /** What SIGINT/SIGTERM do in the bin. */
  stop(signal?: 'SIGINT' | 'SIGTERM'): Promise<number>;
}

/** Runs the CLI with `argv`; an option error or `--help` settles `exitCode` at once. */
function runCli(argv: string[]): CliRun {
  const stdout = new CollectedStream();
  const stderr = new CollectedStream();
  const stopper = new AbortController();
  const exitCode = runMockCli(argv, { stdout, stderr }, stopper.signal);
  running.set(stopper, exitCode);
  exitCode.then(
    () => running.delete(stopper),
    () => running.delete(stopper),
  );
  return {
    stdout,
    stderr,
    exitCode,
    stop: (signal = 'SIGTERM') => {
      stopper.abort(signal);
      return exitCode;
    },
  };
}

/** Stops every CLI still serving (for afterEach: a failed assertion must not leave a mock running). */
export async function stopAllClis(): Promise<void> {
  const exits = [...running].map(([stopper, exitCode]) => {
    stopper.abort('SIGTERM');
    return exitCode.catch(() => undefined);
  });
  await Promise.all(exits);
}

const BANNER = /Mock server listening on (http:\/\/\S+)/;

interface ServingCli extends CliRun {
  url: string;
}

/** Runs the CLI and waits for its startup banner, the line scripts read the URL from. */
export async function serveCli(argv: string[]): Promise<ServingCli> {
  const cli = runCli(argv);
  const [, url] = await cli.stdout.until(BANNER, cli.exitCode);
  return { ...cli, url: url! };
}

/** Runs the CLI expecting it to exit without serving (--help, an error); one that serves fails at once. */
export async function exitedCli(argv: string[]): Promise<CliRun> {
  const cli = runCli(argv);
  const served = cli.stdout.until(BANNER, cli.exitCode).then(
    async () => {
      await cli.stop();
      throw new Error(`the CLI served instead of exiting: ${cli.stdout.text}`);
    },
    () => undefined,
  );
  await Promise.all([cli.exitCode, served]);
  return cli;
}
