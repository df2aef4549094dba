import { packageTestConfig } from '../../vitest.shared.ts';

// Bundling the ruleset (rollup) and resolving the multi-file spec take a few seconds on CI.
export default packageTestConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } });
