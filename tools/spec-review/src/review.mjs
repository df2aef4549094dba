// What the spec-review workflow runs on a pull request that touches openapi/: the spec-diff gate
// against the base, its Markdown report in the job summary, in a report folder (the workflow's
// artifact) and, when the token may write, in one sticky comment. Its exit code is the gate's,
// always: publishing that fails (a fork's read-only token, GitHub refusing the body, the network)
// is a warning.
//
//   node tools/spec-review/src/review.mjs --base <ref> [--report-dir <dir>]
//
// Reads GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH (the pull request number), GITHUB_REPOSITORY,
// GITHUB_API_URL and GITHUB_TOKEN when set; without them it only prints the report.
import { execFile } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { commentLimit, couldNotRunBody, fitReport, summaryLimit } from './report-body.mjs';
import { upsertStickyComment } from './sticky-comment.mjs';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const specDiffCli = join(repoRoot, 'tools', 'spec-diff', 'src', 'cli.ts');
const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const whereWhole = "the whole report is in this run's job summary and its `spec-review-report` artifact";

/** Runs spec-diff; returns its exit code, its report (empty when it could not run) and stderr. */
export async function runSpecDiff(base, cwd = repoRoot) {
  const dir = await mkdtemp(join(tmpdir(), 'spec-review-'));
  const output = join(dir, 'report.md');
  try {
    const code = await new Promise((resolve) => {
      execFile(process.execPath, [tsx, specDiffCli, '--base', base, '--output', output], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
        resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : 3) : 0, stderr });
      });
    });
    const report = await readFile(output, 'utf8').catch(() => '');
    return { ...code, report };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The report to publish: the gate's, or why it could not run. */
export function reviewBody({ exitCode, report, stderr }) {
  return report || couldNotRunBody(exitCode, stderr);
}

/**
 * Publishes the report where the environment says: job summary, report folder, sticky comment.
 * Never throws for a failure to publish: returns what it did and, as `warning: ...`, what failed.
 * @param {string} report
 * @param {Record<string, string | undefined>} [env]
 * @param {{ reportDir?: string }} [options]
 * @returns {Promise<string[]>}
 */
export async function publishReport(report, env = process.env, { reportDir } = {}) {
  const done = [];
  const attempt = async (what, action) => {
    try {
      done.push(await action());
    } catch (error) {
      done.push(`warning: ${what} failed: ${error.message}`);
    }
  };
  const comment = fitReport(report, commentLimit, whereWhole);
  const event = env.GITHUB_EVENT_PATH ? await readFile(env.GITHUB_EVENT_PATH, 'utf8').then(JSON.parse, () => undefined) : undefined;
  const issueNumber = event?.pull_request?.number;
  if (env.GITHUB_STEP_SUMMARY) {
    await attempt('the job summary', async () => {
      await appendFile(env.GITHUB_STEP_SUMMARY, `${fitReport(report, summaryLimit, "the whole report is in this run's `spec-review-report` artifact", Buffer.byteLength)}\n`);
      return 'job summary';
    });
  }
  if (reportDir) {
    await attempt('the report folder', async () => {
      await mkdir(reportDir, { recursive: true });
      await writeFile(join(reportDir, 'report.md'), report);
      await writeFile(join(reportDir, 'comment.md'), comment);
      if (Number.isInteger(issueNumber)) await writeFile(join(reportDir, 'pr-number'), String(issueNumber));
      return `report in ${reportDir}`;
    });
  }
  if (Number.isInteger(issueNumber) && env.GITHUB_TOKEN && env.GITHUB_REPOSITORY) {
    await attempt('the pull-request comment', async () => {
      const { action, id } = await upsertStickyComment({
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        repository: env.GITHUB_REPOSITORY,
        issueNumber,
        token: env.GITHUB_TOKEN,
        body: comment,
      });
      return `comment ${id} ${action}`;
    });
  }
  return done;
}

/**
 * The whole step: the gate, then publishing; returns the gate's exit code whatever publishing did.
 * @param {string} base
 * @param {Record<string, string | undefined>} [env]
 * @param {{ reportDir?: string, cwd?: string, stdout?: { write(text: string): unknown }, stderr?: { write(text: string): unknown } }} [options]
 * @returns {Promise<number>}
 */
export async function review(base, env = process.env, { reportDir, cwd, stdout = process.stdout, stderr = process.stderr } = {}) {
  const result = await runSpecDiff(base, cwd);
  const body = reviewBody(result);
  stdout.write(body);
  for (const line of await publishReport(body, env, { reportDir })) {
    stderr.write(line.startsWith('warning: ') ? `::warning::spec-review: ${line.slice('warning: '.length)}\n` : `spec-review: ${line}\n`);
  }
  // The workflow's later steps (lint, reference page) run only on a spec the gate could load.
  if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, `exit-code=${result.exitCode}\n`).catch(() => {});
  return result.exitCode;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { base: { type: 'string' }, 'report-dir': { type: 'string' } } });
  if (!values.base) {
    process.stderr.write('usage: review.mjs --base <git ref> [--report-dir <dir>]\n');
    process.exitCode = 3;
  } else {
    review(values.base, process.env, { reportDir: values['report-dir'] }).then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(`spec-review: ${error.stack ?? error}\n`);
        process.exitCode = 3;
      },
    );
  }
}
