// Shared vitest settings: every package also writes a JSON report that .ci/summarize-tests.mjs
// adds up into the one "N passed, N failed" line CI reads.
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

export function packageTestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
        // turbo runs every package's tests at once on a 2-core machine: time limits are a hang
        // guard here, not a speed target (benchmarks measure speed).
        testTimeout: 60_000,
        hookTimeout: 120_000,
      },
    }),
    overrides,
  );
}
