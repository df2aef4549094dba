import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import spec from '@iodm-northbound/spec';
// @ts-expect-error -- plain ESM build script without declarations.
import { repoRoot } from '../scripts/bundle.mjs';

describe('openapi/CHANGELOG.md', () => {
  it('has a dated Keep a Changelog entry for the version the bundled spec declares', async () => {
    const changelog = await readFile(join(repoRoot, 'openapi', 'CHANGELOG.md'), 'utf8');
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\] - (\d{4}-\d{2}-\d{2})$/gm)].map((match) => match[1]);
    expect(headings.length).toBeGreaterThan(0);
    // The newest entry comes first and is the version the spec says it is.
    expect(headings[0]).toBe(spec.info.version);
  });
});
