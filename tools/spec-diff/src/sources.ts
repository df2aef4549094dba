// Reads both sides of the comparison: the spec at a git ref (its whole directory, since the spec
// is split over many files) and the spec in the working tree, each bundled into one document.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { bundle, createConfig } from '@redocly/openapi-core';
import { SpecDiffInputError } from './errors.js';

const execFileAsync = promisify(execFile);

export type JsonObject = { [key: string]: unknown };

async function git(cwd: string, args: string[]): Promise<Buffer> {
  const { stdout } = await execFileAsync('git', args, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function findRepoRoot(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  } catch (error) {
    throw new SpecDiffInputError('NOT_A_GIT_REPOSITORY', `${cwd} is not inside a git repository.`, { cause: error });
  }
}

/** Resolves a ref to a commit id, or fails with a message naming the ref. */
export async function resolveCommit(repoRoot: string, ref: string): Promise<string> {
  try {
    return (await git(repoRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
  } catch (error) {
    throw new SpecDiffInputError('UNKNOWN_REF', `--base ${ref}: no such commit in ${repoRoot} (fetch it first, e.g. \`git fetch origin main\`).`, { cause: error });
  }
}

/**
 * Writes the spec's directory as it is at `commit` into a new temporary directory and returns
 * the path of the spec file inside it. The caller removes `cleanupDir`.
 */
export async function extractSpecAtCommit(repoRoot: string, commit: string, specRelativePath: string): Promise<{ specFile: string; cleanupDir: string }> {
  const specDir = posix.dirname(specRelativePath);
  const listing = (await git(repoRoot, ['ls-tree', '-r', '-z', '--name-only', commit, '--', specDir === '.' ? '.' : `${specDir}/`])).toString('utf8');
  const files = listing.split('\0').filter(Boolean);
  if (!files.includes(specRelativePath)) {
    throw new SpecDiffInputError('SPEC_NOT_FOUND', `${specRelativePath} does not exist at ${commit.slice(0, 12)}: nothing to compare against.`);
  }
  const cleanupDir = await mkdtemp(join(tmpdir(), 'spec-diff-base-'));
  try {
    for (const file of files) {
      const target = join(cleanupDir, ...file.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, await git(repoRoot, ['show', `${commit}:${file}`]));
    }
  } catch (error) {
    await rm(cleanupDir, { recursive: true, force: true });
    throw error;
  }
  return { specFile: join(cleanupDir, ...specRelativePath.split('/')), cleanupDir };
}

/** Bundles a multi-file spec into one document with internal `#/components/...` refs only. */
export async function bundleSpec(specFile: string, label: string): Promise<JsonObject> {
  try {
    await readFile(specFile);
  } catch (error) {
    throw new SpecDiffInputError('SPEC_NOT_FOUND', `${label}: ${specFile} cannot be read.`, { cause: error });
  }
  const config = await createConfig({});
  const result = await bundle({ ref: specFile, config });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((problem) => `  - ${problem.message} (${problem.location[0]?.pointer ?? ''})`);
    throw new SpecDiffInputError('SPEC_INVALID', `${label}: the spec cannot be bundled:\n${lines.join('\n')}`);
  }
  const parsed = result.bundle.parsed as unknown;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SpecDiffInputError('SPEC_INVALID', `${label}: ${specFile} is not an OpenAPI document (not a YAML/JSON object).`);
  }
  const document = parsed as JsonObject;
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.')) {
    throw new SpecDiffInputError('SPEC_INVALID', `${label}: ${specFile} is not an OpenAPI 3.x document (openapi: ${String(document.openapi)}).`);
  }
  return document;
}
