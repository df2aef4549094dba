// Lints documents with the real ruleset, loaded the way the Spectral CLI loads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import spectralCore, { type ISpectralDiagnostic, type Ruleset } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import { fetch } from '@stoplight/spectral-runtime';

const { Document, Spectral } = spectralCore;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const rootRuleset = path.join(repoRoot, '.spectral.yaml');
export const specFile = path.join(repoRoot, 'openapi', 'openapi.yaml');
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

let loaded: Promise<Ruleset> | undefined;

/**
 * The root .spectral.yaml (our ruleset plus its overrides), bundled once per test file with the
 * plugins the CLI adds: builtins (functions share this process's Spectral) and commonjs (the
 * OWASP ruleset ships as CommonJS).
 */
export function loadRuleset(): Promise<Ruleset> {
  loaded ??= bundleAndLoadRuleset(rootRuleset, { fs, fetch }, [builtins(), commonjs()]);
  return loaded;
}

/** Lints one file (and every file it $refs) with a fresh Spectral, so no resolver cache is shared. */
export async function lintFile(file: string): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset());
  const document = new Document(fs.readFileSync(file, 'utf8'), Yaml, file);
  return spectral.run(document);
}

/** A finding as "<rule> at <path> in <file relative to the repo>", easy to read in a failed assertion. */
export function describeFinding(finding: ISpectralDiagnostic): string {
  const source = finding.source === undefined ? '?' : path.relative(repoRoot, finding.source);
  return `${String(finding.code)} at ${finding.path.join('.') || '(file root)'} in ${source}: ${finding.message}`;
}
