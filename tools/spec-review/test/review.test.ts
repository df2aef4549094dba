// The workflow's step: the gate's report goes to the job summary and the sticky comment, and its
// exit code is the step's.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishReport, runSpecDiff } from '../src/review.mjs';
import { DEFAULT_MARKER } from '../src/sticky-comment.mjs';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

let dir: string;
let github: FakeGitHub;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spec-review-'));
  github = await startFakeGitHub('gh-token');
});
afterAll(async () => {
  await github.close();
  await rm(dir, { recursive: true, force: true });
});

describe('spec review step', () => {
  it('writes the report to the job summary and one comment, updated on a re-run', async () => {
    const env = {
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: 'gh-token',
    };
    await writeFile(env.GITHUB_EVENT_PATH, JSON.stringify({ pull_request: { number: 7 } }));
    expect(await publishReport('## OpenAPI spec diff\n\nfirst', env)).toEqual(['job summary', 'comment 1 created']);
    expect(await publishReport('## OpenAPI spec diff\n\nsecond', env)).toEqual(['job summary', 'comment 1 updated']);
    expect(github.comments).toEqual([{ id: 1, body: `${DEFAULT_MARKER}\n## OpenAPI spec diff\n\nsecond` }]);
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('second');
  });

  it('outside a pull request it only prints', async () => {
    expect(await publishReport('report', {})).toEqual([]);
  });

  it('runs the gate against a base and passes on an unchanged spec', async () => {
    const { exitCode, report } = await runSpecDiff('HEAD');
    expect(exitCode).toBe(0);
    expect(report).toMatch(/^## OpenAPI spec diff/);
  }, 120_000);

  it('passes the gate’s "could not run" exit code through', async () => {
    const { exitCode, report, stderr } = await runSpecDiff('no-such-ref-anywhere');
    expect(exitCode).toBe(3);
    expect(report).toBe('');
    expect(stderr).toMatch(/no-such-ref-anywhere/);
  }, 120_000);
});
