// Finds the Keep a Changelog entry of one version: `## [1.2.0] - 2026-11-25` followed by at
// least one line of content before the next `## ` heading.

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
    return { ok: false, problem: `The entry \`${heading}\` in \`${changelogPath}\` needs a date: \`## [${version}] - YYYY-MM-DD\`.` };
  }
  const body = [];
  for (const line of lines.slice(headingIndex + 1)) {
    if (/^## /.test(line)) break;
    if (line.trim() !== '') body.push(line);
  }
  if (body.length === 0) {
    return { ok: false, problem: `The entry \`${heading}\` in \`${changelogPath}\` is empty: say what changed.` };
  }
  return { ok: true, heading };
}

function headingVersion(line: string): string | undefined {
  return /^##\s+\[([^\]]+)\]/.exec(line.trim())?.[1];
}
