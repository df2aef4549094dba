import { packageTestConfig } from '../../vitest.shared.ts';

// A test chains several Playwright waits of up to 120 s each (the browser's own hang guards, see
// the test); vitest's limit stays above them, so a stuck page fails with Playwright's message.
export default packageTestConfig({ test: { testTimeout: 480_000 } });
