// The breaking-change gate: bundle the spec at the base ref and in the working tree, collect the
// findings of openapi-diff and of the field-level checks, check the version bump and the
// changelog entry, and render the Markdown report with its exit code.
import { readFile, rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkChangelogEntry } from './changelog.js';
import { compareDocuments, uncoveredChanges } from './compare.js';
import type { Finding } from './findings.js';
import { bodyScopeCodes, type OpenapiDiffFinding, runOpenapiDiff } from './openapi-diff.js';
import { renderReport } from './report.js';
import { bundleSpec, extractSpecAtCommit, findRepoRoot, type JsonObject, resolveCommit } from './sources.js';
import { compareVersions, parseVersion } from './version.js';
import { SpecDiffInputError } from './errors.js';

export const exitCodes = {
  pass: 0,
  breakingWithoutMajorBump: 1,
  versionOrChangelogMissing: 2,
  couldNotRun: 3,
} as const;

export interface SpecDiffOptions {
  /** Any directory inside the repository. */
  cwd: string;
  /** The git ref to compare the working tree with: a branch, tag or commit. */
  base: string;
  /** The spec's entry file, relative to the repository root. */
  specPath?: string;
  /** The spec's changelog, relative to the repository root (default: CHANGELOG.md beside the spec). */
  changelogPath?: string;
}

export interface VersionCheck {
  base: string;
  head: string;
  /** The major number went up, which lets breaking changes through. */
  majorBump: boolean;
  /** What stops the gate: each is one sentence of Markdown. */
  problems: string[];
  /** The changelog heading found for the new version, when it was found. */
  changelogHeading?: string;
}

export interface SpecDiffResult {
  exitCode: 0 | 1 | 2;
  specChanged: boolean;
  findings: Finding[];
  versions: VersionCheck;
  markdown: string;
}

export async function runSpecDiff(options: SpecDiffOptions): Promise<SpecDiffResult> {
  const specPath = normalizeRelative(options.specPath ?? 'openapi/openapi.yaml', '--spec');
  const changelogPath = normalizeRelative(options.changelogPath ?? posix.join(posix.dirname(specPath), 'CHANGELOG.md'), '--changelog');
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

  const specChanged = !isDeepStrictEqual(before, after);
  const findings = specChanged ? await collectFindings(before, after) : [];
  const changelog = await readFile(join(repoRoot, ...changelogPath.split('/')), 'utf8').catch(() => undefined);
  const versions = checkVersions(before, after, specChanged, findings, changelog, changelogPath);

  const breaking = findings.some((finding) => finding.severity === 'breaking');
  const majorBump = versions.majorBump;
  const exitCode = breaking && !majorBump ? exitCodes.breakingWithoutMajorBump : versions.problems.length > 0 ? exitCodes.versionOrChangelogMissing : exitCodes.pass;
  const markdown = renderReport({ base: options.base, commit, specPath, changelogPath, specChanged, findings, versions, exitCode });
  return { exitCode, specChanged, findings, versions, markdown };
}

async function collectFindings(before: JsonObject, after: JsonObject): Promise<Finding[]> {
  const own = compareDocuments(before, after);
  const library = await runOpenapiDiff(before, after);
  return [...mergeFindings(own.findings, library), ...uncoveredChanges(before, after, own.covered)];
}

/**
 * openapi-diff says "this body changed" where the field-level checks say which field: when both
 * judge a body the same way, the field-level lines stand (marked as confirmed) instead of the
 * generic one. A body verdict no field-level finding explains is kept as it is.
 */
export function mergeFindings(own: Finding[], library: OpenapiDiffFinding[]): Finding[] {
  const merged: Finding[] = own.map((finding) => ({ ...finding }));
  for (const { code, ...finding } of library) {
    if (bodyScopeCodes.has(code)) {
      const explaining = merged.filter((candidate) => candidate.source === 'spec-diff' && candidate.severity === finding.severity && candidate.where === finding.where);
      if (explaining.length > 0) {
        for (const candidate of explaining) candidate.alsoFlaggedByOpenapiDiff = true;
        continue;
      }
      merged.push({ ...finding, detail: 'openapi-diff compared the two schemas as sets of values; no field-level check names the field, so compare the schemas by hand' });
    } else merged.push(finding);
  }
  return merged;
}

function checkVersions(before: JsonObject, after: JsonObject, specChanged: boolean, findings: Finding[], changelog: string | undefined, changelogPath: string): VersionCheck {
  const base = String((before.info as JsonObject | undefined)?.version ?? '');
  const head = String((after.info as JsonObject | undefined)?.version ?? '');
  const check: VersionCheck = { base, head, majorBump: false, problems: [] };
  if (!specChanged) return check;
  const baseVersion = parseVersion(base);
  const headVersion = parseVersion(head);
  if (headVersion === undefined) {
    check.problems.push(`\`info.version\` ${JSON.stringify(head)} is not a semantic version (MAJOR.MINOR.PATCH).`);
  } else if (baseVersion !== undefined) {
    if (compareVersions(headVersion, baseVersion) <= 0) {
      check.problems.push(`The spec changed but \`info.version\` did not go up (${base} → ${head}): bump it (${nextVersions(base)}).`);
    } else if (headVersion.major > baseVersion.major) check.majorBump = true;
    if (findings.some((finding) => finding.severity === 'breaking') && headVersion.major <= baseVersion.major) {
      check.problems.push(`Breaking changes need a major version bump: \`info.version\` ${base} → ${head}, expected ${baseVersion.major + 1}.0.0.`);
    }
  }
  if (baseVersion === undefined && findings.some((finding) => finding.severity === 'breaking')) {
    check.problems.push(`Breaking changes need a major version bump, but the base \`info.version\` ${JSON.stringify(base)} is not a semantic version to compare with.`);
  }
  if (headVersion !== undefined) {
    const entry = checkChangelogEntry(changelog, head, changelogPath);
    if (!entry.ok) check.problems.push(entry.problem);
    else check.changelogHeading = entry.heading;
  }
  return check;
}

function nextVersions(base: string): string {
  const version = parseVersion(base);
  if (version === undefined) return 'to a semantic version';
  const { major, minor, patch } = version;
  return `${major}.${minor}.${patch + 1} for a fix, ${major}.${minor + 1}.0 for an addition, ${major + 1}.0.0 for a breaking change`;
}

function normalizeRelative(path: string, option: string): string {
  const normalized = posix.normalize(path.replaceAll('\\', '/'));
  if (normalized.startsWith('/') || normalized.startsWith('../') || normalized === '..') {
    throw new SpecDiffInputError('USAGE', `${option} ${path}: give a path relative to the repository root, inside it.`);
  }
  return normalized.replace(/^\.\//, '');
}
