import { packageTestConfig } from '../../vitest.shared.ts';

// Test files share one module graph (the mock and the client are imported once, not per file):
// the client keeps no module state, and tests that fake timers restore them afterwards. Measured
// alone on 2 cores: 91 s -> 70 s.
export default packageTestConfig({ test: { isolate: false } });
