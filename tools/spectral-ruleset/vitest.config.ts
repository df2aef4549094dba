import { packageTestConfig } from '../../vitest.shared.ts';

// Bundling the ruleset (rollup) takes a few seconds, far more on a loaded machine: the shared
// hang-guard limits apply, not tighter ones.
export default packageTestConfig({});
