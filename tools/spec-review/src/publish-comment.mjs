// The write half of the fork-safe review (.github/workflows/spec-review-comment.yml, on
// workflow_run): posts the comment the read-only pull_request job left in its artifact. It runs
// the default branch's code only and treats the artifact as untrusted: the pull-request number
// must name an open pull request whose head is the commit the review ran on, and the body is cut
// to GitHub's limit. A failure to post is a warning: the verdict is the review job's.
//
//   node tools/spec-review/src/publish-comment.mjs --report-dir <dir>
//
// Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL and HEAD_SHA (the reviewed commit).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { commentLimit, fitReport } from './report-body.mjs';
import { upsertStickyComment } from './sticky-comment.mjs';

/** Posts `<reportDir>/comment.md` on the pull request named by `<reportDir>/pr-number`; returns what it did. */
export async function publishComment(reportDir, env = process.env) {
  const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const numberText = (await readFile(join(reportDir, 'pr-number'), 'utf8').catch(() => '')).trim();
  if (!/^[1-9]\d{0,9}$/.test(numberText)) return 'warning: no pull-request number in the artifact: nothing posted';
  if (!/^[0-9a-f]{40}$/.test(env.HEAD_SHA ?? '')) return 'warning: HEAD_SHA is not a commit id: nothing posted';
  const issueNumber = Number(numberText);
  try {
    const response = await fetch(`${apiUrl}/repos/${env.GITHUB_REPOSITORY}/pulls/${issueNumber}`, {
      headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${env.GITHUB_TOKEN}` },
      signal: AbortSignal.timeout(30_000),
    });
    const pull = response.ok ? await response.json() : undefined;
    if (pull?.head?.sha !== env.HEAD_SHA) return `warning: pull request #${issueNumber} is not at the reviewed commit: nothing posted`;
    const body = fitReport(await readFile(join(reportDir, 'comment.md'), 'utf8'), commentLimit, "the whole report is in the review run's `spec-review-report` artifact");
    const { action, id } = await upsertStickyComment({ apiUrl, repository: env.GITHUB_REPOSITORY, issueNumber, token: env.GITHUB_TOKEN, body });
    return `comment ${id} ${action}`;
  } catch (error) {
    return `warning: the pull-request comment failed: ${error.message}`;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { 'report-dir': { type: 'string' } } });
  const line = await publishComment(values['report-dir'] ?? 'spec-review-report');
  process.stderr.write(line.startsWith('warning: ') ? `::warning::spec-review: ${line.slice('warning: '.length)}\n` : `spec-review: ${line}\n`);
}
