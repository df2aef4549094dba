import { readFile } from 'node:fs/promises';
import * as facts from '@iodm-northbound/spec/facts';
import { platformErrors, platformTimestampPattern } from '@iodm-northbound/spec/facts';
import { platformFacts } from '@iodm-northbound/spec/platform-facts';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without declarations; it is the generator itself.
import { generatedFactsPath, renderFacts } from '../scripts/facts.mjs';

describe('the generated facts module (@iodm-northbound/spec/facts)', () => {
  it('matches what the generator makes of the facts table today (build the spec package if not)', async () => {
    const committed = await readFile(generatedFactsPath, 'utf8');
    const fresh: string = await renderFacts();
    expect(committed === fresh, 'src/generated/facts.ts is stale: build the spec package and commit it').toBe(true);
  });

  it('imports nothing, so importing it reads no file', async () => {
    const source = await readFile(generatedFactsPath, 'utf8');
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it('holds every documented error with its status and wording', () => {
    for (const row of Object.values(platformFacts.operations)) {
      for (const { code, status, desc } of row.errors) {
        const fact: { status: number; desc?: string } | undefined = platformErrors[code as keyof typeof platformErrors];
        expect(fact?.status, code).toBe(status);
        if (desc !== undefined) expect(fact?.desc, code).toBe(desc);
      }
    }
  });

  it('holds only the platform facts: limits, enums and defaults are the constraints table\'s, kept in one place', () => {
    expect(Object.keys(facts).sort()).toEqual(['platformErrors', 'platformTimestampPattern']);
  });

  it('recognises the platform timestamp and nothing else', () => {
    expect(platformTimestampPattern.test('20240101T120000Z')).toBe(true);
    expect(platformTimestampPattern.test('2024-01-01T12:00:00Z')).toBe(false);
  });
});
