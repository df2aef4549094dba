// release:publish sets the published packages' repository.url to the repository the workflow runs
// in (npm provenance requires the match); private packages and every other field stay as they are.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { setRepositoryUrl } from '../src/set-repository-url.mjs';
import { repoRoot } from '../src/tool-projects.mjs';

const dir = await mkdtemp(join(tmpdir(), 'set-repository-url-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

it('sets repository.url of every publishable package, keeping its directory', async () => {
  for (const name of ['client', 'types']) await cp(join(repoRoot, 'packages', name, 'package.json'), join(dir, name, 'package.json'));
  await cp(join(repoRoot, 'tools', 'registry', 'package.json'), join(dir, 'private-tool', 'package.json'));
  const before = await readFile(join(dir, 'private-tool', 'package.json'), 'utf8');

  const changed = await setRepositoryUrl('https://github.com/acme/iodm-northbound/', dir);

  expect(changed.sort()).toEqual(['@iodm-northbound/client', '@iodm-northbound/types']);
  const client = JSON.parse(await readFile(join(dir, 'client', 'package.json'), 'utf8'));
  expect(client.repository).toEqual({ type: 'git', url: 'git+https://github.com/acme/iodm-northbound.git', directory: 'packages/client' });
  expect(client.name).toBe('@iodm-northbound/client');
  expect(await readFile(join(dir, 'private-tool', 'package.json'), 'utf8')).toBe(before);
});
