import { packageTestConfig } from '../../vitest.shared.ts';

// A real browser renders a 2.5 MB page: allow it the time a busy 2-core machine needs.
export default packageTestConfig({ test: { testTimeout: 60_000, hookTimeout: 90_000 } });
