// What the bin does before the suite runs: the target from the environment, named in one line,
// then, for a provider, reached and its task checked for paging. A function with its output passed
// in, so that its exit codes are tested by a call rather than by running the bin.
import { assertTaskPages, TaskCannotPageError } from './paging-check.js';
import { assertReachable } from './reachability.js';
import { contractTargetFromEnv, ContractTargetError, describeTarget } from './target.js';

/** Where the pre-run check writes: the target line on stdout, the reason to stop on stderr. */
export interface PreflightOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The exit code the run stops with (2: a bad argument, the task cannot page; 1: the provider cannot
 * be reached or refuses the credentials), or undefined when the suite may run.
 */
export async function preflight(env: NodeJS.ProcessEnv, output: PreflightOutput): Promise<number | undefined> {
  let target: ReturnType<typeof contractTargetFromEnv>;
  try {
    target = contractTargetFromEnv(env);
  } catch (error) {
    if (!(error instanceof ContractTargetError)) throw error;
    output.stderr(`${error.message}\n`);
    return 2;
  }
  output.stdout(`${describeTarget(target)}\n`);
  if (target.baseUrl === undefined) return undefined;
  try {
    await assertReachable(target.baseUrl);
    await assertTaskPages({ ...target, baseUrl: target.baseUrl });
  } catch (error) {
    if (!(error instanceof ContractTargetError)) throw error;
    output.stderr(`${error.message}\n`);
    // A task that cannot page is a bad argument; an unreachable server or refused credentials a failed run.
    return error instanceof TaskCannotPageError ? 2 : 1;
  }
  return undefined;
}
