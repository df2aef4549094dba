// The release record openapi/CHANGELOG.md's policy asks of a breaking change (its top, and
// tools/spec-diff's gate): `## [Unreleased]` turns into a dated `## [X.Y.Z] - YYYY-MM-DD` entry
// holding what it listed plus this change, and an empty `## [Unreleased]` stays on top.
import { SpecEditError } from './spec-edits.js';

/** The subsections, in the order an entry lists them. */
const KINDS = ['Breaking', 'Added', 'Changed', 'Removed', 'Fixed'] as const;
export type ChangeKind = (typeof KINDS)[number];

const UNRELEASED = '## [Unreleased]';

/** Lines under each `### <kind>` of a section body (blank lines dropped); lines before the first `###` under `''`. */
function subsections(body: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>([['', []]]);
  let current = '';
  for (const line of body) {
    const heading = /^### (.+)$/.exec(line);
    if (heading) {
      current = heading[1]!.trim();
      if (!result.has(current)) result.set(current, []);
    } else if (line.trim() !== '') {
      result.get(current)!.push(line);
    }
  }
  return result;
}

/**
 * The changelog with `## [Unreleased]` released as `version` on `date`: the new entry lists the
 * unreleased lines and `changes` (each a bullet, without its `- `), under the usual subheadings.
 */
export function withReleaseEntry(changelog: string, version: string, date: string, changes: Partial<Record<ChangeKind, readonly string[]>>): string {
  const lines = changelog.split('\n');
  const start = lines.indexOf(UNRELEASED);
  if (start < 0) throw new SpecEditError(`the changelog has no "${UNRELEASED}" heading`);
  const nextHeading = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const end = nextHeading < 0 ? lines.length : nextHeading;
  const unreleased = subsections(lines.slice(start + 1, end));
  const unknown = [...unreleased.keys()].filter((kind) => kind !== '' && !(KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0) throw new SpecEditError(`"${UNRELEASED}" has subsections no release lists: ${unknown.join(', ')}`);

  const entry = [`## [${version}] - ${date}`, ''];
  const lead = unreleased.get('') ?? [];
  if (lead.length > 0) entry.push(...lead, '');
  for (const kind of KINDS) {
    const bullets = [...(changes[kind] ?? []).map((change) => `- ${change}`), ...(unreleased.get(kind) ?? [])];
    if (bullets.length > 0) entry.push(`### ${kind}`, '', ...bullets, '');
  }
  return [...lines.slice(0, start), UNRELEASED, '', ...entry, ...lines.slice(end)].join('\n');
}
