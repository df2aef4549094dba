import { packageTestConfig } from '../../vitest.shared.ts';

// Each test bundles two specs and runs the real command in a child process.
export default packageTestConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
