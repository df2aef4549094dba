// What the spec-review workflow runs on a pull request that touches openapi/: the spec-diff
// gate against the base, its Markdown report in the job summary and in one sticky comment, and
// the gate's exit code (1: a breaking change without a major bump) as its own.
//
//   node tools/spec-review/src/review.mjs --base origin/main
//
// Reads GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH (the pull request number), GITHUB_REPOSITORY,
// GITHUB_API_URL and GITHUB_TOKEN when set; without them it only prints the report.
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { upsertStickyComment } from './sticky-comment.mjs';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const specDiffCli = join(repoRoot, 'tools', 'spec-diff', 'src', 'cli.ts');
const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs spec-diff; returns its exit code, its report (empty when it could not run) and stderr. */
export async function runSpecDiff(base, cwd = repoRoot) {
  const dir = await mkdtemp(join(tmpdir(), 'spec-review-'));
  const output = join(dir, 'report.md');
  try {
    const code = await new Promise((resolve) => {
      execFile(process.execPath, [tsx, specDiffCli, '--base', base, '--output', output], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : 3) : 0, stderr });
      });
    });
    const report = await readFile(output, 'utf8').catch(() => '');
    return { ...code, report };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Publishes the report where the environment says (job summary, sticky comment); returns what it did. */
export async function publishReport(report, env = process.env) {
  const done = [];
  if (env.GITHUB_STEP_SUMMARY) {
    await appendFile(env.GITHUB_STEP_SUMMARY, `${report}\n`);
    done.push('job summary');
  }
  const event = env.GITHUB_EVENT_PATH ? JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) : undefined;
  const issueNumber = event?.pull_request?.number;
  if (issueNumber && env.GITHUB_TOKEN && env.GITHUB_REPOSITORY) {
    const { action, id } = await upsertStickyComment({
      apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
      repository: env.GITHUB_REPOSITORY,
      issueNumber,
      token: env.GITHUB_TOKEN,
      body: report,
    });
    done.push(`comment ${id} ${action}`);
  }
  return done;
}

async function main() {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  if (!values.base) {
    process.stderr.write('usage: review.mjs --base <git ref>\n');
    return 3;
  }
  const { exitCode, report, stderr } = await runSpecDiff(values.base);
  const body = report || `## OpenAPI spec diff\n\nThe gate could not run (exit ${exitCode}):\n\n\`\`\`\n${stderr.trim()}\n\`\`\`\n`;
  process.stdout.write(body);
  for (const line of await publishReport(body)) process.stderr.write(`spec-review: ${line}\n`);
  return exitCode;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`spec-review: ${error.stack ?? error}\n`);
      process.exitCode = 3;
    },
  );
}
