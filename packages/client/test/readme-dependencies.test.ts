// The README's "Runtime dependencies" entry is what a user installs and audits: it names every
// package of package.json's dependencies and peerDependencies, and no other.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };

/** The README's list entry that starts `- Runtime dependencies:`, up to the next entry or blank line. */
function dependencyEntry(): string {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.startsWith('- Runtime dependencies:'));
  expect(start, 'README has a "- Runtime dependencies:" entry').toBeGreaterThan(-1);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.trim() === '' || line.startsWith('- '));
  return [lines[start], ...rest.slice(0, end === -1 ? rest.length : end)].join(' ');
}

it('the README names every runtime and peer dependency of package.json, and no other package', () => {
  const named = [...dependencyEntry().matchAll(/`([@a-z][\w./@-]*)`/g)].map((match) => match[1]!).filter((name) => !name.startsWith('./'));
  const declared = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
  expect([...new Set(named)].sort()).toEqual(declared.sort());
});
