// The contract suite plugs into the consumer's vitest: its peer range must be exactly the range
// the packed-consumer test (release tier) runs at both ends.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/pack.mjs';
import { peerRangeProblems } from '../src/vitest-peer-range.mjs';

describe('the contract suite takes vitest as a peer', () => {
  it('declares exactly the tested range and no vitest of its own', async () => {
    const manifest = JSON.parse(await readFile(join(repoRoot, 'packages/contract-tests/package.json'), 'utf8'));
    expect(manifest.dependencies?.vitest).toBeUndefined();
    expect(peerRangeProblems(manifest.peerDependencies?.vitest ?? '')).toEqual([]);
  });

  it('the range check catches a range wider or narrower than what is tested', () => {
    expect(peerRangeProblems('>=3.0.0 <7')).toEqual(['">=3.0.0 <7" allows vitest 6.0.0, which is not tested']);
    expect(peerRangeProblems('^4.1.0').join('\n')).toContain('starts at 4.1.0');
  });
});
