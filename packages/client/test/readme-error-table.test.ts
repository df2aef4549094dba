// The README's error table is how users learn what to catch: every error class the package
// exports (main entry and ./redis) has a row, and no row names a class that is not exported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as client from '../src/index.js';
import * as redis from '../src/redis/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function exportedErrorClasses(): string[] {
  const exported: Record<string, unknown> = { ...client, ...redis };
  return Object.entries(exported)
    .filter(([, value]) => typeof value === 'function' && (value === Error || value.prototype instanceof Error))
    .map(([name]) => name)
    .sort();
}

/** The first column of the table headed `| class | when |`: each row's class name. */
function errorTableClasses(): string[] {
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| class | when |'));
  expect(header, 'README has a table headed "| class | when |"').toBeGreaterThan(-1);
  const rows = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(/^\| `(\w+)`/.exec(line)?.[1] ?? line);
  }
  return rows.sort();
}

describe('README error table', () => {
  it('has one row per exported error class, and no other', () => {
    const classes = exportedErrorClasses();
    expect(classes).toContain('RateLimitTimeoutError');
    expect(errorTableClasses()).toEqual(classes);
  });

  it('says for each row whether it is retried and which fields it sets', () => {
    const lines = readme.split('\n');
    const header = lines.findIndex((line) => line.startsWith('| class | when |'));
    expect(lines[header]).toBe('| class | when | status / `errorCode` | retried | fields it sets (besides `operation`, `message`) |');
    for (const line of lines.slice(header + 2)) {
      if (!line.startsWith('|')) break;
      const cells = line.split(' | ');
      expect(cells, line).toHaveLength(5);
      expect(cells.every((cell) => cell.replace(/\|/g, '').trim() !== ''), line).toBe(true);
    }
  });
});
