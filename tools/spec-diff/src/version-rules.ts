// The version and changelog policy of openapi/CHANGELOG.md as a table: one row per rule, each
// saying when it applies (the step `info.version` took) and what it requires. A rule either
// records what it found in order (a ✅ line) or names a problem with the exit code it causes.
import { bulletLines, checkChangelogEntry, contentLines, unreleasedLines } from './changelog.js';
import { code, versionText } from './findings.js';
import type { SemanticVersion } from './version.js';

/** How `info.version` moved from the base to the head. */
export type VersionStep = 'head-not-semver' | 'base-not-semver' | 'down' | 'same' | 'up' | 'up-major';

export interface VersionContext {
  base: string;
  head: string;
  baseVersion: SemanticVersion | undefined;
  headVersion: SemanticVersion | undefined;
  step: VersionStep;
  breaking: boolean;
  /** The changelog in the working tree and at the base ref; undefined when the file does not exist. */
  changelog: string | undefined;
  baseChangelog: string | undefined;
  changelogPath: string;
}

export interface VersionProblem {
  rule: string;
  /** The report marks the `info.version` line ❌ for a version problem; changelog problems have their own lines. */
  subject: 'version' | 'changelog';
  exitCode: 1 | 2;
  /** One sentence of Markdown. */
  text: string;
}

type RuleOutcome = { ok: string } | { problem: string } | undefined;

export interface VersionRule {
  id: string;
  subject: VersionProblem['subject'];
  exitCode: VersionProblem['exitCode'];
  /** Undefined when the rule does not apply to this change. */
  check(context: VersionContext): RuleOutcome;
}

/** A release: the version went up, or the base had none to compare with. */
const released = (step: VersionStep) => step === 'up' || step === 'up-major' || step === 'base-not-semver';
const strayLimit = 5;

export const versionRules: VersionRule[] = [
  {
    id: 'version-is-semver',
    subject: 'version',
    exitCode: 2,
    check: ({ step, head }) =>
      step === 'head-not-semver'
        ? { problem: `\`info.version\` ${code(head)} is not a semantic version (MAJOR.MINOR.PATCH).` }
        : undefined,
  },
  {
    id: 'breaking-needs-major-bump',
    subject: 'version',
    exitCode: 1,
    check: ({ breaking, step, base, head, baseVersion }) => {
      if (!breaking || step === 'up-major') return undefined;
      if (baseVersion === undefined) {
        return {
          problem: `Breaking changes need a major version bump, but the base \`info.version\` ${code(base)} is not a semantic version to compare with.`,
        };
      }
      return {
        problem: `Breaking changes need a major version bump: \`info.version\` ${versionText(base)} → ${versionText(head)}, expected ${baseVersion.major + 1}.0.0.`,
      };
    },
  },
  {
    id: 'version-not-lower',
    subject: 'version',
    exitCode: 2,
    check: ({ step, base, head }) =>
      step === 'down' ? { problem: `\`info.version\` went down (${base} → ${head}): a version is never taken back.` } : undefined,
  },
  {
    id: 'unreleased-records-change',
    subject: 'changelog',
    exitCode: 2,
    check: ({ step, breaking, base, changelog, baseChangelog, changelogPath }) => {
      // A breaking change is a release (the rule above), so there is nothing to record here.
      if (step !== 'same' || breaking) return undefined;
      const before = new Set(bulletLines(unreleasedLines(baseChangelog)));
      const added = bulletLines(unreleasedLines(changelog)).filter((line) => !before.has(line));
      if (added.length > 0) {
        return { ok: `${code(changelogPath)} records it under \`## [Unreleased]\` (${plural(added.length, 'new line')})` };
      }
      return {
        problem:
          `The spec changed and \`info.version\` stayed ${versionText(base)}: record it under \`## [Unreleased]\` in ${code(changelogPath)} ` +
          `(a bullet line the base does not have), or release it (${nextVersions(base)}).`,
      };
    },
  },
  {
    id: 'release-has-dated-entry',
    subject: 'changelog',
    exitCode: 2,
    check: ({ step, head, changelog, changelogPath }) => {
      if (!released(step)) return undefined;
      const entry = checkChangelogEntry(changelog, head, changelogPath);
      return entry.ok ? { ok: `${code(changelogPath)} has the entry ${code(entry.heading)}` } : { problem: entry.problem };
    },
  },
  {
    id: 'release-empties-unreleased',
    subject: 'changelog',
    exitCode: 2,
    check: ({ step, head, changelog, changelogPath }) => {
      if (!released(step)) return undefined;
      const stray = contentLines(unreleasedLines(changelog));
      if (stray.length === 0) return undefined;
      const named = stray.slice(0, strayLimit).map((line) => code(line.trim()));
      const more = stray.length > strayLimit ? `, and ${stray.length - strayLimit} more` : '';
      return {
        problem:
          `\`## [Unreleased]\` in ${code(changelogPath)} still has ${plural(stray.length, 'line')} after the release of ${versionText(head)}: ` +
          `move ${stray.length === 1 ? 'it' : 'them'} into \`## [${head}]\` (${named.join('; ')}${more}).`,
      };
    },
  },
];

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function nextVersions(base: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(base);
  if (!match) return 'to a semantic version';
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  return `${major}.${minor}.${patch + 1} for a fix, ${major}.${minor + 1}.0 for an addition`;
}
