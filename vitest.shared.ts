// Shared vitest settings. Two tiers, both real (README "Testing"):
// - the contributor's loop (`npm test`): every test file but those under test/release/;
// - the release rehearsals (`npm run test:release`, TEST_TIER=release): only test/release/.
// Each tier writes its own JSON report, which .ci/summarize-tests.mjs adds up into the one
// "N passed, N failed" line CI reads.
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

const RELEASE_TESTS = 'test/release/**/*.test.ts';

/** The tier this vitest run belongs to, from TEST_TIER (set by each workspace's test:release script). */
function testTier(): 'contributor' | 'release' {
  return process.env.TEST_TIER === 'release' ? 'release' : 'contributor';
}

export function packageTestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  const release = testTier() === 'release';
  return mergeConfig(
    defineConfig({
      test: {
        reporters: ['default', 'json'],
        // Top-level, not the reporter's own option, so `--outputFile.json=<path>` on the command line
        // can send a run elsewhere (.ci/other-node-lines writes one report per Node line).
        outputFile: { json: release ? '.test-results/vitest-release.json' : '.test-results/vitest.json' },
        include: release ? [RELEASE_TESTS] : ['test/**/*.test.ts', 'src/**/*.test.ts'],
        exclude: release ? ['**/node_modules/**'] : [RELEASE_TESTS, '**/node_modules/**'],
        // turbo runs several packages' tests at once on a 2-core machine: time limits are a hang
        // guard here, not a speed target (benchmarks measure speed).
        testTimeout: 60_000,
        hookTimeout: 120_000,
      },
    }),
    overrides,
  );
}
