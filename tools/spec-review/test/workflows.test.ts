// The workflow files pass the linter, a broken one does not, and they run what the brief asks.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkflow, lintWorkflows } from '../src/lint-workflows.mjs';
import { repoRoot } from '../src/review.mjs';

const workflow = async (name: string) => parse(await readFile(join(repoRoot, '.github', 'workflows', name), 'utf8'));

describe('workflows', () => {
  it('every workflow file passes action-validator', async () => {
    const results = await lintWorkflows();
    expect(results.map(({ name }) => name)).toEqual(['ci.yml', 'spec-review.yml']);
    expect(results.filter(({ findings }) => findings)).toEqual([]);
  }, 60_000);

  it('the linter rejects a job with a misspelt key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'workflow-lint-'));
    try {
      await writeFile(join(dir, 'bad.yml'), 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n');
      expect(await lintWorkflow(join(dir, 'bad.yml'))).toContain("Additional property 'stepz' is not allowed");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('ci runs npm ci and npm test on Node 20, 22 and 24 with the npm cache', async () => {
    const { jobs } = await workflow('ci.yml');
    expect(jobs.test.strategy.matrix.node).toEqual([20, 22, 24]);
    const steps = jobs.test.steps as Array<Record<string, any>>;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version': '${{ matrix.node }}', cache: 'npm' });
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm test']));
  });

  it('spec review runs the tested script on pull requests touching openapi/ and uploads the reference page', async () => {
    const spec = await workflow('spec-review.yml');
    expect(spec.on.pull_request.paths).toEqual(['openapi/**']);
    expect(spec.permissions['pull-requests']).toBe('write');
    const steps = spec.jobs['spec-diff'].steps as Array<Record<string, any>>;
    expect(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with['fetch-depth']).toBe(0);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
    expect(steps.some((step) => step.run === 'node tools/spec-review/src/review.mjs --base "origin/${{ github.base_ref }}"')).toBe(true);
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with.path).toBe('tools/reference-docs/dist/');
  });
});
