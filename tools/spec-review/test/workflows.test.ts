// The workflow files pass the linter, a broken one does not, they run what the brief asks, and
// they hold the rules for untrusted pull requests: least permissions, actions pinned by commit,
// every `${{ }}` value reaching shell through `env`, and the job that may write never running
// pull-request code.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkflow, lintWorkflows } from '../src/lint-workflows.mjs';
import { repoRoot } from '../src/review.mjs';

type Step = Record<string, any>;
const workflowsDir = join(repoRoot, '.github', 'workflows');
const text = (name: string) => readFile(join(workflowsDir, name), 'utf8');
const workflow = async (name: string) => parse(await text(name));
const names = async () => (await readdir(workflowsDir)).filter((name) => /\.ya?ml$/.test(name)).sort();
const stepsOf = (document: any): Step[] => Object.values(document.jobs as Record<string, { steps: Step[] }>).flatMap((job) => job.steps);

describe('workflows', () => {
  it('every workflow file passes action-validator', async () => {
    const results = await lintWorkflows();
    expect(results.map(({ name }) => name)).toEqual(['ci.yml', 'release.yml', 'spec-review-comment.yml', 'spec-review.yml']);
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
    const steps = jobs.test.steps as Step[];
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version': '${{ matrix.node }}', cache: 'npm' });
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm test']));
  });

  it('every action is pinned by a full commit id with its version in a comment', async () => {
    for (const name of await names()) {
      const uses = (await text(name)).split('\n').filter((line) => /^\s*(?:-\s+)?uses:/.test(line));
      expect(uses.length, name).toBeGreaterThan(0);
      for (const line of uses) expect(line, `${name}: ${line.trim()}`).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('every Actions expression reaches shell through env, and no checkout keeps its token', async () => {
    for (const name of await names()) {
      for (const step of stepsOf(await workflow(name))) {
        if (typeof step.run === 'string') expect(step.run, `${name}: ${step.name ?? step.run}`).not.toContain('${{');
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], name).toBe(false);
      }
    }
  });

  it('the pull_request review is read-only and runs the base branch’s gate on the pull request’s openapi/', async () => {
    const spec = await workflow('spec-review.yml');
    expect(Object.keys(spec.on)).toEqual(['pull_request']);
    expect(spec.on.pull_request.paths).toEqual(['openapi/**']);
    expect(spec.permissions).toEqual({ contents: 'read' });
    expect(Object.values(spec.jobs).filter((job: any) => job.permissions !== undefined)).toEqual([]);
    const steps = spec.jobs['spec-diff'].steps as Step[];
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
    expect(checkouts[0]?.with).toMatchObject({ ref: '${{ github.event.pull_request.base.sha }}' });
    expect(checkouts[0]?.with.path).toBeUndefined();
    expect(checkouts[1]?.with).toMatchObject({ path: 'pull-request', 'sparse-checkout': 'openapi/', 'sparse-checkout-cone-mode': false });
    const runs = steps.map((step) => step.run).filter(Boolean) as string[];
    expect(runs).toContain('rm -rf openapi && cp -R -P pull-request/openapi openapi && rm -rf pull-request');
    expect(runs).toContain('node tools/spec-review/src/review.mjs --base "$BASE_SHA" --report-dir spec-review-report');
    // Nothing runs before the pull request's files are confined to openapi/ and pull-request/ is gone.
    expect(runs.findIndex((run) => run.startsWith('rm -rf openapi'))).toBeLessThan(runs.findIndex((run) => run.startsWith('node tools/spec-review')));
    // Redocly, Spectral and the reference page read the pull request's spec only once the gate loaded it confined.
    const loaded = "always() && steps.review.outputs.exit-code != '' && steps.review.outputs.exit-code != '3'";
    const afterGate = steps.slice(steps.findIndex((step) => step.id === 'review') + 2);
    expect(afterGate.map((step) => step.if)).toEqual([loaded, loaded, loaded]);
    expect(afterGate.filter((step) => step.run).map((step) => step['timeout-minutes'])).toEqual([5, 5]);
    const uploads = steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@')).map((step) => step.with);
    expect(uploads.map(({ name, path }) => [name, path])).toEqual([
      ['spec-review-report', 'spec-review-report/'],
      ['api-reference', 'tools/reference-docs/dist/'],
    ]);
  });

  it('only the workflow_run job may write, and it never checks out or runs pull-request code', async () => {
    const comment = await workflow('spec-review-comment.yml');
    expect(Object.keys(comment.on)).toEqual(['workflow_run']);
    expect(comment.on.workflow_run.workflows).toEqual([(await workflow('spec-review.yml')).name]);
    expect(comment.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write' });
    const steps = stepsOf(comment);
    for (const step of steps.filter((each) => each.uses?.startsWith('actions/checkout@'))) {
      expect(step.with.ref).toBeUndefined(); // the default branch
      expect(step.with.repository).toBeUndefined();
    }
    const runs = steps.map((step) => step.run).filter(Boolean);
    expect(runs).toEqual(['node tools/spec-review/src/publish-comment.mjs --report-dir spec-review-report']);
    expect(JSON.stringify(comment)).not.toMatch(/head_branch|pull_request\.head|npm (ci|install)/);
    for (const name of await names()) {
      const document = await workflow(name);
      const writes = JSON.stringify(document.permissions ?? {}).includes('write');
      expect([name, writes]).toEqual([name, name === 'spec-review-comment.yml']);
    }
  });

  it('pull-request jobs of ci never get the cache token: only pushes write the shared cache', async () => {
    const { env } = await workflow('ci.yml');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
    expect(env.TURBO_TOKEN).toBe("${{ github.event_name == 'push' && secrets.TURBO_TOKEN || '' }}");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
    expect(env.TURBO_CACHE).toBe("${{ github.event_name == 'push' && 'local:rw,remote:rw' || 'local:rw,remote:r' }}");
    expect(env).toHaveProperty('TURBO_REMOTE_CACHE_SIGNATURE_KEY');
  });
});
