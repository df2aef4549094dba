// The rehearsal's stages in the scratch clone, as a maintainer would run them: copy the
// repository, change the spec (only openapi/), `npm run generate`, build what the checks import,
// and run the spec gate against the unchanged copy (a git commit made right after copying).
// Each stage is timed; a failing command is kept with its output for the test to show.
import { join } from 'node:path';
import { type CommandResult, runCommand } from './run-command.js';
import { createScratchClone, type ScratchClone } from './scratch-clone.js';
import { applySpecChange } from './spec-change.js';

/** The workspaces the checks import from the clone; turbo builds their dependencies too. */
const CHECKED_PACKAGES = ['@iodm-northbound/client', '@iodm-northbound/cli', '@iodm-northbound/mock-server'] as const;

const turboEnv = { TURBO_TELEMETRY_DISABLED: '1' };
const gitIdentity = ['-c', 'user.name=spec-change-rehearsal', '-c', 'user.email=rehearsal@example.invalid', '-c', 'commit.gpgsign=false'];

export interface Rehearsal {
  readonly clone: ScratchClone;
  /** Milliseconds per stage, in order. */
  readonly stageTimes: Record<string, number>;
  /** `git status --porcelain` of the clone right after the spec change: what the change touched. */
  readonly changedByEdit: string[];
  readonly version: string;
  readonly generate: CommandResult;
  readonly build: CommandResult;
  readonly gate: CommandResult;
  /** The type checks (`lint`, tests included) of the checked packages in the clone. */
  readonly typeCheck: CommandResult;
}

async function timed<T>(times: Record<string, number>, stage: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    times[stage] = Math.round(performance.now() - started);
  }
}

async function mustSucceed(result: Promise<CommandResult>, what: string): Promise<CommandResult> {
  const done = await result;
  if (done.code !== 0) throw new Error(`${what} failed (exit ${done.code}):\n${done.output}`);
  return done;
}

/** `turbo run <task>` of the checked packages in the clone. */
function turboRun(cloneDir: string, task: string): Promise<CommandResult> {
  // --continue: a package that fails leaves the others done, so each check reports on its own.
  const args = ['run', task, '--continue', '--output-logs=errors-only', ...CHECKED_PACKAGES.map((name) => `--filter=${name}`)];
  return runCommand(join(cloneDir, 'node_modules', '.bin', 'turbo'), args, { cwd: cloneDir, env: turboEnv });
}

/** Runs every stage; the clone is removed when a stage before the checks throws, else by the caller. */
export async function rehearse(repoRoot: string, date: string): Promise<Rehearsal> {
  const stageTimes: Record<string, number> = {};
  const clone = await timed(stageTimes, 'copy', async () => {
    const made = await createScratchClone(repoRoot);
    try {
      const git = (...args: string[]) => mustSucceed(runCommand('git', [...gitIdentity, ...args], { cwd: made.dir }), `git ${args[0]}`);
      await git('init', '-q');
      await git('add', '-A');
      await git('commit', '-q', '-m', 'the repository as copied');
      return made;
    } catch (error) {
      await made.dispose();
      throw error;
    }
  });
  try {
    const { version } = await timed(stageTimes, 'edit', () => applySpecChange(clone.dir, date));
    const status = await mustSucceed(runCommand('git', ['status', '--porcelain'], { cwd: clone.dir }), 'git status');
    const changedByEdit = status.output.split('\n').filter((line) => line.trim() !== '');
    const generate = await timed(stageTimes, 'generate', () => runCommand('npm', ['run', 'generate'], { cwd: clone.dir, env: turboEnv }));
    const build = await timed(stageTimes, 'build', () => turboRun(clone.dir, 'build'));
    // After the build: the gate imports the spec package's built helpers.
    const gate = await timed(stageTimes, 'gate', () => runCommand('npm', ['run', 'spec:diff', '--', '--base', 'HEAD'], { cwd: clone.dir, env: turboEnv }));
    // Their tests pin the simulation and the client to the generated types: a spec change that needs a
    // hand edit there shows up as a failing type check.
    const typeCheck = await timed(stageTimes, 'type check', () => turboRun(clone.dir, 'lint'));
    return { clone, stageTimes, changedByEdit, version, generate, build, gate, typeCheck };
  } catch (error) {
    await clone.dispose();
    throw error;
  }
}
