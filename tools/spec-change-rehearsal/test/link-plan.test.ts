import { describe, expect, it } from 'vitest';
import { isCopied, planNodeModules } from '../src/link-plan.js';

const repo = '/repo';
const scratch = '/tmp/scratch';

describe('planNodeModules', () => {
  it("links installed packages to the repository's and workspace links to the scratch's own workspaces", () => {
    const steps = planNodeModules(repo, scratch, [
      {
        dir: 'node_modules',
        entries: [
          { name: '.bin' },
          { name: 'yaml' },
          { name: '@types' },
          { name: '@iodm-northbound/client', symlink: '../../packages/client' },
          { name: '@iodm-northbound/spec-diff', symlink: '../../tools/spec-diff' },
        ],
      },
    ]);
    expect(steps).toEqual([
      { kind: 'mkdir', path: '/tmp/scratch/node_modules' },
      { kind: 'mkdir', path: '/tmp/scratch/node_modules/@iodm-northbound' },
      { kind: 'symlink', path: '/tmp/scratch/node_modules/.bin', target: '/repo/node_modules/.bin' },
      { kind: 'symlink', path: '/tmp/scratch/node_modules/yaml', target: '/repo/node_modules/yaml' },
      { kind: 'symlink', path: '/tmp/scratch/node_modules/@types', target: '/repo/node_modules/@types' },
      // Relative, as npm made them: they resolve inside the scratch.
      { kind: 'symlink', path: '/tmp/scratch/node_modules/@iodm-northbound/client', target: '../../packages/client' },
      { kind: 'symlink', path: '/tmp/scratch/node_modules/@iodm-northbound/spec-diff', target: '../../tools/spec-diff' },
    ]);
  });

  it("links a workspace's node_modules whole when it holds no workspace link", () => {
    expect(planNodeModules(repo, scratch, [{ dir: 'packages/cli/node_modules', entries: [{ name: 'commander' }] }])).toEqual([
      { kind: 'symlink', path: '/tmp/scratch/packages/cli/node_modules', target: '/repo/packages/cli/node_modules' },
    ]);
  });

  it("makes a workspace's node_modules a real folder when it holds a workspace link", () => {
    const steps = planNodeModules(repo, scratch, [
      { dir: 'tools/x/node_modules', entries: [{ name: 'ajv' }, { name: '@iodm-northbound/spec', symlink: '../../../../packages/spec' }] },
    ]);
    expect(steps).toContainEqual({ kind: 'mkdir', path: '/tmp/scratch/tools/x/node_modules' });
    expect(steps).toContainEqual({ kind: 'symlink', path: '/tmp/scratch/tools/x/node_modules/ajv', target: '/repo/tools/x/node_modules/ajv' });
    expect(steps).toContainEqual({ kind: 'symlink', path: '/tmp/scratch/tools/x/node_modules/@iodm-northbound/spec', target: '../../../../packages/spec' });
  });

  it('keeps pointing at the original a workspace-scope entry that is not a link into the repository', () => {
    const steps = planNodeModules(repo, scratch, [
      {
        dir: 'node_modules',
        entries: [
          { name: '@iodm-northbound/outside', symlink: '../../../elsewhere/outside' },
          { name: '@iodm-northbound/absolute', symlink: '/opt/absolute' },
          { name: '@iodm-northbound/installed' },
        ],
      },
    ]);
    expect(steps.filter((step) => step.kind === 'symlink')).toEqual([
      { kind: 'symlink', path: '/tmp/scratch/node_modules/@iodm-northbound/outside', target: '/repo/node_modules/@iodm-northbound/outside' },
      { kind: 'symlink', path: '/tmp/scratch/node_modules/@iodm-northbound/absolute', target: '/repo/node_modules/@iodm-northbound/absolute' },
      { kind: 'symlink', path: '/tmp/scratch/node_modules/@iodm-northbound/installed', target: '/repo/node_modules/@iodm-northbound/installed' },
    ]);
  });
});

describe('isCopied', () => {
  it.each([
    ['openapi/openapi.yaml', true],
    ['packages/spec/src/generated/facts.ts', true],
    ['packages/spec/dist/openapi.json', false],
    ['node_modules/yaml/package.json', false],
    ['tools/x/node_modules/a/index.js', false],
    ['packages/cli/src/distance.ts', true],
  ])('%s: %s', (file, copied) => {
    expect(isCopied(file)).toBe(copied);
  });
});
