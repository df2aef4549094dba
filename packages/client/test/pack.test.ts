// What the tarball holds, from `npm pack --dry-run` (the file list `npm publish` would ship; no
// install needed). A consumer compiling and running against the installed tarball is
// tools/package-check's release tier (test/release/client-consumer.test.ts).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL('..', import.meta.url));

// The npm_* variables of an enclosing `npm run` would point the nested npm at this workspace.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));

let packed: string[];
// npm packs package.json as it is: the manifest a consumer gets.
let manifest: {
  type: string;
  exports: unknown;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

beforeAll(async () => {
  // The build is the test's input (turbo builds before it tests).
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: clientDir, env: npmEnv, maxBuffer: 16 * 1024 * 1024 });
  packed = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
  manifest = JSON.parse(await readFile(join(clientDir, 'package.json'), 'utf8'));
}, 120_000);

describe('the packed client', () => {
  it('ships only dist, src (the sources its maps name), README, LICENSE and package.json, with ESM, .d.ts and an exports map', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.exports).toEqual({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './redis': { types: './dist/redis/index.d.ts', default: './dist/redis/index.js' },
      './package.json': './package.json',
    });
    expect([...new Set(packed.map((path) => path.split('/')[0]))].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json', 'src']);
    expect(packed).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/client.js', 'dist/client.d.ts']));
  });

  it('imports nothing at runtime that package.json does not declare', async () => {
    // ioredis, for the ./redis subpath only: an optional peer dependency.
    expect(manifest.peerDependenciesMeta).toEqual({ ioredis: { optional: true } });
    const imported = new Set<string>();
    for (const file of packed.filter((path) => /^dist\/.*\.(js|d\.ts)$/.test(path))) {
      const source = await readFile(join(clientDir, file), 'utf8');
      for (const match of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1]!;
        if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect([...imported].sort()).toEqual([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)].sort());
  });
});
