import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import spec from '@iodm-northbound/spec';
// @ts-expect-error -- plain ESM build script without declarations.
import { repoRoot } from '../scripts/bundle.mjs';

// The recording policy is at the top of openapi/CHANGELOG.md: non-breaking changes wait under
// `## [Unreleased]`, a release turns them into a dated entry and sets info.version to it.
interface Section {
  heading: string;
  /** Lines up to the next `## ` heading. */
  body: string[];
}

function sections(changelog: string): Section[] {
  const result: Section[] = [];
  for (const line of changelog.split(/\r?\n/)) {
    if (line.startsWith('## ')) result.push({ heading: line, body: [] });
    else result.at(-1)?.body.push(line);
  }
  return result.filter((section) => section.heading.startsWith('## ['));
}

const datedHeading = /^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$/;

describe('openapi/CHANGELOG.md', () => {
  let entries: Section[] = [];
  beforeAll(async () => {
    entries = sections(await readFile(join(repoRoot, 'openapi', 'CHANGELOG.md'), 'utf8'));
  });

  it('starts with one `## [Unreleased]` section, then only dated `## [X.Y.Z] - YYYY-MM-DD` entries', () => {
    expect(entries[0]?.heading).toBe('## [Unreleased]');
    const rest = entries.slice(1);
    expect(rest.length).toBeGreaterThan(0);
    for (const entry of rest) expect(entry.heading).toMatch(datedHeading);
  });

  it('has the newest dated entry for the version the bundled spec declares', () => {
    expect(entries[1]?.heading).toMatch(new RegExp(`^## \\[${spec.info.version.replaceAll('.', '\\.')}\\] - `));
  });

  it('lists releases newest first, each saying what changed', () => {
    const dated = entries.slice(1).map((entry) => {
      const [, major, minor, patch, date] = datedHeading.exec(entry.heading) ?? [];
      return { key: [Number(major), Number(minor), Number(patch)], date: date ?? '', body: entry.body };
    });
    for (const [index, entry] of dated.entries()) {
      expect(entry.body.some((line) => line.trim().startsWith('- ')), `${entry.key.join('.')} has no bullet line`).toBe(true);
      const older = dated[index + 1];
      if (older === undefined) continue;
      const newer = entry.key.findIndex((part, at) => part !== older.key[at]);
      expect((entry.key[newer] ?? 0) > (older.key[newer] ?? 0), `${entry.key.join('.')} above ${older.key.join('.')}`).toBe(true);
      expect(entry.date >= older.date).toBe(true);
    }
  });

  it('keeps breaking changes out of `[Unreleased]`: a breaking change is a major release', () => {
    const unreleased = entries.find((entry) => entry.heading === '## [Unreleased]');
    expect(unreleased).toBeDefined();
    const subheadings = (unreleased?.body ?? []).filter((line) => line.startsWith('### '));
    for (const subheading of subheadings) expect(['### Added', '### Changed', '### Removed', '### Fixed']).toContain(subheading);
  });
});
