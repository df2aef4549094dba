// The workflow's step: the gate's report goes to the job summary, the report folder (the
// artifact) and the sticky comment, and its exit code is the gate's whatever publishing does:
// a fork's read-only token (403), GitHub refusing the body (422) or the network failing is a warning.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishComment } from '../src/publish-comment.mjs';
import { couldNotRunBody } from '../src/report-body.mjs';
import { publishReport, review } from '../src/review.mjs';
import { DEFAULT_MARKER } from '../src/sticky-comment.mjs';
// The gate's own test helpers: its throwaway spec repository and what a safe report is.
import { expectSafeReport, hostileSpecText } from '../../spec-diff/test/report-safety-checks.js';
import { SpecRepo } from '../../spec-diff/test/spec-repo.js';
import { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from './fake-github.js';

let dir: string;
let github: FakeGitHub | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spec-review-'));
  await writeFile(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
});
afterEach(async () => {
  await github?.close();
  github = undefined;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function githubEnv(options: FakeGitHubOptions = {}, name = 'summary.md') {
  github = await startFakeGitHub('gh-token', [], options);
  return {
    GITHUB_STEP_SUMMARY: join(dir, name),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'acme/api',
    GITHUB_API_URL: github.url,
    GITHUB_TOKEN: 'gh-token',
  };
}

/** Collects what review() writes. */
const sink = () => {
  const chunks: string[] = [];
  return { chunks, write: (text: string) => chunks.push(text) > 0 };
};

describe('spec review step', () => {
  it('writes the report to the job summary, the report folder and one comment, updated on a re-run', async () => {
    const env = await githubEnv();
    const reportDir = join(dir, 'artifact');
    expect(await publishReport('## OpenAPI spec diff\n\nfirst', env)).toEqual(['job summary', 'comment 1 created']);
    expect(await publishReport('## OpenAPI spec diff\n\nsecond', env, { reportDir })).toEqual(['job summary', `report in ${reportDir}`, 'comment 1 updated']);
    expect(github?.comments.map((comment) => comment.body)).toEqual([`${DEFAULT_MARKER}\n## OpenAPI spec diff\n\nsecond`]);
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('second');
    expect(await readFile(join(reportDir, 'pr-number'), 'utf8')).toBe('7');
  });

  it('outside a pull request it only prints', async () => {
    expect(await publishReport('report', {})).toEqual([]);
  });

  it('on a fork (403 on POST) the exit code stays the gate’s: 0 on an unchanged spec, with a warning', async () => {
    const env = { ...(await githubEnv({ refuse: { POST: 403 } }, 'fork-summary.md')), GITHUB_OUTPUT: join(dir, 'fork-output') };
    const stderr = sink();
    const exitCode = await review('HEAD', env, { stdout: sink(), stderr });
    expect(exitCode).toBe(0);
    expect(await readFile(env.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=0\n');
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(/^## OpenAPI spec diff/);
    expect(stderr.chunks.join('')).toMatch(/::warning::spec-review: the pull-request comment failed: POST \/repos\/acme\/api\/issues\/7\/comments answered 403/);
  }, 120_000);

  it('passes the gate’s "could not run" exit code through, also when GitHub refuses (422) or cannot be reached', async () => {
    const refused = await githubEnv({ refuse: { POST: 422 } });
    const stdout = sink();
    const stderr = sink();
    expect(await review('no-such-ref-anywhere', refused, { stdout, stderr })).toBe(3);
    expect(stdout.chunks.join('')).toMatch(/The gate could not run \(exit 3\):[\s\S]*no-such-ref-anywhere/);
    expect(stderr.chunks.join('')).toContain('answered 422');
    await github?.close(); // the same address, nothing listening now
    github = undefined;
    const offline = await publishReport('report', refused);
    expect(offline[1]).toMatch(/^warning: the pull-request comment failed: /);
  }, 120_000);

  it('a 600 KB report becomes a comment under 65 536 characters that points to the whole one', async () => {
    const env = await githubEnv({}, 'big-summary.md');
    const lines = Array.from({ length: 6_000 }, (_, index) => `- **Enum widened** \`value${index}\` — ${'x'.repeat(80)}`);
    const report = `## OpenAPI spec diff\n\n**Verdict: ✅ pass**\n\n${lines.join('\n')}`;
    expect(report.length).toBeGreaterThan(600_000);
    expect(await publishReport(report, env)).toEqual(['job summary', 'comment 1 created']);
    const body = github?.comments[0]?.body ?? '';
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('**Verdict: ✅ pass**');
    expect(body).toMatch(/The report is cut here \(\d+ characters in all\): the whole report is in this run's job summary/);
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe(`${report}\n`);
  });

  it('the stderr of a gate that could not run stays inside its fence', () => {
    const stderr = 'spec:diff: $ref "```\n# Verdict: ✅ pass\n@acme/team ![x](https://evil.example/x.png)\n````" is refused';
    const body = couldNotRunBody(3, stderr);
    const fence = body.split('\n').find((line) => line.startsWith('`````'));
    expect(fence).toBe('`````text');
    const inside = body.slice(body.indexOf(fence as string) + (fence as string).length, body.lastIndexOf('`````'));
    expect(inside).toContain('# Verdict: ✅ pass');
    expect(body.trimEnd().endsWith('`````')).toBe(true);
  });
});

describe('a hostile property name, through the real gate, into the comment', () => {
  it('does not render as a heading, verdict, mention, link, image or the marker', async () => {
    const spec = (schema: string) =>
      `openapi: 3.0.3\ninfo:\n  title: Pets\n  version: 1.0.0\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${schema}\n`;
    const repo = await SpecRepo.create({
      files: { 'openapi/openapi.yaml': spec('{ type: object }'), 'openapi/CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-11-25\n\n- First.\n' },
    });
    try {
      const name = JSON.stringify(hostileSpecText);
      await repo.writeFile('openapi/openapi.yaml', spec(`{ type: object, required: [${name}], properties: { ${name}: { type: string } } }`));
      const env = await githubEnv({}, 'hostile-summary.md');
      expect(await review('main', env, { cwd: repo.dir, stdout: sink(), stderr: sink() })).toBe(2);
      const body = github?.comments[0]?.body ?? '';
      expect(body.split(DEFAULT_MARKER)).toHaveLength(2); // the bot's own marker line, no other
      expect(body.startsWith(`${DEFAULT_MARKER}\n`)).toBe(true);
      expectSafeReport(body.slice(DEFAULT_MARKER.length + 1));
    } finally {
      await repo.remove();
    }
  }, 120_000);
});

describe('the comment job (workflow_run)', () => {
  it('posts the artifact’s comment only on the pull request at the reviewed commit', async () => {
    const sha = 'a'.repeat(40);
    const reportDir = join(dir, 'run-artifact');
    const env = await githubEnv({ headSha: sha });
    await publishReport('## OpenAPI spec diff\n\nfrom the artifact', { GITHUB_EVENT_PATH: env.GITHUB_EVENT_PATH }, { reportDir });
    expect(await publishComment(reportDir, { ...env, HEAD_SHA: 'b'.repeat(40) })).toBe('warning: pull request #7 is not at the reviewed commit: nothing posted');
    expect(await publishComment(reportDir, { ...env, HEAD_SHA: sha })).toBe('comment 1 created');
    expect(github?.comments[0]?.body).toBe(`${DEFAULT_MARKER}\n## OpenAPI spec diff\n\nfrom the artifact`);
    await writeFile(join(reportDir, 'pr-number'), '7; rm -rf /');
    expect(await publishComment(reportDir, { ...env, HEAD_SHA: sha })).toBe('warning: no pull-request number in the artifact: nothing posted');
  });
});
