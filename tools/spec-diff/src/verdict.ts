// The version gate and the exit codes. What the policy requires is the table in
// version-rules.ts; this file works out how `info.version` moved and runs the table.
import type { Finding } from './findings.js';
import type { JsonObject } from './sources.js';
import { compareVersions, parseVersion } from './version.js';
import { type VersionContext, type VersionProblem, type VersionStep, versionRules } from './version-rules.js';

export const exitCodes = {
  pass: 0,
  breakingWithoutMajorBump: 1,
  versionOrChangelogMissing: 2,
  couldNotRun: 3,
} as const;

export type VerdictCode = 0 | 1 | 2;

export interface VersionCheck {
  base: string;
  head: string;
  /** The major number went up, which lets breaking changes through. */
  majorBump: boolean;
  /** What stops the gate, each with the rule and exit code behind it. */
  problems: VersionProblem[];
  /** What the rules found in order, one Markdown line each (the changelog entry, the new [Unreleased] lines). */
  confirmations: string[];
}

export interface VersionInput {
  before: JsonObject;
  after: JsonObject;
  specChanged: boolean;
  findings: Finding[];
  /** The changelog's text in the working tree, undefined when the file does not exist. */
  changelog: string | undefined;
  /** The changelog's text at the base ref, undefined when it did not exist there. */
  baseChangelog: string | undefined;
  changelogPath: string;
}

export function checkVersions(input: VersionInput): VersionCheck {
  const { before, after, specChanged, findings, changelog, baseChangelog, changelogPath } = input;
  const base = String((before.info as JsonObject | undefined)?.version ?? '');
  const head = String((after.info as JsonObject | undefined)?.version ?? '');
  const baseVersion = parseVersion(base);
  const headVersion = parseVersion(head);
  const step = versionStep(baseVersion, headVersion);
  const check: VersionCheck = { base, head, majorBump: step === 'up-major', problems: [], confirmations: [] };
  if (!specChanged) return check;
  const breaking = findings.some((finding) => finding.severity === 'breaking');
  const context: VersionContext = { base, head, baseVersion, headVersion, step, breaking, changelog, baseChangelog, changelogPath };
  for (const rule of versionRules) {
    const outcome = rule.check(context);
    if (outcome === undefined) continue;
    if ('ok' in outcome) check.confirmations.push(outcome.ok);
    else check.problems.push({ rule: rule.id, subject: rule.subject, exitCode: rule.exitCode, text: outcome.problem });
  }
  return check;
}

/** The lowest non-zero exit code any problem causes: a breaking change without a major bump wins. */
export function verdictCode(versions: VersionCheck): VerdictCode {
  if (versions.problems.length === 0) return exitCodes.pass;
  return Math.min(...versions.problems.map((problem) => problem.exitCode)) as VerdictCode;
}

function versionStep(base: ReturnType<typeof parseVersion>, head: ReturnType<typeof parseVersion>): VersionStep {
  if (head === undefined) return 'head-not-semver';
  if (base === undefined) return 'base-not-semver';
  const order = compareVersions(head, base);
  if (order < 0) return 'down';
  if (order === 0) return 'same';
  return head.major > base.major ? 'up-major' : 'up';
}
