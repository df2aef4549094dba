// Runs one printed command as a reader would: `sh -c` from a folder where the packages are
// installed (the caller's; `npx -p @iodm-northbound/…` finds them), the repository's node_modules/.bin
// on PATH, the connection of the live mock in the environment, and the placeholders a reader
// fills in (SUBSTITUTIONS) filled in. A command that serves until Ctrl-C is started, must print
// its address, and is then stopped with SIGINT to its whole process group.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A hang guard, not a speed target: a command that has not ended by then fails with its output. */
const HANG_GUARD_MS = 120_000;
/** How long the processes of a stopped command may take to end. */
const STOP_GRACE_MS = 10_000;
const ADDRESS = /https?:\/\/[\w.-]+:\d+/;

/**
 * The placeholders of the printed commands and what a reader would put there, for the mock.
 * @param {{ url: string, secret: string, operationId: string, fileId: string, deviceId: string }} mock
 * @returns {Array<[RegExp, string, string]>} pattern, replacement, why
 */
export function substitutions(mock) {
  return [
    [/https:\/\/203\.0\.113\.10:8743/g, mock.url, 'the documentation address of a platform (TEST-NET-3) is the live mock'],
    [/<operationId>/g, mock.operationId, 'a task the mock knows'],
    [/NORTHBOUND_SECRET=(…|\.\.\.)(?=\s|$)/g, `NORTHBOUND_SECRET=${mock.secret}`, "the reader's secret"],
    [/<(fileId|id)>/g, mock.fileId, 'a package the mock knows'],
    [/<deviceId>/g, mock.deviceId, 'a device the mock knows'],
    [/\|\s*my-importer\b/g, '| wc -l', "the reader's own program reading the CSV"],
  ];
}

/**
 * @param {{ text: string, exports: string[] }} command
 * @param {{ cwd: string, env: Record<string, string>, substitutions: Array<[RegExp, string, string]>, serves?: boolean }} options
 * @returns {Promise<{ code: number | null, signal: string | null, output: string, script: string, leftBehind: boolean }>}
 */
export async function runPrinted(command, { cwd, env, substitutions: fills, serves = false }) {
  let script = [...command.exports, command.text].join('\n');
  for (const [pattern, replacement] of fills) script = script.replace(pattern, replacement);
  // Its own process group, so a signal reaches every process of it (sh, npm exec, node), as
  // Ctrl-C in a terminal does, and the hang guard can end all of them.
  const child = spawn('sh', ['-c', `set -e\n${script}`], { cwd, env: { ...readerEnv(), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = once(child, 'exit');
  const guard = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), HANG_GUARD_MS);
  await new Promise((resolve) => {
    const onData = (chunk) => {
      output += chunk;
      if (serves && ADDRESS.test(output)) resolve(undefined);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', resolve);
  });
  if (serves && child.exitCode === null && child.signalCode === null) signalGroup(child.pid, 'SIGINT');
  const [code, signal] = await exited;
  clearTimeout(guard);
  // What of the group still runs once a stop had time to finish was left behind: ended here, and reported.
  const leftBehind = !(await groupEnds(child.pid)) && signalGroup(child.pid, 'SIGKILL');
  return { code, signal, output, script, leftBehind };
}

/** Whether the process group has no process left within STOP_GRACE_MS (a server closing after Ctrl-C). */
async function groupEnds(pid) {
  for (const started = Date.now(); Date.now() - started < STOP_GRACE_MS; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (!signalGroup(pid, 0)) return true;
  }
  return false;
}

/** Sends `signal` to the process group; false when no process of it is left. */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** The environment of a reader's shell: ours without npm's and the northbound settings of this run. */
function readerEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|NORTHBOUND_|VITEST|TEST_TIER)/i.test(key)));
  return { ...env, PATH: `${join(repoRoot, 'node_modules', '.bin')}:${env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0' };
}
