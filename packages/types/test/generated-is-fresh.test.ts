import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without declarations; it is the generator itself.
import { generatedPath, renderTypes } from '../scripts/generate.mjs';

describe('generated types', () => {
  it('match what openapi-typescript makes of the spec today (run `npm run generate` if not)', async () => {
    const committed = await readFile(generatedPath, 'utf8');
    const fresh: string = await renderTypes();
    expect(committed === fresh, 'src/generated/openapi.ts is stale: run `npm run generate` and commit it').toBe(true);
  });
});
