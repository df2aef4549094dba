// Runs one command of the rehearsal (npm, git, tsc) in the scratch clone and keeps its output,
// stdout and stderr interleaved, for the failure message.
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  output: string;
}

export function runCommand(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    // Its own process group, so the hang guard ends what it started too (npm -> turbo -> tsc).
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const keep = (chunk: string) => (output += chunk);
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    // A hang guard, not a speed target: a stuck build must not outlive the test.
    const guard = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs ?? 600_000);
    child.on('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, output });
    });
  });
}
