import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({ test: { testTimeout: 20_000, hookTimeout: 20_000 } });
