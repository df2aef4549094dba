import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({
  test: { globalSetup: ['./src/global-setup.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
