// The breaking-change gate: bundle the spec at the base ref and in the working tree, judge the
// pair (judge.ts) and render the Markdown report.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { loadRegisteredPacts } from '@iodm-northbound/consumer-contracts';
import { SpecDiffInputError } from './errors.js';
import { type Judgement, judge } from './judge.js';
import { readConfinedFile } from './confined-load.js';
import { prepareSecondOpinion, type SecondOpinionLimits } from './openapi-diff.js';
import { renderReport } from './report.js';
import { bundleSpec, extractSpecAtCommit, findRepoRoot, type JsonObject, readFileAtCommit, resolveCommit } from './sources.js';

export interface SpecDiffOptions {
  /** Any directory inside the repository. */
  cwd: string;
  /** The git ref to compare the working tree with: a branch, tag or commit. */
  base: string;
  /** The spec's entry file, relative to the repository root. */
  specPath?: string;
  /** The spec's changelog, relative to the repository root (default: CHANGELOG.md beside the spec). */
  changelogPath?: string;
  /** Time and memory openapi-diff may take (default: defaultSecondOpinionLimits). */
  secondOpinionLimits?: SecondOpinionLimits;
}

export interface SpecDiffResult extends Judgement {
  markdown: string;
}

export async function runSpecDiff(options: SpecDiffOptions): Promise<SpecDiffResult> {
  const specPath = normalizeRelative(options.specPath ?? 'openapi/openapi.yaml', '--spec');
  const changelogPath = normalizeRelative(options.changelogPath ?? posix.join(posix.dirname(specPath), 'CHANGELOG.md'), '--changelog');
  prepareSecondOpinion(options.secondOpinionLimits);
  const repoRoot = await findRepoRoot(options.cwd);
  const commit = await resolveCommit(repoRoot, options.base);

  const extracted = await extractSpecAtCommit(repoRoot, commit, specPath);
  let before: JsonObject;
  try {
    before = await bundleSpec(extracted.specFile, `${specPath} at ${options.base}`);
  } finally {
    await rm(extracted.cleanupDir, { recursive: true, force: true });
  }
  const after = await bundleSpec(join(repoRoot, ...specPath.split('/')), `${specPath} in the working tree`);
  const changelog = readConfinedFile(join(repoRoot, ...changelogPath.split('/')), `${changelogPath} in the working tree`);
  const baseChangelog = await readFileAtCommit(repoRoot, commit, changelogPath);

  const { secondOpinionLimits } = options;
  // The consumer contracts of the working tree: a pull request may update a pact with the spec.
  const consumersDir = join(repoRoot, 'consumers');
  const consumers = existsSync(consumersDir) ? { consumers: loadRegisteredPacts(consumersDir) } : {};
  const judgement = await judge({ before, after, changelog, baseChangelog, changelogPath, ...(secondOpinionLimits ? { secondOpinionLimits } : {}), ...consumers });
  const markdown = renderReport({ ...judgement, base: options.base, commit, specPath, changelogPath });
  return { ...judgement, markdown };
}

function normalizeRelative(path: string, option: string): string {
  const normalized = posix.normalize(path.replaceAll('\\', '/'));
  if (normalized.startsWith('/') || normalized.startsWith('../') || normalized === '..') {
    throw new SpecDiffInputError('USAGE', `${option} ${path}: give a path relative to the repository root, inside it.`);
  }
  return normalized.replace(/^\.\//, '');
}
