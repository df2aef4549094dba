// release.yml: changesets/action on pushes to main, publishing with provenance to the registry
// set in one place (the NPM_REGISTRY_URL repository variable), through the root scripts that
// version and publish. (Pins, `${{ }}` through env and the linter: workflows.test.ts, for every file.)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../src/review.mjs';

type Step = Record<string, any>;
const release = parse(await readFile(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8'));
const steps = release.jobs.release.steps as Step[];
const rootScripts = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')).scripts as Record<string, string>;
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
const REGISTRY = "${{ vars.NPM_REGISTRY_URL || 'https://registry.npmjs.org' }}";

describe('release.yml', () => {
  it('runs on pushes to main only, one at a time, read-only but for the release job', () => {
    expect(release.on).toEqual({ push: { branches: ['main'] } });
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(release.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false });
    expect(release.jobs.release.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
  });

  it('checks the packages before changesets/action versions or publishes them', () => {
    const runs = steps.map((step) => step.run ?? step.uses);
    const action = runs.findIndex((run) => run?.startsWith('changesets/action@'));
    expect(action).toBeGreaterThan(runs.indexOf('npm run check:packages'));
    expect(runs.indexOf('npm run check:packages')).toBeGreaterThan(runs.indexOf('npm ci --no-audit --no-fund'));
  });

  it('publishes with provenance to the one configured registry, its token from a secret', () => {
    const action = steps.find((step) => step.uses?.startsWith('changesets/action@'));
    expect(action?.with).toMatchObject({ 'version-script': 'npm run release:version', 'publish-script': 'npm run release:publish' });
    expect(action?.env).toMatchObject({
      NPM_CONFIG_PROVENANCE: true,
      npm_config_registry: REGISTRY,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
      NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
      RELEASE_REPOSITORY_URL: '${{ github.server_url }}/${{ github.repository }}',
    });
    // The token's .npmrc maps only the scope to that registry: npm ci still installs from npmjs.
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'registry-url': REGISTRY, scope: '@iodm-northbound' });
  });

  it('versions with changeset version (and the lock), publishes with changeset publish after setting the repository', () => {
    expect(rootScripts['release:version']).toBe('changeset version && npm install --package-lock-only --ignore-scripts --no-audit --no-fund');
    expect(rootScripts['release:publish']).toBe('node tools/registry/src/set-repository-url.mjs && changeset publish');
  });
});
