// Semantic Versioning 2.0.0 parsing and precedence, just what the gate needs: is one version
// greater than another, and is its major number greater.

export interface SemanticVersion {
  major: number;
  minor: number;
  patch: number;
  prerelease: Array<string | number>;
  text: string;
}

// The official SemVer 2.0.0 pattern (semver.org), in parts.
const core = '(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)';
const identifier = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const prerelease = `(?:-(${identifier}(?:\\.${identifier})*))?`;
const build = '(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?';
const semverPattern = new RegExp(`^${core}${prerelease}${build}$`);

/** Parses `MAJOR.MINOR.PATCH[-prerelease][+build]`; returns undefined for anything else. */
export function parseVersion(text: string): SemanticVersion | undefined {
  const match = semverPattern.exec(text);
  if (!match) return undefined;
  const prerelease = match[4] ? match[4].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease, text };
}

/** Negative when a < b, 0 when equal in precedence (build metadata ignored), positive when a > b. */
export function compareVersions(a: SemanticVersion, b: SemanticVersion): number {
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (a[key] !== b[key]) return a[key] - b[key];
  }
  // A version without a prerelease ranks above the same version with one.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  for (let index = 0; index < Math.max(a.prerelease.length, b.prerelease.length); index += 1) {
    const left = a.prerelease[index];
    const right = b.prerelease[index];
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    if (left === right) continue;
    if (typeof left === 'number' && typeof right === 'number') return left - right;
    if (typeof left === 'number') return -1;
    if (typeof right === 'number') return 1;
    return left < right ? -1 : 1;
  }
  return 0;
}
