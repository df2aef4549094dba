// Every publishable package, packed as `npm publish` would, passes publint and attw with nothing
// to report (src/check-packages.mjs); turbo.json makes this task wait for every package's build.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackages, repoRoot } from '../src/check-packages.mjs';

interface PackageResult {
  name: string;
  files: string[];
  findings: string[];
}

describe('publishable packages', () => {
  it('every non-private package packs clean under publint and attw (esm-only)', async () => {
    const packagesDir = join(repoRoot, 'packages');
    const publishable: string[] = [];
    for (const entry of await readdir(packagesDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const manifest = JSON.parse(await readFile(join(packagesDir, entry.name, 'package.json'), 'utf8'));
      if (manifest.private !== true) publishable.push(manifest.name);
    }
    const results: PackageResult[] = await checkPackages(packagesDir);
    expect(results.map((result) => result.name).sort()).toEqual(publishable.sort());
    expect(publishable).toContain('@iodm-northbound/spec');
    expect(Object.fromEntries(results.map((result) => [result.name, result.findings]))).toEqual(Object.fromEntries(publishable.map((name) => [name, []])));
    const spec = results.find((result) => result.name === '@iodm-northbound/spec');
    expect(spec?.files).toEqual(expect.arrayContaining(['README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/openapi.json', 'dist/openapi.yaml']));
  }, 180_000);

  it('reports what a badly packaged one gets wrong', async () => {
    const packagesDir = await mkdtemp(join(tmpdir(), 'check-packages-fixture-'));
    try {
      const dir = join(packagesDir, 'broken');
      await mkdir(join(dir, 'dist'), { recursive: true });
      await writeFile(join(dir, 'dist', 'index.js'), 'export const answer = 42;\n//# sourceMappingURL=index.js.map\n');
      // A map naming a source the tarball does not carry (no src/ in "files").
      await writeFile(join(dir, 'dist', 'index.js.map'), JSON.stringify({ version: 3, file: 'index.js', sources: ['../src/index.ts'], mappings: '' }));
      // No README, license, repository or types; "main" points at a file that is not there.
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: '@fixture/broken', version: '1.0.0', type: 'module', main: './dist/main.js', exports: { '.': './dist/index.js' }, files: ['dist'] }));
      const [broken]: PackageResult[] = await checkPackages(packagesDir);
      const findings = broken?.findings.join('\n') ?? '';
      expect(findings).toContain('metadata: no README in the tarball');
      expect(findings).toContain('metadata: no "license"');
      expect(findings).toContain('metadata: scoped, but no "publishConfig": { "access": "public" }');
      expect(findings).toContain('"exports" . is JavaScript without a "types" condition');
      expect(findings).toMatch(/publint error: .*main.*does not exist/i);
      expect(findings).toContain('attw: the package ships no type declarations');
      expect(findings).toContain('source map dist/index.js.map names files the tarball lacks: src/index.ts');
      expect(findings).toContain('metadata: "engines.node" is undefined, but CI tests');
    } finally {
      await rm(packagesDir, { recursive: true, force: true });
    }
  }, 60_000);
});
