import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({ test: { globalSetup: ['./src/global-setup.ts'] } });
