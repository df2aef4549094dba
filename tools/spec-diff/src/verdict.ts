// The version gate and the exit codes: a breaking change needs a major bump of `info.version`;
// any change needs a higher version with its changelog entry.
import { checkChangelogEntry } from './changelog.js';
import type { Finding } from './findings.js';
import type { JsonObject } from './sources.js';
import { compareVersions, parseVersion } from './version.js';

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
  /** What stops the gate: each is one sentence of Markdown. */
  problems: string[];
  /** The changelog heading found for the new version, when it was found. */
  changelogHeading?: string;
}

export interface VersionInput {
  before: JsonObject;
  after: JsonObject;
  specChanged: boolean;
  findings: Finding[];
  /** The changelog's text, undefined when the file does not exist. */
  changelog: string | undefined;
  changelogPath: string;
}

export function checkVersions(input: VersionInput): VersionCheck {
  const { before, after, specChanged, findings, changelog, changelogPath } = input;
  const base = String((before.info as JsonObject | undefined)?.version ?? '');
  const head = String((after.info as JsonObject | undefined)?.version ?? '');
  const check: VersionCheck = { base, head, majorBump: false, problems: [] };
  if (!specChanged) return check;
  const breaking = findings.some((finding) => finding.severity === 'breaking');
  const baseVersion = parseVersion(base);
  const headVersion = parseVersion(head);
  if (headVersion === undefined) {
    check.problems.push(`\`info.version\` ${JSON.stringify(head)} is not a semantic version (MAJOR.MINOR.PATCH).`);
  } else if (baseVersion !== undefined) {
    if (compareVersions(headVersion, baseVersion) <= 0) {
      check.problems.push(`The spec changed but \`info.version\` did not go up (${base} → ${head}): bump it (${nextVersions(base)}).`);
    } else if (headVersion.major > baseVersion.major) check.majorBump = true;
    if (breaking && headVersion.major <= baseVersion.major) {
      check.problems.push(
        `Breaking changes need a major version bump: \`info.version\` ${base} → ${head}, expected ${baseVersion.major + 1}.0.0.`
      );
    }
  }
  if (baseVersion === undefined && breaking) {
    check.problems.push(
      `Breaking changes need a major version bump, but the base \`info.version\` ${JSON.stringify(
        base
      )} is not a semantic version to compare with.`
    );
  }
  if (headVersion !== undefined) {
    const entry = checkChangelogEntry(changelog, head, changelogPath);
    if (!entry.ok) check.problems.push(entry.problem);
    else check.changelogHeading = entry.heading;
  }
  return check;
}

export function verdictCode(findings: Finding[], versions: VersionCheck): VerdictCode {
  const breaking = findings.some((finding) => finding.severity === 'breaking');
  if (breaking && !versions.majorBump) return exitCodes.breakingWithoutMajorBump;
  return versions.problems.length > 0 ? exitCodes.versionOrChangelogMissing : exitCodes.pass;
}

function nextVersions(base: string): string {
  const version = parseVersion(base);
  if (version === undefined) return 'to a semantic version';
  const { major, minor, patch } = version;
  return `${major}.${minor}.${patch + 1} for a fix, ${major}.${minor + 1}.0 for an addition, ${major + 1}.0.0 for a breaking change`;
}
