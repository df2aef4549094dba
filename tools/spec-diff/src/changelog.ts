// Reads the Keep a Changelog file: the entry of one version (`## [1.2.0] - 2026-11-25` followed
// by at least one line of content before the next `## ` heading), and the `## [Unreleased]`
// section where changes wait for the next release.
import { code } from './findings.js';

export type ChangelogCheck = { ok: true; heading: string } | { ok: false; problem: string };

export function checkChangelogEntry(changelog: string | undefined, version: string, changelogPath: string): ChangelogCheck {
  if (changelog === undefined) {
    return { ok: false, problem: `\`${changelogPath}\` does not exist: add it with an entry \`## [${version}] - YYYY-MM-DD\`.` };
  }
  const lines = changelog.split(/\r?\n/);
  const headingIndex = lines.findIndex((line) => headingVersion(line) === version);
  if (headingIndex < 0) {
    return {
      ok: false,
      problem: `\`${changelogPath}\` has no entry for ${version}: add \`## [${version}] - YYYY-MM-DD\` with what changed.`,
    };
  }
  const heading = (lines[headingIndex] ?? '').trim();
  if (!/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}$/.test(heading)) {
    return { ok: false, problem: `The entry ${code(heading)} in \`${changelogPath}\` needs a date: \`## [${version}] - YYYY-MM-DD\`.` };
  }
  if (sectionBody(lines, headingIndex).length === 0) {
    return { ok: false, problem: `The entry ${code(heading)} in \`${changelogPath}\` is empty: say what changed.` };
  }
  return { ok: true, heading };
}

/**
 * The non-blank lines of the `## [Unreleased]` section, trimmed at the end; empty when the
 * changelog or the section does not exist (nothing is waiting for a release).
 */
export function unreleasedLines(changelog: string | undefined): string[] {
  if (changelog === undefined) return [];
  const lines = changelog.split(/\r?\n/);
  const headingIndex = lines.findIndex((line) => headingVersion(line)?.toLowerCase() === 'unreleased');
  return headingIndex < 0 ? [] : sectionBody(lines, headingIndex);
}

/** The list items among changelog lines (`- `, `* ` or `+ ` at any indent), trimmed. */
export function bulletLines(lines: string[]): string[] {
  return lines.map((line) => line.trim()).filter((line) => /^[-*+]\s+\S/.test(line));
}

/** What a section says, not how it is laid out: lines other than blanks and `###` subheadings. */
export function contentLines(lines: string[]): string[] {
  return lines.filter((line) => !/^#{3,}\s/.test(line.trim()));
}

function sectionBody(lines: string[], headingIndex: number): string[] {
  const body: string[] = [];
  for (const line of lines.slice(headingIndex + 1)) {
    if (/^## /.test(line)) break;
    if (line.trim() !== '') body.push(line.trimEnd());
  }
  return body;
}

function headingVersion(line: string): string | undefined {
  return /^##\s+\[([^\]]+)\]/.exec(line.trim())?.[1];
}
