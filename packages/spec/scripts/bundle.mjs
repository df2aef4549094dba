// Bundles the hand-written multi-file spec in openapi/ into one YAML and one JSON file with the
// Redocly CLI. The package's build and its freshness test both call bundleSpec, so "the dist
// files equal a fresh bundle" compares like with like.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sourceSpecPath = join(repoRoot, 'openapi', 'openapi.yaml');
export const redoclyConfigPath = join(repoRoot, 'redocly.yaml');
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const redoclyCli = require.resolve('@redocly/cli/bin/cli.js');
/** Bundling never takes long on a spec it can read; a hostile one must not hold the build. */
const bundleTimeLimitMs = 120_000;

/** Writes `openapi.yaml` and `openapi.json` into outDir; rejects with Redocly's output when bundling fails. */
export async function bundleSpec(outDir) {
  await mkdir(outDir, { recursive: true });
  for (const ext of ['yaml', 'json']) {
    const args = [redoclyCli, 'bundle', sourceSpecPath, '--config', redoclyConfigPath, '--ext', ext, '-o', join(outDir, `openapi.${ext}`)];
    try {
      await run(process.execPath, args, { cwd: repoRoot, timeout: bundleTimeLimitMs, killSignal: 'SIGKILL' });
    } catch (error) {
      if (error.killed) throw new Error(`redocly bundle (${ext}) did not finish within ${bundleTimeLimitMs / 1000} s and was stopped.`);
      throw new Error(`redocly bundle (${ext}) failed:\n${error.stderr || error.message}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleSpec(distDir);
  console.log(`bundled ${sourceSpecPath} into ${distDir}openapi.{yaml,json}`);
}
