import { describe, expect, it } from 'vitest';
import { withReleaseEntry } from '../src/changelog-release.js';

const changelog = `# Changelog

Policy text.

## [Unreleased]

### Added

- Waiting line one,
  continued.

### Fixed

- A waiting fix.

## [2.0.0] - 2026-11-25

### Added

- Old.
`;

describe('withReleaseEntry', () => {
  it('turns [Unreleased] into the dated entry with the new lines first, and leaves it empty on top', () => {
    expect(withReleaseEntry(changelog, '3.0.0', '2026-12-05', { Breaking: ['Broke a thing.'], Added: ['A new thing.'] })).toBe(`# Changelog

Policy text.

## [Unreleased]

## [3.0.0] - 2026-12-05

### Breaking

- Broke a thing.

### Added

- A new thing.
- Waiting line one,
  continued.

### Fixed

- A waiting fix.

## [2.0.0] - 2026-11-25

### Added

- Old.
`);
  });

  it('refuses a changelog without [Unreleased], and subsections a release cannot list', () => {
    expect(() => withReleaseEntry('# Changelog\n', '1.0.0', '2026-01-01', {})).toThrow(/no "## \[Unreleased\]" heading/);
    expect(() => withReleaseEntry('## [Unreleased]\n\n### Deprecated\n\n- x\n', '1.0.0', '2026-01-01', {})).toThrow(/Deprecated/);
  });
});
