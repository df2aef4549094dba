// Reads both sides of the comparison: the spec at a git ref (its whole directory, since the spec
// is split over many files) and the spec in the working tree, each bundled into one document.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { bundle, createConfig } from '@redocly/openapi-core';
import { assertInternalRefs, ConfinedResolver, type JsonObject, loadConfinedSpec } from './confined-load.js';
import { SpecDiffInputError } from './errors.js';

const execFileAsync = promisify(execFile);

export type { JsonObject };

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
    throw new SpecDiffInputError(
      'UNKNOWN_REF',
      `--base ${ref}: no such commit in ${repoRoot} (fetch it first, e.g. \`git fetch origin main\`).`,
      { cause: error }
    );
  }
}

/** A text file as it is at `commit`, or undefined when it does not exist there. */
export async function readFileAtCommit(repoRoot: string, commit: string, relativePath: string): Promise<string | undefined> {
  const listing = (await git(repoRoot, ['ls-tree', '-z', commit, '--', relativePath])).toString('utf8');
  const id = /^\d+ blob ([0-9a-f]+)\t/.exec(listing)?.[1];
  if (id === undefined) return undefined;
  const [blob] = await readBlobs(repoRoot, [id]);
  return blob?.toString('utf8');
}

/**
 * Writes the spec's directory as it is at `commit` into a new temporary directory and returns
 * the path of the spec file inside it. The caller removes `cleanupDir`. Two git processes in all
 * (`ls-tree`, then `cat-file --batch` for every blob), not one per file.
 */
export async function extractSpecAtCommit(
  repoRoot: string,
  commit: string,
  specRelativePath: string
): Promise<{ specFile: string; cleanupDir: string }> {
  const specDir = posix.dirname(specRelativePath);
  const listing = (await git(repoRoot, ['ls-tree', '-r', '-z', commit, '--', specDir === '.' ? '.' : `${specDir}/`])).toString('utf8');
  // Each entry: `<mode> blob <object id>\t<path>`.
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ id: match[1] as string, file: match[2] as string }));
  if (!entries.some((entry) => entry.file === specRelativePath)) {
    throw new SpecDiffInputError(
      'SPEC_NOT_FOUND',
      `${specRelativePath} does not exist at ${commit.slice(0, 12)}: nothing to compare against.`
    );
  }
  const blobs = await readBlobs(
    repoRoot,
    entries.map((entry) => entry.id)
  );
  const cleanupDir = await mkdtemp(join(tmpdir(), 'spec-diff-base-'));
  try {
    for (const [index, entry] of entries.entries()) {
      const target = join(cleanupDir, ...entry.file.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, blobs[index] as Buffer);
    }
  } catch (error) {
    await rm(cleanupDir, { recursive: true, force: true });
    throw error;
  }
  return { specFile: join(cleanupDir, ...specRelativePath.split('/')), cleanupDir };
}

/** The contents of the given blobs, in order, from one `git cat-file --batch`. */
async function readBlobs(repoRoot: string, ids: string[]): Promise<Buffer[]> {
  const output = await new Promise<Buffer>((resolve, reject) => {
    const child = execFile(
      'git',
      ['cat-file', '--batch'],
      { cwd: repoRoot, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(stdout);
      }
    );
    child.stdin?.end(`${ids.join('\n')}\n`);
  });
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const id of ids) {
    // Header: `<id> blob <size>\n`, then the content and a newline.
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
    if (!Number.isInteger(size)) throw new SpecDiffInputError('SPEC_NOT_FOUND', `git could not read ${id}: ${header}`);
    blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return blobs;
}

/**
 * Bundles a multi-file spec into one document with internal `#/components/...` refs only. The
 * bundler sees only the files loadConfinedSpec admitted: nothing outside the spec's folder, no URL.
 */
export async function bundleSpec(specFile: string, label: string): Promise<JsonObject> {
  const spec = await loadConfinedSpec(specFile, label);
  const config = await createConfig({});
  const result = await bundle({ ref: spec.rootFile, config, externalRefResolver: new ConfinedResolver(spec, label) });
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
    throw new SpecDiffInputError(
      'SPEC_INVALID',
      `${label}: ${specFile} is not an OpenAPI 3.x document (openapi: ${JSON.stringify(document.openapi)?.slice(0, 40)}).`
    );
  }
  assertInternalRefs(document, label);
  return document;
}
